// Learning-rate schedules: the step size at a step, from the user's base rate. Pure functions.

import type { ScheduleKind } from './kinds.ts';

/** char-rnn's learning_rate_decay: x0.97 per epoch. */
export const STEP_DECAY_RATE = 0.97;
/**
 * char-rnn starts decaying after 10 of its 50 epochs; workshop runs last a few epochs, so the
 * decay starts after the first.
 */
export const STEP_DECAY_AFTER_EPOCHS = 1;
/** Cosine decays to this fraction of the base rate rather than to 0, so late steps still learn. */
export const COSINE_FLOOR = 0.1;

export interface ScheduleSpec {
  kind: ScheduleKind;
  /** Linear warm-up from 0 over this many steps; 0 for none. */
  warmupSteps: number;
  stepsPerEpoch: number;
  /** The run's length; null when it trains until stopped (cosine then needs a length). */
  totalSteps: number | null;
}

/** The learning rate for optimisation step `step` (1-based). */
export function learningRateAt(base: number, spec: ScheduleSpec, step: number): number {
  const warm = spec.warmupSteps > 0 ? Math.min(1, step / spec.warmupSteps) : 1;
  let factor = 1;
  if (spec.kind === 'step') {
    const epochsDone = Math.floor((step - 1) / spec.stepsPerEpoch);
    factor = STEP_DECAY_RATE ** Math.max(0, epochsDone - STEP_DECAY_AFTER_EPOCHS + 1);
  } else if (spec.kind === 'cosine' && spec.totalSteps) {
    const progress = Math.min(1, (step - 1) / Math.max(1, spec.totalSteps - 1));
    factor = COSINE_FLOOR + (1 - COSINE_FLOOR) * 0.5 * (1 + Math.cos(Math.PI * progress));
  }
  return base * warm * factor;
}
