// One-hot rows as float32, working around backend bugs measured here (tfjs 4.22):
// - wasm's OneHot ignores the float32 dtype and writes int32 bits (1 reads as 1.4e-45), so there
//   we build the int32 one-hot and cast it;
// - webgpu's int32 -> float32 cast is unreliable, so everywhere else we ask for float32 directly.
// The backend self-check (selfCheck.ts) catches any backend where neither holds.
import * as tf from '@tensorflow/tfjs-core';

export function oneHotFloat(ids: tf.Tensor1D, depth: number): tf.Tensor2D {
  if (tf.getBackend() === 'wasm') return tf.cast(tf.oneHot(ids, depth), 'float32') as tf.Tensor2D;
  return tf.oneHot(ids, depth, 1, 0, 'float32') as tf.Tensor2D; // [N, depth]
}
