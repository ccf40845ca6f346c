// Our trainer on one row: createCharRnn + Adam + trainStep, exactly what the app's loop calls,
// with the loss read back once at the end of the timed window.
import * as tf from '@tensorflow/tfjs-core';
import type { Batch } from '../../model/batches.ts';
import { createCharRnn, disposeCharRnn, initialValues, parameters } from '../../model/network.ts';
import { createOptimizer } from '../../model/optimizers.ts';
import { trainStep, type StepOptions } from '../../model/train.ts';
import type { RowBudget } from './configs.ts';
import { networkShape } from './configs.ts';
import { errorMessage, figures, notRun, secondsSince, type Yardstick } from './figures.ts';
import type { BenchConfig, TrainerFigures } from './types.ts';

/** Both trainers: Adam at 2e-3 (char-rnn's rate for large models); ours also clips at 5. */
export const LEARNING_RATE = 2e-3;
export const INIT_SEED = 42;

/** The step options of every run of our trainer in the bench. */
export const STEP: StepOptions = {
  learningRate: LEARNING_RATE,
  clipNorm: 5,
  dropout: null,
  initial: null,
  keepFinals: false,
};

export async function benchOurs(
  config: BenchConfig,
  batches: Batch[],
  budget: RowBudget,
  yardstick: Yardstick,
): Promise<TrainerFigures> {
  const shape = networkShape(config);
  const net = createCharRnn(shape, initialValues(shape, INIT_SEED));
  const optimizer = createOptimizer('adam', parameters(net));
  let next = 0;
  const step = () => trainStep(net, optimizer, batches[next++ % batches.length]!, STEP).loss;
  try {
    // Warm-up, each step waited for: compiles shaders and fills tfjs's texture and buffer pools.
    let warmupStepSeconds: number | null = null;
    for (let i = 0; i < budget.warmupSteps; i++) {
      const start = performance.now();
      const loss = step();
      await loss.data();
      loss.dispose();
      warmupStepSeconds = secondsSince(start);
    }
    // GPU backends queue work and return at once, so the loop's clock alone would time only the
    // queueing: the step count is planned from the last warm-up step instead. On wasm and cpu
    // a step runs when called, so the clock alone ends the window (a plan from the one, slower,
    // warm-up step of a large row cut its window to 3 steps of 20 s).
    const clockIsReal = ['wasm', 'cpu'].includes(tf.getBackend());
    const perStep = warmupStepSeconds ?? 1;
    const planned = clockIsReal
      ? budget.maxSteps
      : Math.min(budget.maxSteps, Math.max(1, Math.ceil(budget.seconds / perStep)));
    const tensorsBefore = tf.memory().numTensors;
    const start = performance.now();
    let loss: tf.Scalar | null = null;
    let steps = 0;
    while (steps < planned && (steps === 0 || secondsSince(start) < budget.seconds)) {
      loss?.dispose();
      loss = step();
      steps += 1;
    }
    const finalLoss = (await loss!.data())[0] ?? Number.NaN;
    const seconds = secondsSince(start);
    loss!.dispose();
    const window = {
      warmupSteps: budget.warmupSteps,
      warmupStepSeconds,
      steps,
      seconds,
      charsPerStep: config.batch * config.seqLen,
      finalLoss,
      tensorsBefore,
      tensorsAfter: tf.memory().numTensors,
    };
    return figures(window, yardstick);
  } catch (e) {
    return notRun('failed', `our trainer failed: ${errorMessage(e)}`);
  } finally {
    optimizer.dispose();
    disposeCharRnn(net);
  }
}
