// A run's trainable state as plain arrays: weights, optimizer moments and counters. What autosave
// stores (IndexedDB keeps Float32Arrays as they are) and what a resumed run starts from. Reading
// is consistent: every variable is cloned at once (clones share data, so this copies nothing)
// before any value is awaited, so a training step in between cannot tear the snapshot.
import * as tf from '@tensorflow/tfjs-core';
import { CELL_KINDS, OPTIMIZER_KINDS, type OptimizerKind } from './kinds.ts';
import { parameterShapes, type NetworkShape } from './cost.ts';
import { createCharRnn, parameters, type CharRnn } from './network.ts';
import { createOptimizer, type Optimizer } from './optimizers.ts';

export const CHECKPOINT_FORMAT = 'rnn-playground-checkpoint';

export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  version: 1;
  shape: NetworkShape;
  /** id -> character. */
  vocabulary: string[];
  optimizer: OptimizerKind;
  /** Updates the optimizer has made (Adam's bias correction depends on it). */
  optimizerStep: number;
  /** Training steps taken. */
  step: number;
  /** Values of parameters(), in that order. */
  params: Float32Array[];
  /** Values of optimizer.slots, in that order. */
  slots: Float32Array[];
}

export async function captureCheckpoint(
  net: CharRnn,
  optimizer: Optimizer,
  vocabulary: readonly string[],
  step: number,
): Promise<Checkpoint> {
  const optimizerStep = optimizer.step;
  const vars = [...parameters(net), ...optimizer.slots];
  const clones = vars.map((v) => tf.clone(v));
  try {
    const values = await Promise.all(clones.map((c) => c.data() as Promise<Float32Array>));
    const count = parameters(net).length;
    return {
      format: CHECKPOINT_FORMAT,
      version: 1,
      shape: { ...net.shape },
      vocabulary: [...vocabulary],
      optimizer: optimizer.kind,
      optimizerStep,
      step,
      params: values.slice(0, count),
      slots: values.slice(count),
    };
  } finally {
    tf.dispose(clones);
  }
}

/** Builds the network and optimizer a checkpoint describes, with its values. */
export function restoreCheckpoint(checkpoint: Checkpoint): { net: CharRnn; optimizer: Optimizer } {
  const net = createCharRnn(checkpoint.shape, checkpoint.params);
  const optimizer = createOptimizer(checkpoint.optimizer, parameters(net));
  tf.tidy(() =>
    optimizer.slots.forEach((slot, i) => slot.assign(tf.tensor(checkpoint.slots[i]!, slot.shape))),
  );
  optimizer.step = checkpoint.optimizerStep;
  return { net, optimizer };
}

/** Limits that keep a hostile checkpoint from allocating absurd amounts of memory. */
const LIMITS = { vocabulary: 20_000, layers: 4, hidden: 1024, embedding: 512 };

const isCount = (x: unknown, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;

/**
 * Checks that `value` is a checkpoint whose arrays have exactly the sizes its shape implies.
 * Returns it typed, or throws an Error that says what is wrong.
 */
export function validateCheckpoint(value: unknown): Checkpoint {
  const c = value as Partial<Checkpoint> | null;
  const fail = (why: string): never => {
    throw new Error(`This is not a usable checkpoint: ${why}.`);
  };
  if (!c || typeof c !== 'object' || c.format !== CHECKPOINT_FORMAT) fail('unknown format');
  if (c!.version !== 1) fail(`version ${String(c!.version)} is not supported`);
  const s = c!.shape;
  if (!s || !CELL_KINDS.includes(s.cell)) fail('unknown cell');
  if (!isCount(s!.layers, LIMITS.layers) || s!.layers < 1) fail('bad layer count');
  if (!isCount(s!.hiddenSize, LIMITS.hidden) || s!.hiddenSize < 1) fail('bad hidden size');
  if (!isCount(s!.embeddingSize, LIMITS.embedding)) fail('bad embedding size');
  if (!isCount(s!.vocabSize, LIMITS.vocabulary) || s!.vocabSize < 1) fail('bad vocabulary size');
  const vocab = c!.vocabulary;
  if (!Array.isArray(vocab) || vocab.length !== s!.vocabSize) fail('vocabulary size mismatch');
  if (!vocab!.every((ch) => typeof ch === 'string' && [...ch].length === 1)) fail('bad vocabulary');
  if (new Set(vocab).size !== vocab!.length) fail('repeated characters in the vocabulary');
  if (!OPTIMIZER_KINDS.includes(c!.optimizer!)) fail('unknown optimizer');
  if (!isCount(c!.step, 1e9) || !isCount(c!.optimizerStep, 1e9)) fail('bad step counters');
  const sizes = parameterShapes(s!).map((shape) => shape.reduce((a, b) => a * b, 1));
  const slotsPer = { adam: 2, rmsprop: 1, sgd: 1 }[c!.optimizer!];
  const slotSizes = Array.from({ length: slotsPer }, () => sizes).flat();
  const sameSizes = (arrays: unknown, expected: number[]) =>
    Array.isArray(arrays) &&
    arrays.length === expected.length &&
    arrays.every((a, i) => a instanceof Float32Array && a.length === expected[i]);
  if (!sameSizes(c!.params, sizes)) fail('weights do not match the model shape');
  if (!sameSizes(c!.slots, slotSizes)) fail('optimizer state does not match the model shape');
  return c as Checkpoint;
}
