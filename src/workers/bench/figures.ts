// Turning a timed window into a row's figures, the same way for both trainers.
import type { TrainerFigures } from './types.ts';

/** Figures of a trainer that did not run, and why. */
export function notRun(status: 'skipped' | 'failed', reason: string): TrainerFigures {
  return {
    status,
    reason,
    warmupSteps: 0,
    warmupStepSeconds: null,
    steps: 0,
    seconds: 0,
    charsPerSecond: null,
    finalLoss: null,
    tensorsBefore: null,
    tensorsAfter: null,
    utilisation256: null,
    utilisationStep: null,
  };
}

export interface TimedWindow {
  warmupSteps: number;
  warmupStepSeconds: number | null;
  steps: number;
  seconds: number;
  charsPerStep: number;
  finalLoss: number;
  tensorsBefore: number;
  tensorsAfter: number;
}

/** The yardsticks of one row: FLOPs per character and matMul rates (GFLOP/s). */
export interface Yardstick {
  flopsPerChar: number;
  gflops256: number;
  gflopsStep: number;
}

export function figures(window: TimedWindow, yardstick: Yardstick): TrainerFigures {
  const charsPerSecond = (window.steps * window.charsPerStep) / window.seconds;
  const achieved = charsPerSecond * yardstick.flopsPerChar; // FLOP/s
  return {
    status: 'ok',
    reason: null,
    warmupSteps: window.warmupSteps,
    warmupStepSeconds: window.warmupStepSeconds,
    steps: window.steps,
    seconds: window.seconds,
    charsPerSecond,
    finalLoss: window.finalLoss,
    tensorsBefore: window.tensorsBefore,
    tensorsAfter: window.tensorsAfter,
    utilisation256: achieved / (yardstick.gflops256 * 1e9),
    utilisationStep: achieved / (yardstick.gflopsStep * 1e9),
  };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
