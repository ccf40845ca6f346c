// Presets from the seed lecture decks, each with a one-line why. Pure data: the form applies a
// preset's values over the defaults, and selects its corpus when the library has it.
import { DEFAULT_HYPERPARAMETERS } from './config.ts';
import type { Hyperparameters } from '../workers/protocol.ts';

export interface Preset {
  id: string;
  name: string;
  /** One line: what it shows and where it comes from. */
  why: string;
  /** Suggested corpus id; kept as is when the library lacks it. */
  corpus: string;
  hyper: Hyperparameters;
}

function preset(
  id: string,
  name: string,
  why: string,
  corpus: string,
  values: Partial<Hyperparameters>,
): Preset {
  return { id, name, why, corpus, hyper: { ...DEFAULT_HYPERPARAMETERS, ...values } };
}

export const PRESETS: readonly Preset[] = [
  preset(
    'quick',
    'Quick demo',
    'One 128-unit LSTM layer: readable words within a minute on any laptop, no GPU needed.',
    'sotu',
    {},
  ),
  preset(
    'shakespeare',
    'char-rnn, Shakespeare-style (2×128 LSTM)',
    "Karpathy's char-rnn defaults (lecture 000): 2 layers of 128, sequence 50, batch 50, RMSProp 2e-3 with step decay.",
    'sotu',
    {
      layers: 2,
      hiddenSize: 128,
      seqLen: 50,
      batchSize: 50,
      optimizer: 'rmsprop',
      learningRate: 0.002,
      schedule: 'step',
      epochs: 10,
    },
  ),
  preset(
    'lyrics',
    'Lyrics (2×512 LSTM)',
    'The lyrics model of lecture 002: 2 layers of 512, 50 characters at a time, a sample after every epoch; needs a GPU to be quick.',
    'sotu',
    {
      layers: 2,
      hiddenSize: 512,
      seqLen: 50,
      batchSize: 64,
      learningRate: 0.002,
      dropout: 0.2,
      epochs: 12,
    },
  ),
  preset(
    'code',
    'Code (3×512 GRU)',
    "Lecture 004's code generator: a 3-layer 512-unit GRU over 30-character windows, with samples at 0.03, 0.1 and 0.4 epochs.",
    'code',
    {
      cell: 'gru',
      layers: 3,
      hiddenSize: 512,
      seqLen: 30,
      batchSize: 64,
      learningRate: 0.001,
      dropout: 0.2,
      epochs: 12,
    },
  ),
  preset(
    'addition',
    'Addition (simple RNN)',
    'Lecture 001\'s simple RNN on "216+648=864": can s_t = tanh(W s_{t-1} + U x_t) learn to carry a digit?',
    'addition',
    {
      cell: 'rnn',
      layers: 1,
      hiddenSize: 128,
      seqLen: 24,
      batchSize: 32,
      learningRate: 0.005,
      epochs: 5,
    },
  ),
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
