import { describe, expect, it } from 'vitest';
import type { Hyperparameters } from '../workers/protocol.ts';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { findPreset } from '../model/presets.ts';
import { parseUrlState, shareSearch, withBackend, type ShareBase } from './urlState.ts';

const DEFAULTS: ShareBase = { hyper: DEFAULT_HYPERPARAMETERS, corpus: 'sotu' };

describe('parseUrlState: backend', () => {
  it('uses auto when the URL names no backend', () => {
    expect(parseUrlState('')).toMatchObject({ backend: 'auto', notes: [], linkNotes: [] });
    expect(parseUrlState('?backend=')).toMatchObject({ backend: 'auto', notes: [] });
  });

  it.each(['webgpu', 'webgl', 'wasm', 'cpu', 'auto'] as const)('reads backend=%s', (name) => {
    expect(parseUrlState(`?backend=${name}`)).toMatchObject({ backend: name, notes: [] });
  });

  it('accepts a search string without the question mark and any letter case', () => {
    expect(parseUrlState('backend=WASM').backend).toBe('wasm');
  });

  it('falls back to auto with a visible note for an unknown backend', () => {
    const state = parseUrlState('?backend=cuda');
    expect(state.backend).toBe('auto');
    expect(state.notes).toHaveLength(1);
    expect(state.notes[0]).toContain('"cuda"');
    expect(state.notes[0]).toContain('auto');
  });

  it('ignores parameters it does not know', () => {
    expect(parseUrlState('?utm=x&backend=cpu')).toMatchObject({ backend: 'cpu', linkNotes: [] });
  });
});

describe('parseUrlState: settings and corpus', () => {
  it('starts from the defaults and no corpus', () => {
    const state = parseUrlState('');
    expect(state.hyper).toEqual(DEFAULT_HYPERPARAMETERS);
    expect(state.corpus).toBeNull();
  });

  it('reads every kind of field', () => {
    const state = parseUrlState(
      '?cell=gru&layers=2&hiddenSize=64&learningRate=0.002&carryState=true&seed=7&corpus=addition',
    );
    expect(state.hyper).toEqual({
      ...DEFAULT_HYPERPARAMETERS,
      cell: 'gru',
      layers: 2,
      hiddenSize: 64,
      learningRate: 0.002,
      carryState: true,
      seed: 7,
    });
    expect(state.corpus).toBe('addition');
    expect(state.linkNotes).toEqual([]);
  });

  it.each([
    ['layers=9', 'layers'],
    ['layers=1.5', 'layers'],
    ['hiddenSize=', 'hiddenSize'],
    ['learningRate=fast', 'learningRate'],
    ['cell=transformer', 'cell'],
    ['carryState=maybe', 'carryState'],
    ['seed=-1', 'seed'],
  ] as const)('falls back with a note for %s', (query, key) => {
    const state = parseUrlState(`?${query}`);
    expect(state.hyper[key]).toBe(DEFAULT_HYPERPARAMETERS[key]);
    expect(state.linkNotes).toHaveLength(1);
    expect(state.linkNotes[0]).toContain(key);
  });

  it('falls back when values that fit alone cannot run together', () => {
    const state = parseUrlState('?schedule=cosine&epochs=0');
    expect(validCombination(state.hyper)).toBe(true);
    expect(state.linkNotes.join(' ')).toMatch(/cosine/);
  });

  it('refuses a malformed corpus id', () => {
    const state = parseUrlState('?corpus=../../etc');
    expect(state.corpus).toBeNull();
    expect(state.linkNotes[0]).toMatch(/malformed/);
  });
});

function validCombination(h: Hyperparameters): boolean {
  return !(h.schedule === 'cosine' && h.epochs === 0);
}

describe('shareSearch', () => {
  const roundTrip = (hyper: Hyperparameters, corpus: string | null = null) =>
    parseUrlState(shareSearch('', { hyper, corpus, backend: 'cpu' }, DEFAULTS));

  it('writes nothing for the defaults', () => {
    expect(
      shareSearch(
        '',
        { hyper: DEFAULT_HYPERPARAMETERS, corpus: 'sotu', backend: 'auto' },
        DEFAULTS,
      ),
    ).toBe('');
  });

  it('round-trips settings, seed, corpus and backend exactly', () => {
    const hyper: Hyperparameters = {
      ...DEFAULT_HYPERPARAMETERS,
      cell: 'rnn',
      layers: 3,
      hiddenSize: 17,
      embeddingSize: 8,
      dropout: 0.15,
      learningRate: 0.00031,
      schedule: 'cosine',
      epochs: 0.25,
      carryState: true,
      temperature: 0,
      seed: 2 ** 31 - 1,
    };
    const state = roundTrip(hyper, 'addition');
    expect(state.hyper).toEqual(hyper);
    expect(state.corpus).toBe('addition');
    expect(state.backend).toBe('cpu');
    expect(state.linkNotes).toEqual([]);
  });

  it('round-trips "train until stopped" (epochs 0)', () => {
    expect(roundTrip({ ...DEFAULT_HYPERPARAMETERS, epochs: 0 }).hyper.epochs).toBe(0);
  });

  it('keeps lesson parameters and drops values back at the base', () => {
    const search = shareSearch(
      '?preset=addition&lock=cell&layers=3',
      { hyper: findPreset('addition')!.hyper, corpus: 'addition', backend: 'auto' },
      { hyper: findPreset('addition')!.hyper, corpus: 'addition' },
    );
    expect(search).toBe('?preset=addition&lock=cell');
  });

  it('leaves the corpus alone while it is unknown, and drops it for the user’s own text', () => {
    const base = { hyper: DEFAULT_HYPERPARAMETERS, corpus: null };
    const state = { hyper: DEFAULT_HYPERPARAMETERS, backend: 'auto' as const };
    expect(shareSearch('?corpus=names', { ...state, corpus: undefined }, base)).toBe(
      '?corpus=names',
    );
    expect(shareSearch('?corpus=names', { ...state, corpus: null }, base)).toBe('');
  });
});

describe('parseUrlState: lesson links', () => {
  it('starts from the named preset and its corpus', () => {
    const state = parseUrlState('?preset=addition&hiddenSize=64');
    expect(state.lesson.preset?.id).toBe('addition');
    expect(state.hyper).toEqual({ ...findPreset('addition')!.hyper, hiddenSize: 64 });
    expect(state.corpus).toBe('addition');
  });
});

describe('withBackend', () => {
  it('sets the backend and keeps other parameters', () => {
    expect(withBackend('?corpus=x', 'wasm')).toBe('?corpus=x&backend=wasm');
  });

  it('drops the parameter for auto', () => {
    expect(withBackend('?backend=cpu', 'auto')).toBe('');
  });
});
