// Joining T per-timestep [B, D] tensors into one [T*B, D] (src/model/cells/steps.ts's joinSteps)
// on tfjs's webgl backend, for software renderers only, beside our product (webglMatMul.ts). In
// headless Chromium on SwiftShader tfjs's Concat took 34 ms for 50 x [32, 512] and 22 ms for
// 50 x [32, 128], 56 of a 230 ms 1x128 LSTM step: a shader binds at most 16 textures, so it joins
// in rounds, each fragment choosing its input through a chain of comparisons. With B even each
// part is a band of whole texel rows of the output, so here each part is one framebuffer blit: a
// copy, no shader.
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { joinParts } from '../../model/cells/steps.ts';
import { blitInto, packedTensor, plainTexture, tfjsKernel, type Blit } from './webglTextures.ts';

/** The kernel (registered by ourKernels.ts's fitKernelsToBackend on software renderers). */
export const joinRowsWebgl: KernelFunc = ({ inputs, backend }) => {
  const webgl = backend as MathBackendWebGL;
  const parts = joinParts(inputs);
  const cols = parts[0]!.shape[1]!;
  // Every part but the last must end on a whole texel row (an even row count).
  // Else tfjs's own Concat (it takes its inputs as a list).
  if (parts.slice(0, -1).some((p) => p.shape[0]! % 2 === 1)) {
    return tfjsKernel(webgl, 'Concat', parts, { axis: 0 });
  }
  const rows = parts.reduce((sum, p) => sum + p.shape[0]!, 0);
  const temps: TensorInfo[] = [];
  const output = packedTensor(webgl, rows, cols);
  try {
    const width = Math.ceil(cols / 2);
    let y = 0;
    const blits = parts.map((p): Blit => {
      const height = Math.ceil(p.shape[0]! / 2);
      const blit = { texture: plainTexture(webgl, p, temps), x: 0, y, width, height };
      y += height;
      return blit;
    });
    blitInto(webgl, output.texture, [width, y], blits);
  } catch (e) {
    webgl.disposeIntermediateTensorInfo(output.info);
    throw e;
  } finally {
    temps.forEach((t) => webgl.disposeIntermediateTensorInfo(t));
  }
  return output.info;
};
