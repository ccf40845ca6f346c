// Per-timestep views of time-major sequences, shared by the cells.
import * as tf from '@tensorflow/tfjs-core';

/** [T*B, D] -> T tensors of [B, D]. */
export function splitSteps(x: tf.Tensor2D, seqLen: number): tf.Tensor2D[] {
  return tf.split(x, seqLen, 0) as tf.Tensor2D[];
}

/** T tensors of [B, D] -> [T*B, D]. */
export function joinSteps(steps: tf.Tensor2D[]): tf.Tensor2D {
  return tf.concat(steps, 0) as tf.Tensor2D;
}

/** sum_t a_t^T b_t as one matMul over the whole sequence: [T*B, P]^T x [T*B, Q] -> [P, Q]. */
export function sumOuter(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  // An explicit transpose: wasm's transposeA matMul is ~30x slower than transposing first.
  return tf.matMul(tf.transpose(a), b) as tf.Tensor2D;
}

/** 1 - x^2: the derivative of tanh, given its output. */
export function tanhDerivative(y: tf.Tensor2D): tf.Tensor2D {
  return tf.sub(1, tf.square(y)) as tf.Tensor2D;
}

/** s (1 - s): the derivative of the sigmoid, given its output. */
export function sigmoidDerivative(s: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(s, tf.sub(1, s)) as tf.Tensor2D;
}
