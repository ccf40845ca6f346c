// The Generate panel's fields as the worker's `generate` request: parsing and checking what the
// user typed, and the sources to generate from. Pure, unit-tested, no DOM types.
import type { Command, GenerationSource } from '../workers/protocol.ts';

/** Longest generation the panel asks for: enough for a page of text, short enough to wait for. */
export const MAX_GENERATE_LENGTH = 10_000;
export const MAX_TEMPERATURE = 2;
/** n-gram orders the worker can generate from (its baselines). */
export const NGRAM_ORDERS = [1, 2, 3, 4, 5] as const;

export interface GenerateFields {
  prime: string;
  length: string;
  temperature: number;
  /** Empty or 0: sample from every character. */
  topK: string;
  /** 'network' or 'ngram-<order>', as the Source select holds it. */
  source: string;
}

export const DEFAULT_GENERATE_FIELDS: Omit<GenerateFields, 'prime'> = {
  length: '200',
  temperature: 0.8,
  topK: '',
  source: 'network',
};

export const SOURCE_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'network', label: 'Network' },
  ...NGRAM_ORDERS.map((order) => ({ value: `ngram-${order}`, label: `n-gram, order ${order}` })),
];

export function parseSource(value: string): GenerationSource {
  const match = /^ngram-(\d)$/.exec(value);
  const order = match ? Number(match[1]) : NaN;
  return NGRAM_ORDERS.some((o) => o === order) ? { kind: 'ngram', order } : { kind: 'network' };
}

/** "the network", "the order-3 n-gram model": for the panel's messages. */
export function describeSource(source: GenerationSource): string {
  return source.kind === 'network' ? 'the network' : `the order-${source.order} n-gram model`;
}

export type GenerateRequest = Omit<Extract<Command, { type: 'generate' }>, 'type' | 'id'>;

export type CheckedGenerate =
  | { ok: true; request: GenerateRequest }
  | { ok: false; field: 'length' | 'temperature' | 'topK'; error: string };

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** The request the fields describe, or the first field that is wrong and why. */
export function checkGenerateFields(fields: GenerateFields): CheckedGenerate {
  const length = wholeNumber(fields.length);
  if (length === null || length < 1 || length > MAX_GENERATE_LENGTH) {
    return {
      ok: false,
      field: 'length',
      error: `Length must be a whole number from 1 to ${MAX_GENERATE_LENGTH}.`,
    };
  }
  const { temperature } = fields;
  if (!Number.isFinite(temperature) || temperature < 0 || temperature > MAX_TEMPERATURE) {
    return {
      ok: false,
      field: 'temperature',
      error: `Temperature must be between 0 and ${MAX_TEMPERATURE}.`,
    };
  }
  const topK = fields.topK.trim() === '' ? 0 : wholeNumber(fields.topK);
  if (topK === null) {
    return {
      ok: false,
      field: 'topK',
      error: 'Top-k must be a whole number (empty or 0 for all characters).',
    };
  }
  return {
    ok: true,
    request: {
      prime: fields.prime,
      length,
      temperature,
      topK: topK === 0 ? null : topK,
      source: parseSource(fields.source),
    },
  };
}

/** "T=0.8", "argmax (T=0)": how the temperature slider's value reads. */
export function describeTemperature(temperature: number): string {
  return temperature === 0 ? 'argmax (T=0)' : `T=${temperature.toFixed(2)}`;
}
