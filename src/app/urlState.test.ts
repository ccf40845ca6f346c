import { describe, expect, it } from 'vitest';
import { parseUrlState, withBackend } from './urlState.ts';

describe('parseUrlState', () => {
  it('uses auto when the URL names no backend', () => {
    expect(parseUrlState('')).toEqual({ backend: 'auto', notes: [] });
    expect(parseUrlState('?backend=')).toEqual({ backend: 'auto', notes: [] });
  });

  it.each(['webgpu', 'webgl', 'wasm', 'cpu', 'auto'] as const)('reads backend=%s', (name) => {
    expect(parseUrlState(`?backend=${name}`)).toEqual({ backend: name, notes: [] });
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

  it('ignores other parameters', () => {
    expect(parseUrlState('?corpus=x&backend=cpu')).toEqual({ backend: 'cpu', notes: [] });
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
