// When the run's state is sent to the page for autosave: every so often while training (both
// enough steps and enough seconds, so neither a fast tiny model nor a slow big one floods the page
// with multi-megabyte messages), and always when the run pauses, stops or finishes.
import { captureCheckpoint } from '../model/checkpoint.ts';
import type { CharRnn } from '../model/network.ts';
import type { Optimizer } from '../model/optimizers.ts';
import type { Vocab } from '../model/vocab.ts';
import type { PostEvent, TrainerEvent } from './protocol.ts';

const AUTOSAVE_MIN_STEPS = 25;
const AUTOSAVE_MIN_MS = 15_000;

type Reason = Extract<TrainerEvent, { type: 'checkpoint' }>['reason'];

export class Autosaver {
  private last = { step: -1, time: performance.now() };

  constructor(
    private readonly net: CharRnn,
    private readonly optimizer: Optimizer,
    private readonly vocab: Vocab,
    private readonly learningRate: () => number,
    private readonly post: PostEvent,
  ) {}

  /** Saves when due, or at once for a reason other than 'autosave' (unless nothing changed). */
  async save(step: number, reason: Reason): Promise<void> {
    const elapsed = performance.now() - this.last.time;
    const due = step - this.last.step >= AUTOSAVE_MIN_STEPS && elapsed >= AUTOSAVE_MIN_MS;
    if (reason === 'autosave' ? !due : step === this.last.step) return;
    this.last = { step, time: performance.now() };
    const checkpoint = await captureCheckpoint(this.net, this.optimizer, this.vocab.chars, step);
    // Copied, not transferred: on the cpu backend data() hands out the tensor's own storage, so
    // transferring it would detach the live weights (the next step then never finishes).
    this.post({ type: 'checkpoint', reason, checkpoint, learningRate: this.learningRate() });
  }
}
