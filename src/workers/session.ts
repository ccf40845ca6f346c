// One training run's control state: running <-> paused (with single steps) -> stopped | done, and
// the live settings (learning rate, temperature). The loop calls checkpoint() before every step and
// yields to the event loop after it, so pause, step and stop act within one step.
import { splitTrainVal, stepsPerEpoch } from '../model/batches.ts';
import { sequentialBatches, SequentialBatcher } from '../model/batches.ts';
import { buildVocab, encode } from '../model/vocab.ts';
import type { CorpusPayload, Hyperparameters, PostEvent, ResumeFrom } from './protocol.ts';
import { validateCheckpoint } from '../model/checkpoint.ts';
import type { Insights } from './insights.ts';
import { TrainingLoop, type LoopData } from './trainingLoop.ts';

/** Validation windows per measurement: enough for a stable number, cheap next to training. */
const VALIDATION_BATCHES = 4;

export type CheckpointResult = 'go' | 'step' | 'stop';

export class TrainingSession {
  private paused: boolean;
  private stopped = false;
  private stepsAllowed = 0;
  private wake: (() => void) | null = null;
  private loop: TrainingLoop | null = null;
  /** Live settings, changed by commands while training. */
  readonly live: { learningRate: number; temperature: number };

  constructor(
    private readonly corpus: CorpusPayload,
    private readonly hyper: Hyperparameters,
    private readonly post: PostEvent,
    startPaused: boolean,
    private readonly saved: ResumeFrom | null = null,
  ) {
    this.paused = startPaused;
    this.live = {
      learningRate: saved?.learningRate ?? hyper.learningRate,
      temperature: hyper.temperature,
    };
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
  }

  /** One step while paused; ignored while running (it is already stepping). */
  step(): void {
    if (!this.paused) return;
    this.stepsAllowed += 1;
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /**
   * Before each step: while paused, announces it (`onPause`) and waits for resume, a single step
   * or stop. Returns whether to run freely, run exactly one step, or stop.
   */
  async checkpoint(onPause: () => Promise<void>): Promise<CheckpointResult> {
    if (this.stopped) return 'stop';
    if (!this.paused) return 'go';
    await onPause();
    while (this.paused && !this.stopped && this.stepsAllowed === 0) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.wake = null;
    if (this.stopped) return 'stop';
    if (this.paused) {
      this.stepsAllowed -= 1;
      return 'step';
    }
    this.post({ type: 'phase', phase: 'running', message: 'Resumed' });
    return 'go';
  }

  async run(backend: string): Promise<void> {
    const { hyper, corpus } = this;
    const vocab = buildVocab(corpus.text);
    const { train, val } = splitTrainVal(encode(vocab, corpus.text), hyper.valFraction);
    if (train.length <= hyper.seqLen + 1 || val.length <= hyper.seqLen + 1) {
      throw new Error(
        `"${corpus.name}" is too short for sequence length ${hyper.seqLen}: training and ` +
          `validation text each need more than ${hyper.seqLen + 1} characters.`,
      );
    }
    const sequential = hyper.carryState
      ? new SequentialBatcher(train, hyper.batchSize, hyper.seqLen)
      : null;
    const perEpoch =
      sequential?.batchesPerPass ?? stepsPerEpoch(train.length, hyper.batchSize, hyper.seqLen);
    const totalSteps = hyper.epochs > 0 ? Math.max(1, Math.round(hyper.epochs * perEpoch)) : null;
    // Validation text shorter than one batch still gives a loss, from single windows.
    let valBatches = sequentialBatches(val, hyper.batchSize, hyper.seqLen, VALIDATION_BATCHES);
    if (valBatches.length === 0) valBatches = sequentialBatches(val, 1, hyper.seqLen, 1);
    const data: LoopData = {
      vocab,
      train,
      val,
      valBatches,
      sequential,
      perEpoch,
      totalSteps,
      resume: this.checkedResume(vocab.chars),
    };
    const loop = new TrainingLoop(hyper, data, this.live, this.post, {
      checkpoint: (onPause) => this.checkpoint(onPause),
      pause: () => this.pause(),
    });
    this.loop = loop;
    try {
      if (!this.paused) {
        this.post({ type: 'phase', phase: 'running', message: `Training on ${backend}` });
      }
      await loop.run();
      // The finished model stays for generation and inspection until the worker is ended.
    } catch (error) {
      this.loop = null;
      loop.dispose();
      throw error;
    }
  }

  /** The resume checkpoint, if it fits this corpus and these settings; else an Error. */
  private checkedResume(vocabulary: readonly string[]): ResumeFrom | null {
    const resume = this.saved;
    if (!resume) return null;
    const c = validateCheckpoint(resume.checkpoint);
    const h = this.hyper;
    const sameShape =
      c.shape.cell === h.cell &&
      c.shape.layers === h.layers &&
      c.shape.hiddenSize === h.hiddenSize &&
      c.shape.embeddingSize === h.embeddingSize &&
      c.optimizer === h.optimizer;
    if (!sameShape) throw new Error('The saved run was trained with other model settings.');
    if (c.vocabulary.join('') !== vocabulary.join('')) {
      throw new Error(
        "The saved run's characters do not match this corpus: it was trained on other text.",
      );
    }
    return resume;
  }

  /** The current loop (its model stays after the run ends), once it exists. */
  get current(): TrainingLoop | null {
    return this.loop;
  }

  /** The run's insights (generation, inspection), once its model exists. */
  get insights(): Insights | null {
    return this.loop?.insights ?? null;
  }
}
