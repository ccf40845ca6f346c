import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { PRESETS } from '../model/presets.ts';
import {
  FIELD_LABELS,
  boundedValue,
  checkForm,
  fromForm,
  matchPreset,
  presetCorpus,
  rateText,
  toForm,
  type FormState,
} from './hyperparameters.ts';

function withText(patch: Partial<FormState['text']>): FormState {
  const form = toForm(DEFAULT_HYPERPARAMETERS);
  return { ...form, text: { ...form.text, ...patch } };
}

describe('form state', () => {
  it('round-trips the defaults and finds them valid', () => {
    const checked = checkForm(toForm(DEFAULT_HYPERPARAMETERS));
    expect(checked.values).toEqual(DEFAULT_HYPERPARAMETERS);
    expect(checked.valid).toBe(true);
  });

  it('round-trips every preset, choices and switches included', () => {
    for (const preset of PRESETS) {
      expect(fromForm(toForm(preset.hyper))).toEqual(preset.hyper);
    }
  });

  it('treats an empty field as missing, not zero', () => {
    const checked = checkForm(withText({ seed: '' }));
    expect(checked.valid).toBe(false);
    expect(checked.errors.seed).toBe('Seed must be a number.');
  });

  it('reports out-of-range and fractional values per field', () => {
    const checked = checkForm(withText({ layers: '9', batchSize: '2.5' }));
    expect(Object.keys(checked.errors).sort()).toEqual(['batchSize', 'layers']);
  });

  it('trains until stopped with epochs 0 but keeps the typed epochs to come back to', () => {
    const form = { ...withText({ epochs: '7' }), untilStopped: true };
    expect(fromForm(form).epochs).toBe(0);
    expect(form.text.epochs).toBe('7');
    expect(fromForm({ ...form, untilStopped: false }).epochs).toBe(7);
  });

  it('keys a combination that cannot run to its field', () => {
    const form = { ...toForm(DEFAULT_HYPERPARAMETERS), schedule: 'cosine' as const };
    expect(checkForm(form).valid).toBe(true);
    expect(checkForm({ ...form, untilStopped: true }).errors.schedule).toMatch(/cosine/i);
  });

  it('starts an until-stopped setting with a real epoch count behind the box', () => {
    const form = toForm({ ...DEFAULT_HYPERPARAMETERS, epochs: 0 });
    expect(form.untilStopped).toBe(true);
    expect(form.text.epochs).toBe(String(DEFAULT_HYPERPARAMETERS.epochs));
  });

  it('labels every field, choices included', () => {
    expect(FIELD_LABELS.schedule).toBe('Learning-rate schedule');
    expect(FIELD_LABELS.learningRate).toBe('Learning rate');
  });
});

describe('boundedValue', () => {
  it('accepts a value within its bounds and refuses the rest', () => {
    expect(boundedValue('learningRate', '0.005')).toBe(0.005);
    expect(boundedValue('learningRate', '0')).toBeNull();
    expect(boundedValue('temperature', '0.')).toBe(0);
    expect(boundedValue('temperature', '')).toBeNull();
    expect(boundedValue('temperature', '1.5')).toBe(1.5);
    expect(boundedValue('layers', '2.5')).toBeNull();
  });
});

describe('matchPreset', () => {
  it('finds the preset the form holds, and none once a field differs', () => {
    const lyrics = PRESETS.find((p) => p.id === 'lyrics')!;
    expect(matchPreset(lyrics.hyper)?.id).toBe('lyrics');
    expect(matchPreset({ ...lyrics.hyper, seed: 1 })).toBeUndefined();
    expect(matchPreset(DEFAULT_HYPERPARAMETERS)?.id).toBe('quick');
  });
});

describe('presetCorpus', () => {
  const code = PRESETS.find((p) => p.id === 'code')!;

  it('selects the suggested corpus when the library has it', () => {
    expect(presetCorpus(code, [{ id: 'sotu' }, { id: 'code' }], { title: 'SOTU' })).toEqual({
      select: 'code',
    });
  });

  it('keeps the current corpus and says so when the library lacks it', () => {
    expect(presetCorpus(code, [{ id: 'sotu' }], { title: 'SOTU' })).toEqual({
      note: 'This preset suggests the “code” corpus, which is not in the library; keeping “SOTU”.',
    });
  });
});

describe('rateText', () => {
  it('writes a halved rate as a person would type it', () => {
    expect(rateText(0.0015)).toBe('0.0015');
    expect(rateText(0.1 + 0.2)).toBe('0.3');
  });
});
