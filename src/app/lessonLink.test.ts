import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import {
  controlRule,
  isLesson,
  lessonConflict,
  lessonCorpusConflict,
  NO_LESSON,
  parseLesson,
} from './lessonLink.ts';

const parse = (query: string) => parseLesson(new URLSearchParams(query));

describe('parseLesson', () => {
  it('is no lesson without parameters', () => {
    const { lesson, notes } = parse('');
    expect(isLesson(lesson)).toBe(false);
    expect(notes).toEqual([]);
    expect(controlRule(lesson, 'cell')).toBeNull();
    expect(controlRule(lesson, 'preset')).toBeNull();
  });

  it('reads a preset, locks and hidden controls', () => {
    const { lesson, notes } = parse(
      '?preset=addition&lock=cell,layers,hiddenSize&hide=optimizer,schedule',
    );
    expect(notes).toEqual([]);
    expect(isLesson(lesson)).toBe(true);
    expect(lesson.preset?.name).toBe('Addition (simple RNN)');
    expect([...lesson.locked]).toEqual(['cell', 'layers', 'hiddenSize']);
    expect([...lesson.hidden]).toEqual(['optimizer', 'schedule']);
    expect(controlRule(lesson, 'layers')).toBe('locked');
    expect(controlRule(lesson, 'schedule')).toBe('hidden');
    expect(controlRule(lesson, 'seed')).toBeNull();
  });

  it('locks the preset picker when settings are fixed, since a preset would change them', () => {
    expect(controlRule(parse('?lock=seed').lesson, 'preset')).toBe('locked');
    expect(controlRule(parse('?hide=dropout').lesson, 'preset')).toBe('locked');
    expect(controlRule(parse('?lock=backend').lesson, 'preset')).toBeNull();
    expect(controlRule(parse('?hide=preset,seed').lesson, 'preset')).toBe('hidden');
  });

  it('matches names in any letter case and ignores spaces and empty items', () => {
    const { lesson, notes } = parse('?lock= HIDDENSIZE ,,Backend');
    expect([...lesson.locked]).toEqual(['hiddenSize', 'backend']);
    expect(notes).toEqual([]);
  });

  it('notes unknown presets and controls and goes on without them', () => {
    const { lesson, notes } = parse('?preset=gpt&lock=cell,wings&hide=tail');
    expect(lesson.preset).toBeNull();
    expect([...lesson.locked]).toEqual(['cell']);
    expect(lesson.hidden.size).toBe(0);
    expect(notes).toHaveLength(3);
    expect(notes.join(' ')).toMatch(/"gpt".*"wings".*"tail"/);
  });

  it('locks the corpus instead of hiding it', () => {
    const { lesson, notes } = parse('?hide=corpus');
    expect(controlRule(lesson, 'corpus')).toBe('locked');
    expect(notes[0]).toMatch(/cannot be hidden/);
  });

  it('hides a control that is both locked and hidden', () => {
    expect(controlRule(parse('?lock=seed&hide=seed').lesson, 'seed')).toBe('hidden');
  });
});

describe('lessonConflict', () => {
  const fixed = { ...DEFAULT_HYPERPARAMETERS, cell: 'rnn' as const, hiddenSize: 64 };

  it('lets in settings that keep every locked and hidden value', () => {
    const { lesson } = parse('?lock=cell&hide=hiddenSize');
    expect(lessonConflict(lesson, fixed, { ...fixed, layers: 3, seed: 9 })).toBeNull();
  });

  it('names a locked or hidden value that would change', () => {
    const { lesson } = parse('?lock=cell&hide=hiddenSize');
    expect(lessonConflict(lesson, fixed, { ...fixed, cell: 'gru' })).toMatch(
      /fixes the cell at rnn and this one uses gru/,
    );
    expect(lessonConflict(lesson, fixed, { ...fixed, hiddenSize: 128 })).toMatch(
      /hidden size at 64 .* uses 128/,
    );
  });

  it('has nothing to refuse without a lesson', () => {
    expect(lessonConflict(NO_LESSON, fixed, { ...fixed, cell: 'lstm' })).toBeNull();
  });
});

describe('lessonCorpusConflict', () => {
  const sotu = { id: 'sotu', title: 'State of the Union' };
  const run = (id: string, title: string) => ({ kind: 'builtin' as const, id, title });

  it('lets in a run on the corpus the lesson locks, and any run when it is not locked', () => {
    expect(
      lessonCorpusConflict(parse('?lock=corpus').lesson, sotu, run('sotu', 'SOTU')),
    ).toBeNull();
    expect(
      lessonCorpusConflict(parse('?lock=cell').lesson, sotu, run('names', 'Names')),
    ).toBeNull();
    expect(lessonCorpusConflict(NO_LESSON, sotu, { kind: 'own', title: 'Your text' })).toBeNull();
  });

  it('names both corpora when the run would switch a locked corpus', () => {
    const { lesson } = parse('?lock=corpus');
    expect(lessonCorpusConflict(lesson, sotu, run('names', 'First names'))).toMatch(
      /fixes the corpus at “State of the Union” and this run was trained on “First names”/,
    );
    expect(lessonCorpusConflict(lesson, sotu, { kind: 'own', title: 'Your text: a.txt' })).toMatch(
      /trained on “Your text: a.txt”/,
    );
  });

  it('counts a corpus that cannot be hidden as locked when a link tries to hide it', () => {
    const { lesson } = parse('?hide=corpus');
    expect(lessonCorpusConflict(lesson, sotu, run('names', 'Names'))).not.toBeNull();
  });
});
