// Known-good copies of the weights and optimizer state, for recovery when the loss goes NaN or
// infinite. Copies stay on the device: tf.clone shares the data, and a variable's assign swaps in
// new data rather than writing over it, so a clone keeps the old values without a copy or a read.
//
// A snapshot taken after step s is trusted only once a later loss is finite: the update of step s
// itself may have blown up the weights although loss s (computed before it) was fine.
import * as tf from '@tensorflow/tfjs-core';
import { parameters, type CharRnn } from './network.ts';
import type { Optimizer } from './optimizers.ts';

interface Copy {
  step: number;
  optimizerStep: number;
  tensors: tf.Tensor[];
}

export class Snapshots {
  private trusted: Copy;
  private pending: Copy | null = null;

  constructor(
    private readonly net: CharRnn,
    private readonly optimizer: Optimizer,
  ) {
    this.trusted = this.copy(0); // the initial weights are always good
  }

  private variables(): tf.Variable[] {
    return [...parameters(this.net), ...this.optimizer.slots];
  }

  private copy(step: number): Copy {
    const tensors = this.variables().map((v) => tf.keep(tf.clone(v)));
    return { step, optimizerStep: this.optimizer.step, tensors };
  }

  /** Records the state after `step`; everything up to it trained with finite losses. */
  record(step: number): void {
    if (this.pending) {
      tf.dispose(this.trusted.tensors);
      this.trusted = this.pending; // a later finite loss vouches for it
    }
    this.pending = this.copy(step);
  }

  /** Puts the last trusted state back and returns its step; the pending one is dropped. */
  restore(): number {
    if (this.pending) tf.dispose(this.pending.tensors);
    this.pending = null;
    const vars = this.variables();
    vars.forEach((v, i) => v.assign(this.trusted.tensors[i]!));
    this.optimizer.step = this.trusted.optimizerStep;
    return this.trusted.step;
  }

  dispose(): void {
    tf.dispose(this.trusted.tensors);
    if (this.pending) tf.dispose(this.pending.tensors);
  }
}
