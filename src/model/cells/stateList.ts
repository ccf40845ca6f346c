// Layer states as a flat tensor list, which is what tf.tidy can return and keep.
import type * as tf from '@tensorflow/tfjs-core';
import type { CellState } from './types.ts';

export function flattenStates(states: CellState[]): tf.Tensor2D[] {
  return states.flatMap((s) => (s.c ? [s.h, s.c] : [s.h]));
}

export function unflattenStates(flat: tf.Tensor2D[], withC: boolean): CellState[] {
  const per = withC ? 2 : 1;
  return Array.from({ length: flat.length / per }, (_, l) => ({
    h: flat[l * per]!,
    c: withC ? flat[l * per + 1]! : null,
  }));
}
