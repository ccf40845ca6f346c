// A look inside the network over a snippet: every layer's gate and state activations and the
// next-character probabilities at each position, for the LSTMVis-style view and the probability
// bars. Runs the cells one step at a time (batch 1) and reads everything back in one transfer.
import * as tf from '@tensorflow/tfjs-core';
import { affine } from './matMul.ts';
import type { CellState } from './cells/index.ts';
import { embedRows, projectInput } from './embedding.ts';
import { zeroStates, type CharRnn } from './network.ts';

export interface Inspection {
  /** Gate names in display order (the cell's), then 'hidden'. */
  gates: string[];
  /** activations[layer][gate] is [T * H], row t holding position t's H units. */
  activations: Float32Array[][];
  /** [T * V]: P(next character | snippet up to and including position t). */
  probabilities: Float32Array;
}

/** Inspects `ids` (a snippet as ids; at most a few hundred, one cell step each). */
export async function inspect(net: CharRnn, ids: readonly number[]): Promise<Inspection> {
  const gates = [...net.cell.gateNames, 'hidden'];
  // [layer][gate] -> T tensors [1, H]; probabilities: T tensors [1, V].
  const collected = tf.tidy(() => {
    const perLayer: tf.Tensor2D[][][] = net.layers.map(() => gates.map(() => []));
    const probs: tf.Tensor2D[] = [];
    let states: CellState[] = zeroStates(net, 1);
    for (const id of ids) {
      const idT = tf.tensor1d([id], 'int32');
      let x: tf.Tensor2D | null = net.embedding ? embedRows(net.embedding, idT) : null;
      states = net.layers.map((layer, l) => {
        const zx: tf.Tensor2D = projectInput(x, idT, layer.kernel, layer.bias);
        const out = net.cell.step(zx, states[l]!, layer.recurrent);
        gates.forEach((g, k) => {
          const value = g === 'hidden' ? out.state.h : out.activations[g]!;
          perLayer[l]![k]!.push(value);
        });
        x = out.state.h;
        return out.state;
      });
      const top = x as unknown as tf.Tensor2D;
      probs.push(tf.softmax(affine(top, net.outKernel, net.outBias)) as tf.Tensor2D);
    }
    // One tensor per (layer, gate) and one for the probabilities: few readbacks.
    const stacked = perLayer.map((layer) => layer.map((steps) => tf.concat(steps, 0)));
    return [tf.concat(probs, 0), ...stacked.flat()];
  });
  try {
    const values = await Promise.all(collected.map((t) => t.data() as Promise<Float32Array>));
    const [probabilities, ...rest] = values;
    const activations = net.layers.map((_, l) =>
      rest.slice(l * gates.length, (l + 1) * gates.length),
    );
    return { gates, activations, probabilities: probabilities! };
  } finally {
    tf.dispose(collected);
  }
}
