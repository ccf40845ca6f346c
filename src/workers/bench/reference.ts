// The reference trainer: the stock tfjs way, built from tf.layers (recurrent layers with
// returnSequences, a time-distributed softmax layer, Adam, categorical cross-entropy, trainOnBatch)
// on one-hot inputs and targets. Same batches, hyperparameters and FLOPs per character as ours.
import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../../model/batches.ts';
import type { RowBudget } from './configs.ts';
import { errorMessage, figures, notRun, secondsSince, type Yardstick } from './figures.ts';
import { LEARNING_RATE } from './ours.ts';
import type { BenchConfig, TrainerFigures } from './types.ts';

function buildModel(config: BenchConfig): tf.Sequential {
  const model = tf.sequential();
  for (let l = 0; l < config.layers; l++) {
    const args = {
      units: config.hidden,
      returnSequences: true,
      // Keras's default since 2.x, and what our cells use (tfjs-layers defaults to hardSigmoid).
      recurrentActivation: 'sigmoid' as const,
      // The default orthogonal initializer runs a QR decomposition at 512 units: slow, and
      // irrelevant to the speed of a step.
      recurrentInitializer: 'glorotUniform' as const,
      ...(l === 0 ? { inputShape: [config.seqLen, config.vocab] } : {}),
    };
    model.add(config.cell === 'lstm' ? tf.layers.lstm(args) : tf.layers.gru(args));
  }
  const dense = tf.layers.dense({ units: config.vocab, activation: 'softmax' });
  model.add(tf.layers.timeDistributed({ layer: dense }));
  return model;
}

/** One-hot [B, T, V] values of a batch's inputs or targets, built in JS (no int32 on the GPU). */
function oneHot(ids: Int32Array, vocab: number): Float32Array {
  const out = new Float32Array(ids.length * vocab);
  ids.forEach((id, i) => (out[i * vocab + id] = 1));
  return out;
}

export async function benchReference(
  config: BenchConfig,
  batches: Batch[],
  budget: RowBudget,
  yardstick: Yardstick,
): Promise<TrainerFigures> {
  const shape: [number, number, number] = [config.batch, config.seqLen, config.vocab];
  const data = batches.map((b) => ({
    x: oneHot(b.inputs, config.vocab),
    y: oneHot(b.targets, config.vocab),
  }));
  let next = 0;
  let model: tf.Sequential | null = null;
  const optimizer = tf.train.adam(LEARNING_RATE, 0.9, 0.999, 1e-8);
  // trainOnBatch reads its loss back every step: the stock API waits for each step by design.
  const step = async (m: tf.Sequential): Promise<number> => {
    const batch = data[next++ % data.length]!;
    const x = tf.tensor3d(batch.x, shape);
    const y = tf.tensor3d(batch.y, shape);
    try {
      const loss = await m.trainOnBatch(x, y);
      return Array.isArray(loss) ? (loss[0] ?? Number.NaN) : loss;
    } finally {
      x.dispose();
      y.dispose();
    }
  };
  try {
    model = buildModel(config);
    model.compile({ optimizer, loss: 'categoricalCrossentropy' });
    let warmupStepSeconds: number | null = null;
    for (let i = 0; i < budget.warmupSteps; i++) {
      const start = performance.now();
      await step(model);
      warmupStepSeconds = secondsSince(start);
    }
    const tensorsBefore = tf.memory().numTensors;
    const start = performance.now();
    let steps = 0;
    let finalLoss = Number.NaN;
    while (steps < budget.maxSteps && (steps === 0 || secondsSince(start) < budget.seconds)) {
      finalLoss = await step(model);
      steps += 1;
    }
    const window = {
      warmupSteps: budget.warmupSteps,
      warmupStepSeconds,
      steps,
      seconds: secondsSince(start),
      charsPerStep: config.batch * config.seqLen,
      finalLoss,
      tensorsBefore,
      tensorsAfter: tf.memory().numTensors,
    };
    return figures(window, yardstick);
  } catch (e) {
    return notRun('failed', `reference cannot run on ${tf.getBackend()}: ${errorMessage(e)}`);
  } finally {
    model?.dispose();
    optimizer.dispose();
  }
}
