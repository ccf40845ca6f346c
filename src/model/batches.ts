// Training data: a contiguous train/validation split and batches of windows, as int32 ids.
import { randomInt, type Rng } from './random.ts';

/** Windows of ids, row-major [batch, time]; targets are the inputs shifted one character left. */
export interface Batch {
  batchSize: number;
  seqLen: number;
  inputs: Int32Array; // [batch, time]
  targets: Int32Array; // [batch, time]
}

/**
 * Splits contiguously: the first (1 - valFraction) for training, the rest for validation, so that
 * validation text is never seen in training windows (random splits would leak overlapping windows).
 */
export function splitTrainVal(
  ids: Int32Array,
  valFraction: number,
): { train: Int32Array; val: Int32Array } {
  const cut = Math.round(ids.length * (1 - valFraction));
  return { train: ids.subarray(0, cut), val: ids.subarray(cut) };
}

/** Steps that see about as many characters as the training split holds. */
export function stepsPerEpoch(trainChars: number, batchSize: number, seqLen: number): number {
  return Math.max(1, Math.floor(trainChars / (batchSize * seqLen)));
}

function windowAt(ids: Int32Array, start: number, seqLen: number, batch: Batch, row: number): void {
  batch.inputs.set(ids.subarray(start, start + seqLen), row * seqLen);
  batch.targets.set(ids.subarray(start + 1, start + seqLen + 1), row * seqLen);
}

function emptyBatch(batchSize: number, seqLen: number): Batch {
  const size = batchSize * seqLen;
  return { batchSize, seqLen, inputs: new Int32Array(size), targets: new Int32Array(size) };
}

/** `batchSize` windows of seqLen + 1 characters starting at uniformly random offsets. */
export function randomBatch(ids: Int32Array, batchSize: number, seqLen: number, rng: Rng): Batch {
  const starts = ids.length - seqLen; // last valid start is length - (seqLen + 1)
  if (starts < 1) throw new Error(`Text of ${ids.length} characters is shorter than one window`);
  const batch = emptyBatch(batchSize, seqLen);
  for (let row = 0; row < batchSize; row++)
    windowAt(ids, randomInt(rng, starts), seqLen, batch, row);
  return batch;
}

/**
 * Non-overlapping windows from the start of `ids`, for a deterministic validation loss. Stops after
 * `maxBatches` so that evaluation stays cheap on a large corpus; a last partial batch is dropped.
 */
export function sequentialBatches(
  ids: Int32Array,
  batchSize: number,
  seqLen: number,
  maxBatches: number,
): Batch[] {
  const windows = Math.floor((ids.length - 1) / seqLen);
  const count = Math.min(maxBatches, Math.floor(windows / batchSize));
  const batches: Batch[] = [];
  for (let b = 0; b < count; b++) {
    const batch = emptyBatch(batchSize, seqLen);
    for (let row = 0; row < batchSize; row++) {
      windowAt(ids, (b * batchSize + row) * seqLen, seqLen, batch, row);
    }
    batches.push(batch);
  }
  return batches;
}

/** [batch, time] -> [time, batch], done in JS so that no int32 tensor is ever transposed on a GPU. */
export function toTimeMajor(ids: Int32Array, batchSize: number, seqLen: number): Int32Array {
  const out = new Int32Array(ids.length);
  for (let b = 0; b < batchSize; b++) {
    for (let t = 0; t < seqLen; t++) out[t * batchSize + b] = ids[b * seqLen + t] ?? 0;
  }
  return out;
}

/**
 * char-rnn's batching for a carried hidden state: the text is cut into `batchSize` streams, and
 * row b of consecutive batches holds consecutive windows of stream b, so the state that ends one
 * batch is the right start for the next. A pass over the streams is one epoch; each pass starts
 * from a zero state.
 */
export class SequentialBatcher {
  private readonly streamLength: number;
  /** Batches in one pass. */
  readonly batchesPerPass: number;
  private position = 0;

  constructor(
    private readonly ids: Int32Array,
    private readonly batchSize: number,
    private readonly seqLen: number,
  ) {
    this.streamLength = Math.floor(ids.length / batchSize);
    this.batchesPerPass = Math.floor((this.streamLength - 1) / seqLen);
    if (this.batchesPerPass < 1) {
      throw new Error(`Text of ${ids.length} characters is too short for ${batchSize} streams`);
    }
  }

  /** Whether the next batch starts a pass (so the carried state must be reset). */
  get startsPass(): boolean {
    return this.position === 0;
  }

  next(): Batch {
    const batch = emptyBatch(this.batchSize, this.seqLen);
    for (let row = 0; row < this.batchSize; row++) {
      const start = row * this.streamLength + this.position * this.seqLen;
      windowAt(this.ids, start, this.seqLen, batch, row);
    }
    this.position = (this.position + 1) % this.batchesPerPass;
    return batch;
  }
}
