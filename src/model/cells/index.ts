// The cells by kind.
import { gruCell } from './gru.ts';
import { lstmCell } from './lstm.ts';
import { rnnCell } from './rnn.ts';
import type { CellKind, RecurrentCell } from './types.ts';

export const CELLS: Record<CellKind, RecurrentCell> = {
  lstm: lstmCell,
  gru: gruCell,
  rnn: rnnCell,
};

export {
  CELL_KINDS,
  type CellCache,
  type CellKind,
  type CellState,
  type RecurrentCell,
} from './types.ts';
