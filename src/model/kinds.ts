// The named choices of a run (cells, optimizers, learning-rate schedules), as plain data with no
// tfjs, so the page's form, the protocol and the model share one list.

export const CELL_KINDS = ['lstm', 'gru', 'rnn'] as const;
/** Recurrent cells: long short-term memory, gated recurrent unit, simple (Elman) RNN. */
export type CellKind = (typeof CELL_KINDS)[number];

/** Blocks of H columns in a cell's kernels and bias (its gates and candidate). */
export const CELL_GATES: Record<CellKind, number> = { lstm: 4, gru: 3, rnn: 1 };

export const CELL_LABELS: Record<CellKind, string> = {
  lstm: 'LSTM',
  gru: 'GRU',
  rnn: 'Simple RNN',
};

export const OPTIMIZER_KINDS = ['adam', 'rmsprop', 'sgd'] as const;
export type OptimizerKind = (typeof OPTIMIZER_KINDS)[number];

export const OPTIMIZER_LABELS: Record<OptimizerKind, string> = {
  adam: 'Adam',
  rmsprop: 'RMSProp',
  sgd: 'SGD with momentum',
};

export const SCHEDULE_KINDS = ['constant', 'step', 'cosine'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

export const SCHEDULE_LABELS: Record<ScheduleKind, string> = {
  constant: 'Constant',
  step: 'Step decay (char-rnn)',
  cosine: 'Cosine',
};
