// The cells by kind: each runs its fused path (…Fused.ts) where the active backend registers the
// fused point-wise kernel, and op by op elsewhere; the one place that choice is made.
import { hasPointwiseKernel } from '../pointwise/spec.ts';
import { gruCell } from './gru.ts';
import { gruFused } from './gruFused.ts';
import { lstmCell } from './lstm.ts';
import { lstmFused } from './lstmFused.ts';
import { rnnCell } from './rnn.ts';
import { rnnFused } from './rnnFused.ts';
import { isFusedCache, type CellKind, type FusedPath, type RecurrentCell } from './types.ts';

function withFusedPath(cell: RecurrentCell, fused: FusedPath): RecurrentCell {
  return {
    ...cell,
    forward: (...args) => (hasPointwiseKernel() ? fused.forward(...args) : cell.forward(...args)),
    // The cache says which path made it, so a backend change in between cannot mix them.
    backward: (dhAll, cache, recurrent) =>
      isFusedCache(cache)
        ? fused.backward(dhAll, cache, recurrent)
        : cell.backward(dhAll, cache, recurrent),
  };
}

export const CELLS: Record<CellKind, RecurrentCell> = {
  lstm: withFusedPath(lstmCell, lstmFused),
  gru: withFusedPath(gruCell, gruFused),
  rnn: withFusedPath(rnnCell, rnnFused),
};

export {
  CELL_KINDS,
  type CellCache,
  type CellKind,
  type CellState,
  type RecurrentCell,
} from './types.ts';
