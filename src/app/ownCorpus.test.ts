import { describe, expect, it } from 'vitest';
import { FOLDER_MESSAGE, LINK_MESSAGE } from './dropInput.ts';
import {
  addedNotice,
  alertFor,
  dropAlert,
  isOwnCorpus,
  makeOwnCorpus,
  ownTitle,
  validationSettings,
} from './ownCorpus.ts';
import { decide, preparePasted, type Preparation } from './prepareCorpus.ts';

const settings = { seqLen: 16, valFraction: 0.1 };
const good = preparePasted('word '.repeat(100), settings);

describe('own corpus options', () => {
  it('titles a text by its source, uniquely', () => {
    expect(ownTitle('notes.txt', [])).toBe('Your text: notes.txt');
    expect(ownTitle('pasted text', [])).toBe('Your text: pasted');
    expect(ownTitle('3 files', ['Your text: 3 files'])).toBe('Your text: 3 files (2)');
    expect(ownTitle('a', ['Your text: a', 'Your text: a (2)'])).toBe('Your text: a (3)');
  });

  it('makes an option with the figures of a text that can train, and none otherwise', () => {
    const corpus = makeOwnCorpus('own-1', { ...good, names: ['a.txt', 'b.txt'] }, []);
    expect(corpus).toMatchObject({ id: 'own-1', chars: 500, vocabSize: 5 });
    expect(corpus?.description).toBe('Your own text, joined from 2 files: a.txt, b.txt.');
    expect(corpus !== null && isOwnCorpus(corpus)).toBe(true);
    expect(makeOwnCorpus('own-2', preparePasted('x', settings), [])).toBeNull();
  });
});

describe('alertFor', () => {
  const withIssue: Preparation = {
    ...good,
    fileIssues: [{ name: 'x.png', kind: 'binary', message: 'This file is a PNG image.' }],
  };

  it('says nothing after a clean add, and lists files left out otherwise', () => {
    expect(alertFor(good, decide(good))).toBeNull();
    expect(alertFor(withIssue, decide(withIssue))).toEqual({
      title: 'Some files were left out',
      lines: [{ name: 'x.png', message: 'This file is a PNG image.' }],
      choices: [],
    });
  });

  it('names the source of a refused text', () => {
    const empty = preparePasted('', settings);
    expect(alertFor(empty, decide(empty))).toEqual({
      title: "Pasted text can't be used",
      lines: [{ name: 'Pasted text', message: 'This text is empty.' }],
      choices: [],
    });
  });

  it('turns offers into choices, with "as it is" where the text may stay', () => {
    const chars = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const many = preparePasted(chars, settings);
    expect(alertFor(many, decide(many))?.choices).toEqual([
      { id: 'offer-0', label: 'Keep the 299 most frequent characters' },
      { id: 'as-is', label: 'Use the text as it is' },
    ]);
  });
});

describe('drops with nothing to read', () => {
  it('answers a link, and lets files through', () => {
    expect(dropAlert({ kind: 'link' })?.lines).toEqual([{ name: null, message: LINK_MESSAGE }]);
    expect(dropAlert({ kind: 'files', files: ['a.txt'], folders: ['dir'] })).toBeNull();
    expect(dropAlert({ kind: 'nothing' })).toBeNull();
  });

  it('names each folder dropped on its own', () => {
    expect(dropAlert({ kind: 'files', files: [], folders: ['chapters'] })).toEqual({
      title: "chapters can't be used",
      lines: [{ name: 'chapters', message: FOLDER_MESSAGE }],
      choices: [],
    });
  });
});

describe('notices and settings', () => {
  it('says whether an added text was selected or waits for the run to end', () => {
    expect(addedNotice('Your text: a', true)).toMatch(/selected it/);
    expect(addedNotice('Your text: a', false)).toMatch(/stop it, then pick your text/);
  });

  it('checks against the form, or the defaults while a field is being edited', () => {
    const values = { seqLen: 16, valFraction: 0.2 };
    expect(validationSettings({ values, errors: {} })).toEqual(values);
    expect(validationSettings({ values, errors: { seqLen: 'Too long' } })).toEqual({
      seqLen: 50,
      valFraction: 0.1,
    });
  });
});
