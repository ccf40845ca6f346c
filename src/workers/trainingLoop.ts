// The step loop of one run: train, read losses back in batches, validate and sample on schedule.
import * as tf from '@tensorflow/tfjs-core';
import { randomBatch, type Batch } from '../model/batches.ts';
import { CLIP_NORM, SAMPLE_LENGTH } from '../model/config.ts';
import type { CharLstm } from '../model/network.ts';
import type { Adam } from '../model/optimizer.ts';
import { deriveRng, type Rng } from '../model/random.ts';
import { sampleIds } from '../model/sample.ts';
import { meanLoss, trainStep } from '../model/train.ts';
import { decode, encode, type Vocab } from '../model/vocab.ts';
import type { Hyperparameters, LossPoint, TrainerEvent } from './protocol.ts';
import { choosePrime, isValidationStep, sampleSteps } from './schedule.ts';
import { yieldToEventLoop } from './yieldToEventLoop.ts';

/** Losses are read back together at most this often, so a GPU is not stalled every step. */
const PROGRESS_INTERVAL_MS = 250;
const PROGRESS_MAX_PENDING = 20;

export interface LoopSetup {
  net: CharLstm;
  optimizer: Adam;
  vocab: Vocab;
  train: Int32Array;
  valBatches: Batch[];
  hyper: Hyperparameters;
  perEpoch: number;
  totalSteps: number;
}

type Checkpoint = (onPause: () => Promise<void>) => Promise<boolean>;

export class TrainingLoop {
  private pending: { step: number; loss: tf.Scalar }[] = [];
  private lastLoss: number | null = null;
  /** Throughput is measured over training time only: validation and sampling reset the clock. */
  private clock = { time: performance.now(), step: 0 };
  private readonly batchRng: Rng;
  private readonly sampleAt: Set<number>;
  private readonly prime: string;

  constructor(
    private readonly s: LoopSetup,
    private readonly post: (event: TrainerEvent) => void,
    private readonly checkpoint: Checkpoint,
  ) {
    this.batchRng = deriveRng(s.hyper.seed, 'batches');
    this.sampleAt = new Set(sampleSteps(s.perEpoch, s.totalSteps));
    this.prime = choosePrime(decode(s.vocab, s.train.subarray(0, 80)));
  }

  async run(): Promise<void> {
    const { hyper, totalSteps, perEpoch } = this.s;
    let step = 0;
    while (step < totalSteps) {
      const stop = await this.checkpoint(async () => {
        await this.flush(step);
        this.post({ type: 'phase', phase: 'paused', message: `Paused at step ${step}` });
      });
      if (stop) break;
      const batch = randomBatch(this.s.train, hyper.batchSize, hyper.seqLen, this.batchRng);
      const loss = trainStep(this.s.net, this.s.optimizer, batch, hyper.learningRate, CLIP_NORM);
      step += 1;
      this.pending.push({ step, loss });
      const validate = isValidationStep(step, perEpoch, totalSteps);
      const sample = this.sampleAt.has(step);
      const due = performance.now() - this.clock.time > PROGRESS_INTERVAL_MS;
      if (due || validate || sample || this.pending.length >= PROGRESS_MAX_PENDING) {
        await this.flush(step);
      }
      if (validate) await this.validate(step);
      if (sample) await this.sample(step);
      await yieldToEventLoop();
    }
    await this.flush(step);
    const done = step >= totalSteps;
    this.post({
      type: 'phase',
      phase: done ? 'done' : 'stopped',
      message: done ? `Done: ${step} steps` : `Stopped at step ${step}`,
    });
  }

  /** Reads back every pending loss in one transfer and reports them with the throughput. */
  private async flush(step: number): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const stacked = tf.stack(batch.map((p) => p.loss));
    const values = await stacked.data();
    tf.dispose([stacked, ...batch.map((p) => p.loss)]);
    const points: LossPoint[] = batch.map((p, i) => ({ step: p.step, loss: values[i] ?? NaN }));
    this.lastLoss = points.at(-1)?.loss ?? this.lastLoss;
    const now = performance.now();
    const stepsPerSec = (step - this.clock.step) / Math.max(1e-3, (now - this.clock.time) / 1000);
    this.clock = { time: now, step };
    const { batchSize, seqLen } = this.s.hyper;
    this.post({
      type: 'progress',
      points,
      step,
      epoch: step / this.s.perEpoch,
      stepsPerSec,
      charsPerSec: stepsPerSec * batchSize * seqLen,
    });
  }

  private async validate(step: number): Promise<void> {
    const loss = await meanLoss(this.s.net, this.s.valBatches);
    this.post({ type: 'validation', step, epoch: step / this.s.perEpoch, loss });
    this.clock = { time: performance.now(), step };
  }

  private async sample(step: number): Promise<void> {
    const { hyper, vocab, net } = this.s;
    const rng = deriveRng(hyper.seed + step, 'sample');
    const ids = await sampleIds(
      net,
      Array.from(encode(vocab, this.prime)),
      SAMPLE_LENGTH,
      hyper.temperature,
      rng,
    );
    this.post({
      type: 'sample',
      step,
      epoch: step / this.s.perEpoch,
      loss: this.lastLoss,
      prime: this.prime,
      temperature: hyper.temperature,
      text: decode(vocab, ids),
    });
    this.clock = { time: performance.now(), step };
  }
}
