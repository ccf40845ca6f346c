// One training run's control state: running <-> paused -> stopped | done. The loop calls
// checkpoint() before every step and yields to the event loop after it, so pause and stop act
// within one step.
import { sequentialBatches, splitTrainVal, stepsPerEpoch } from '../model/batches.ts';
import { VALIDATION_FRACTION } from '../model/config.ts';
import {
  createCharLstm,
  disposeCharLstm,
  initialValues,
  parameterCount,
} from '../model/network.ts';
import { parameters } from '../model/network.ts';
import { Adam } from '../model/optimizer.ts';
import { buildVocab, encode } from '../model/vocab.ts';
import type { CorpusPayload, Hyperparameters, TrainerEvent } from './protocol.ts';
import { TrainingLoop } from './trainingLoop.ts';

/** Validation windows per measurement: enough for a stable number, cheap next to training. */
const VALIDATION_BATCHES = 4;

export class TrainingSession {
  private paused = false;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly corpus: CorpusPayload,
    private readonly hyper: Hyperparameters,
    private readonly post: (event: TrainerEvent) => void,
  ) {}

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Before each step: waits while paused (after `onPause`); true when the run should end. */
  async checkpoint(onPause: () => Promise<void>): Promise<boolean> {
    if (!this.paused || this.stopped) return this.stopped;
    await onPause();
    while (this.paused && !this.stopped) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.wake = null;
    if (!this.stopped) this.post({ type: 'phase', phase: 'running', message: 'Resumed' });
    return this.stopped;
  }

  async run(backend: string): Promise<void> {
    const { hyper, corpus } = this;
    const vocab = buildVocab(corpus.text);
    const { train, val } = splitTrainVal(encode(vocab, corpus.text), VALIDATION_FRACTION);
    if (train.length <= hyper.seqLen + 1 || val.length <= hyper.seqLen + 1) {
      throw new Error(
        `"${corpus.name}" is too short for sequence length ${hyper.seqLen}: ` +
          `training and validation text each need more than ${hyper.seqLen + 1} characters.`,
      );
    }
    const shape = {
      vocabSize: vocab.chars.length,
      layers: hyper.layers,
      hiddenSize: hyper.hiddenSize,
    };
    const perEpoch = stepsPerEpoch(train.length, hyper.batchSize, hyper.seqLen);
    const totalSteps = Math.max(1, Math.round(hyper.epochs * perEpoch));
    // Validation text shorter than one batch still gives a loss, from single windows.
    let valBatches = sequentialBatches(val, hyper.batchSize, hyper.seqLen, VALIDATION_BATCHES);
    if (valBatches.length === 0) valBatches = sequentialBatches(val, 1, hyper.seqLen, 1);
    const net = createCharLstm(shape, initialValues(shape, hyper.seed));
    const optimizer = new Adam(parameters(net));
    try {
      this.post({
        type: 'started',
        vocabSize: vocab.chars.length,
        trainChars: train.length,
        valChars: val.length,
        stepsPerEpoch: perEpoch,
        totalSteps,
        paramCount: parameterCount(shape),
      });
      this.post({ type: 'phase', phase: 'running', message: `Training on ${backend}` });
      const loop = new TrainingLoop(
        { net, optimizer, vocab, train, valBatches, hyper, perEpoch, totalSteps },
        this.post,
        (onPause) => this.checkpoint(onPause),
      );
      await loop.run();
    } finally {
      optimizer.dispose();
      disposeCharLstm(net);
    }
  }
}
