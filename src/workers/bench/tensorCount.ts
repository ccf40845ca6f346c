// Our trainer for many steps on a tiny model, with tf.memory() after step 1, 10, 100 and 1,000:
// a step that leaks even one tensor shows as growth. The same path as ours.ts (createCharRnn +
// Adam + trainStep); the loss is read back every READBACK_EVERY steps, so GPU queues drain as in
// the app's loop, and each step's loss is disposed before the count is taken.
import * as tf from '@tensorflow/tfjs-core';
import {
  createCharRnn,
  disposeCharRnn,
  initialValues,
  parameters,
  type CharRnn,
} from '../../model/network.ts';
import { createOptimizer, type Optimizer } from '../../model/optimizers.ts';
import { trainStep } from '../../model/train.ts';
import { batchPool, networkShape, TENSOR_COUNT_CONFIG } from './configs.ts';
import { errorMessage, secondsSince } from './figures.ts';
import { INIT_SEED, STEP } from './ours.ts';
import {
  budgetSeconds,
  isReadbackStep,
  isSampleStep,
  judgeFlat,
  PLAN_AFTER,
  planSteps,
  targetSteps,
} from './tensorPlan.ts';
import type { TensorCountFigures, TensorCountSample } from './types.ts';

const BATCH_SEED = 11;

export async function benchTensorCount(short: boolean): Promise<TensorCountFigures> {
  const config = TENSOR_COUNT_CONFIG;
  const batches = batchPool(config, BATCH_SEED);
  const budget = budgetSeconds(short);
  const target = targetSteps(short);
  const samples: TensorCountSample[] = [];
  const figures: TensorCountFigures = {
    config,
    status: 'ok',
    reason: null,
    targetSteps: target,
    steps: 0,
    shortfall: null,
    seconds: 0,
    samples,
    flat: null,
    tensorGrowth: null,
    byteGrowth: null,
    tensorsBeforeModel: tf.memory().numTensors,
    tensorsAfterDispose: null,
  };
  let net: CharRnn | null = null;
  let optimizer: Optimizer | null = null;
  const start = performance.now();
  try {
    const shape = networkShape(config);
    net = createCharRnn(shape, initialValues(shape, INIT_SEED));
    optimizer = createOptimizer('adam', parameters(net));
    let last = target; // revised once the time per step is known
    let afterFirst = 0;
    for (let step = 1; step <= last; step++) {
      const loss = trainStep(net, optimizer, batches[(step - 1) % batches.length]!, STEP).loss;
      if (!isReadbackStep(step, last)) {
        loss.dispose();
        continue;
      }
      const value = (await loss.data())[0] ?? Number.NaN;
      loss.dispose();
      const elapsed = secondsSince(start);
      if (step === 1) afterFirst = elapsed;
      if (step === PLAN_AFTER) {
        // Steps 2..10: the first also compiles shaders, so it does not count.
        const plan = planSteps(target, step, elapsed, (elapsed - afterFirst) / (step - 1), budget);
        last = plan.steps;
        figures.shortfall = plan.shortfall;
      } else if (step > PLAN_AFTER && step < last && elapsed > 2 * budget) {
        // A backend that slowed down after the plan: stop here, and say so.
        figures.shortfall =
          `stopped at step ${step} of ${last} planned (${target} asked): ` +
          `${Math.round(elapsed)} s passed, budget ${budget} s`;
        last = step;
      }
      if (isSampleStep(step, last)) {
        const memory = tf.memory();
        samples.push({
          step,
          numTensors: memory.numTensors,
          numBytes: memory.numBytes,
          loss: value,
        });
      }
      figures.steps = step;
    }
    const verdict = judgeFlat(samples);
    figures.flat = verdict?.flat ?? null;
    figures.tensorGrowth = verdict?.tensorGrowth ?? null;
    figures.byteGrowth = verdict?.byteGrowth ?? null;
  } catch (e) {
    figures.status = 'failed';
    figures.reason = `our trainer failed at step ${figures.steps + 1}: ${errorMessage(e)}`;
  } finally {
    figures.seconds = secondsSince(start);
    optimizer?.dispose();
    if (net) disposeCharRnn(net);
    figures.tensorsAfterDispose = tf.memory().numTensors;
  }
  return figures;
}

/** One progress line. */
export function describeTensorCount(f: TensorCountFigures): string {
  const head = `tensor count, ${f.config.name}, batch ${f.config.batch}, seq ${f.config.seqLen}`;
  if (f.status !== 'ok') return `${head}: ${f.reason}`;
  const counts = f.samples.map((s) => `${s.step}: ${s.numTensors}`).join(', ');
  const growth = f.tensorGrowth ?? 0;
  const verdict = f.flat ? 'flat' : `NOT flat (${growth >= 0 ? '+' : ''}${growth})`;
  const short = f.shortfall === null ? '' : ` (${f.shortfall})`;
  return (
    `${head}: ${f.steps} steps in ${f.seconds.toFixed(1)} s${short}; ` +
    `tensors after step ${counts}; ${verdict}; ` +
    `${f.tensorsBeforeModel} before the model, ${f.tensorsAfterDispose} after disposing it`
  );
}
