// Greedy continuation of many prompts at once: one batched cell step per character for every
// prompt of the same length, so scoring 50 held-out sums costs a few dozen kernel rounds and
// readbacks instead of one per character per sum (which took minutes on a software GPU).
import * as tf from '@tensorflow/tfjs-core';
import { affine } from './matMul.ts';
import { embedRows, projectInput } from './embedding.ts';
import { zeroStates, type CharRnn } from './network.ts';
import { flattenStates, unflattenStates } from './cells/stateList.ts';
import type { CellState } from './cells/index.ts';

/** One batched step: feeds ids [B] and returns the argmax next ids; the states advance. */
function stepArgmax(
  net: CharRnn,
  states: CellState[],
  ids: number[],
): { next: tf.Tensor1D; states: CellState[] } {
  const [next, ...flat] = tf.tidy(() => {
    const idT = tf.tensor1d(ids, 'int32');
    let x: tf.Tensor2D | null = net.embedding ? embedRows(net.embedding, idT) : null;
    const after = net.layers.map((layer, l) => {
      const zx: tf.Tensor2D = projectInput(x, idT, layer.kernel, layer.bias); // [B, G*H]
      const out = net.cell.step(zx, states[l]!, layer.recurrent);
      x = out.state.h;
      return out.state;
    });
    const logits = affine(x as unknown as tf.Tensor2D, net.outKernel, net.outBias);
    return [tf.argMax(logits, 1), ...flattenStates(after)];
  }) as [tf.Tensor1D, ...tf.Tensor2D[]];
  return { next, states: unflattenStates(flat, net.cell.kind === 'lstm') };
}

/** For each prompt (ids), the `length` ids the network's argmax continues it with. */
export async function greedyContinuations(
  net: CharRnn,
  prompts: readonly (readonly number[])[],
  length: number,
): Promise<number[][]> {
  const results: number[][] = prompts.map(() => []);
  const byLength = new Map<number, number[]>();
  prompts.forEach((p, i) => byLength.set(p.length, [...(byLength.get(p.length) ?? []), i]));
  for (const [promptLength, members] of byLength) {
    let states = zeroStates(net, members.length);
    let feed = members.map((i) => prompts[i]![0]!);
    for (let t = 0; t < promptLength + length - 1; t++) {
      const step = stepArgmax(net, states, feed);
      tf.dispose(flattenStates(states));
      states = step.states;
      const picked = Array.from(await step.next.data());
      step.next.dispose();
      const inPrompt = t + 1 < promptLength;
      feed = members.map((i, k) => (inPrompt ? prompts[i]![t + 1]! : picked[k]!));
      if (!inPrompt) members.forEach((i, k) => results[i]!.push(picked[k]!));
    }
    tf.dispose(flattenStates(states));
  }
  return results;
}
