// The step loop of one run: train, read losses back in batches, recover from NaN, validate and
// sample on schedule.
import * as tf from '@tensorflow/tfjs-core';
import { randomBatch, type Batch, type SequentialBatcher } from '../model/batches.ts';
import type { CellState } from '../model/cells/index.ts';
import { SAMPLE_LENGTH } from '../model/config.ts';
import { learningRateAt, type ScheduleSpec } from '../model/learningRate.ts';
import { createCharRnn, disposeCharRnn, initialValues, parameters } from '../model/network.ts';
import { parameterCount, type CharRnn, type NetworkShape } from '../model/network.ts';
import { createOptimizer, type Optimizer } from '../model/optimizers.ts';
import { deriveRng, type Rng } from '../model/random.ts';
import { sampleIds } from '../model/sample.ts';
import { Snapshots } from '../model/snapshot.ts';
import { restoreCheckpoint } from '../model/checkpoint.ts';
import { exportLayersModel, type ExportedFiles } from '../model/exportLayers.ts';
import { disposeStates, meanLoss, trainStep } from '../model/train.ts';
import { decode, encode, type Vocab } from '../model/vocab.ts';
import type { Hyperparameters, LossPoint, PostEvent, ResumeFrom } from './protocol.ts';
import { Autosaver } from './autosave.ts';
import { Insights } from './insights.ts';
import { choosePrime, isSampleStep, isValidationStep } from './schedule.ts';
import type { CheckpointResult } from './session.ts';
import { yieldToEventLoop } from './yieldToEventLoop.ts';

/**
 * A loss this far above uniform guessing (ln V nats) means the run diverged even if it is still
 * finite: softmax cross-entropy on logits never overflows, so with clipped gradients a too-large
 * learning rate shows as an exploding loss long before any NaN. Both trigger the recovery.
 */
export function divergenceLimit(vocabSize: number): number {
  return 4 * Math.log(vocabSize) + 5;
}

/** Losses are read back together at most this often, so a GPU is not stalled every step. */
const PROGRESS_INTERVAL_MS = 250;
const PROGRESS_MAX_PENDING = 20;

export interface LoopData {
  vocab: Vocab;
  train: Int32Array;
  val: Int32Array;
  valBatches: Batch[];
  /** The carried-state batcher, or null for random windows with a fresh state each. */
  sequential: SequentialBatcher | null;
  perEpoch: number;
  totalSteps: number | null;
  /** A saved run to continue, or null for fresh weights from the seed. */
  resume: ResumeFrom | null;
}

/** The session's side of the loop: where it may pause, and how it pauses itself. */
export interface LoopControl {
  checkpoint(onPause: () => Promise<void>): Promise<CheckpointResult>;
  pause(): void;
}

export class TrainingLoop {
  private readonly net!: CharRnn;
  private readonly optimizer!: Optimizer;
  private readonly snapshots: Snapshots;
  private readonly schedule: ScheduleSpec;
  private readonly batchRng: Rng;
  private readonly prime: string;
  /** Generation, inspection and the run's reference figures, over this loop's network. */
  readonly insights: Insights;
  private readonly autosaver: Autosaver;
  private step = 0;
  private pending: { step: number; loss: tf.Scalar }[] = [];
  private lastLoss: number | null = null;
  private carried: CellState[] | null = null;
  /** Throughput is measured over training time only: validation and sampling reset the clock. */
  private clock = { time: performance.now(), step: 0 };
  /** This step was a single Step command: report it at once. */
  private singleStep = false;

  constructor(
    private readonly hyper: Hyperparameters,
    private readonly data: LoopData,
    private readonly live: { learningRate: number; temperature: number },
    private readonly post: PostEvent,
    private readonly control: LoopControl,
  ) {
    const shape: NetworkShape = {
      cell: hyper.cell,
      vocabSize: data.vocab.chars.length,
      embeddingSize: hyper.embeddingSize,
      layers: hyper.layers,
      hiddenSize: hyper.hiddenSize,
    };
    if (data.resume) {
      ({ net: this.net, optimizer: this.optimizer } = restoreCheckpoint(data.resume.checkpoint));
      this.step = data.resume.checkpoint.step;
      this.clock.step = this.step;
    } else {
      this.net = createCharRnn(shape, initialValues(shape, hyper.seed));
      this.optimizer = createOptimizer(hyper.optimizer, parameters(this.net));
    }
    this.autosaver = new Autosaver(
      this.net,
      this.optimizer,
      data.vocab,
      () => live.learningRate,
      post,
    );
    this.snapshots = new Snapshots(this.net, this.optimizer);
    this.schedule = {
      kind: hyper.schedule,
      warmupSteps: hyper.warmupSteps,
      stepsPerEpoch: data.perEpoch,
      totalSteps: data.totalSteps,
    };
    // A resumed run draws batches from a stream of its own step, as it cannot replay the old one.
    this.batchRng = deriveRng(hyper.seed, this.step > 0 ? `batches@${this.step}` : 'batches');
    this.prime = choosePrime(decode(data.vocab, data.train.subarray(0, 80)));
    this.insights = new Insights(this.net, data.vocab, data.train, data.val, post, () => this.step);
    this.post({
      type: 'started',
      vocabSize: shape.vocabSize,
      trainChars: data.train.length,
      valChars: data.val.length,
      stepsPerEpoch: data.perEpoch,
      totalSteps: data.totalSteps,
      paramCount: parameterCount(shape),
    });
  }

  async run(): Promise<void> {
    const { perEpoch, totalSteps } = this.data;
    await this.insights.postBaselines();
    while (totalSteps === null || this.step < totalSteps) {
      const next = await this.control.checkpoint(() => this.announcePause());
      if (next === 'stop') break;
      this.singleStep = next === 'step';
      this.trainOneStep();
      const step = this.step;
      const validate = isValidationStep(step, perEpoch, totalSteps);
      const sample = isSampleStep(step, perEpoch, totalSteps);
      const due = performance.now() - this.clock.time > PROGRESS_INTERVAL_MS;
      const full = this.pending.length >= PROGRESS_MAX_PENDING;
      if (due || validate || sample || this.singleStep || full) {
        if (!(await this.flush())) continue; // recovered from NaN: paused at an earlier step
      }
      if (validate) await this.validate();
      if (sample) await this.sample();
      if (sample && this.insights.measuresAddition) {
        await this.insights.postAdditionAccuracy(this.step, this.step / perEpoch);
      }
      await this.autosaver.save(this.step, 'autosave');
      await yieldToEventLoop();
    }
    await this.flush();
    const done = totalSteps !== null && this.step >= totalSteps;
    await this.autosaver.save(this.step, done ? 'done' : 'stopped');
    this.post({
      type: 'phase',
      phase: done ? 'done' : 'stopped',
      message: done ? `Done: ${this.step} steps` : `Stopped at step ${this.step}`,
    });
  }

  private async announcePause(): Promise<void> {
    await this.flush();
    await this.autosaver.save(this.step, 'paused');
    this.post({ type: 'phase', phase: 'paused', message: `Paused at step ${this.step}` });
  }

  private trainOneStep(): void {
    const { hyper, data } = this;
    let batch: Batch;
    if (data.sequential) {
      if (data.sequential.startsPass) this.resetCarried();
      batch = data.sequential.next();
    } else {
      batch = randomBatch(data.train, hyper.batchSize, hyper.seqLen, this.batchRng);
    }
    this.step += 1;
    const result = trainStep(this.net, this.optimizer, batch, {
      learningRate: learningRateAt(this.live.learningRate, this.schedule, this.step),
      clipNorm: hyper.clipNorm,
      dropout:
        hyper.dropout > 0 ? { rate: hyper.dropout, seed: hyper.seed * 7919 + this.step } : null,
      initial: this.carried,
      keepFinals: data.sequential !== null,
    });
    disposeStates(this.carried);
    this.carried = result.finals;
    this.pending.push({ step: this.step, loss: result.loss });
  }

  private resetCarried(): void {
    disposeStates(this.carried);
    this.carried = null;
  }

  /**
   * Reads back every pending loss in one transfer. Finite: reports them with the throughput and
   * records a snapshot; returns true. NaN or infinite: rolls back and pauses; returns false.
   */
  private async flush(): Promise<boolean> {
    if (this.pending.length === 0) return true;
    const batch = this.pending;
    this.pending = [];
    const stacked = tf.stack(batch.map((p) => p.loss));
    const values = await stacked.data();
    tf.dispose([stacked, ...batch.map((p) => p.loss)]);
    const limit = divergenceLimit(this.data.vocab.chars.length);
    const bad = batch.findIndex((_, i) => !(Number.isFinite(values[i]) && values[i]! <= limit));
    if (bad >= 0) {
      this.recover(batch[bad]!.step, values[bad]!);
      return false;
    }
    this.snapshots.record(this.step);
    const points: LossPoint[] = batch.map((p, i) => ({ step: p.step, loss: values[i]! }));
    this.lastLoss = points.at(-1)?.loss ?? this.lastLoss;
    const now = performance.now();
    const seconds = Math.max(1e-3, (now - this.clock.time) / 1000);
    const stepsPerSec = (this.step - this.clock.step) / seconds;
    this.clock = { time: now, step: this.step };
    this.post({
      type: 'progress',
      points,
      step: this.step,
      epoch: this.step / this.data.perEpoch,
      stepsPerSec,
      charsPerSec: stepsPerSec * this.hyper.batchSize * this.hyper.seqLen,
      learningRate: learningRateAt(this.live.learningRate, this.schedule, this.step),
    });
    return true;
  }

  /** NaN/Inf at `badStep`: back to the last trusted weights, half the learning rate, pause. */
  private recover(badStep: number, value: number): void {
    this.step = this.snapshots.restore();
    this.resetCarried();
    this.live.learningRate /= 2;
    this.clock = { time: performance.now(), step: this.step };
    const uniform = Math.log(this.data.vocab.chars.length);
    const what = Number.isNaN(value)
      ? 'became NaN'
      : Number.isFinite(value)
        ? `diverged to ${value.toFixed(1)} nats (uniform guessing costs ${uniform.toFixed(2)})`
        : 'became infinite';
    const message =
      `The loss ${what} at step ${badStep}. Training paused, the weights of step ` +
      `${this.step} are back, and the learning rate is halved to ${this.live.learningRate}.`;
    this.post({
      type: 'recovered',
      step: this.step,
      learningRate: this.live.learningRate,
      message,
    });
    this.control.pause();
  }

  private async validate(): Promise<void> {
    const loss = await meanLoss(this.net, this.data.valBatches);
    this.post({ type: 'validation', step: this.step, epoch: this.step / this.data.perEpoch, loss });
    this.clock = { time: performance.now(), step: this.step };
  }

  private async sample(): Promise<void> {
    const { vocab } = this.data;
    const temperature = this.live.temperature;
    const rng = deriveRng(this.hyper.seed + this.step, 'sample');
    const primeIds = Array.from(encode(vocab, this.prime));
    const ids = await sampleIds(this.net, primeIds, SAMPLE_LENGTH, temperature, rng);
    this.post({
      type: 'sample',
      step: this.step,
      epoch: this.step / this.data.perEpoch,
      loss: this.lastLoss,
      prime: this.prime,
      temperature,
      text: decode(vocab, ids),
      copied: this.insights.copied(ids),
    });
    this.clock = { time: performance.now(), step: this.step };
  }

  /** The current weights as LayersModel files. */
  exportModel(): Promise<ExportedFiles> {
    return exportLayersModel(this.net, {
      vocabulary: this.data.vocab.chars,
      cell: this.hyper.cell,
      step: this.step,
      hyperparameters: this.hyper,
    });
  }

  dispose(): void {
    tf.dispose(this.pending.map((p) => p.loss));
    this.resetCarried();
    this.snapshots.dispose();
    this.optimizer.dispose();
    disposeCharRnn(this.net);
  }
}
