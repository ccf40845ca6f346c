// Joining T per-timestep [B, D] tensors into one [T*B, D] (src/model/cells/steps.ts's joinSteps)
// on tfjs's webgl backend, for software renderers only, beside our product (webglMatMul.ts). In
// headless Chromium on SwiftShader tfjs's Concat took 34 ms for 50 x [32, 512] and 22 ms for
// 50 x [32, 128], 56 of a 230 ms 1x128 LSTM step: a shader binds at most 16 textures, so it joins
// in rounds, each fragment choosing its input through a chain of comparisons. With B even each
// part is a band of whole texel rows of the output, so here each part is one framebuffer blit: a
// copy, no shader.
import {
  getKernel,
  type KernelFunc,
  type NamedTensorMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { JOIN_ROWS_KERNEL } from '../../model/cells/steps.ts';
import { contextOf, framebuffersOf, packedTensor, plainTexture } from './webglTextures.ts';

/** tfjs's own Concat along rows, for parts that do not fill whole texel rows. */
function concatRows(parts: TensorInfo[], webgl: MathBackendWebGL): TensorInfo {
  const concat = getKernel('Concat', 'webgl');
  if (!concat) throw new Error('tfjs has no Concat kernel for webgl');
  return concat.kernelFunc({
    inputs: parts as unknown as NamedTensorMap,
    attrs: { axis: 0 },
    backend: webgl,
  }) as TensorInfo;
}

/** The kernel (registered by ourKernels.ts's fitKernelsToBackend on software renderers). */
export const joinRowsWebgl: KernelFunc = ({ inputs, backend }) => {
  const webgl = backend as MathBackendWebGL;
  const parts = Object.keys(inputs)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((name) => inputs[name]!);
  const cols = parts[0]!.shape[1]!;
  // Every part but the last must end on a whole texel row (an even row count).
  if (parts.slice(0, -1).some((p) => p.shape[0]! % 2 === 1)) return concatRows(parts, webgl);
  const rows = parts.reduce((sum, p) => sum + p.shape[0]!, 0);
  const temps: TensorInfo[] = [];
  const output = packedTensor(webgl, rows, cols);
  try {
    const sources = parts.map((p) => plainTexture(webgl, p, temps));
    const gl = contextOf(webgl);
    const { source, target } = framebuffersOf(gl, JOIN_ROWS_KERNEL);
    const width = Math.ceil(cols / 2);
    // Blits are clipped by the scissor test, which tfjs leaves on.
    gl.scissor(0, 0, width, Math.ceil(rows / 2));
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, target);
    gl.framebufferTexture2D(
      gl.DRAW_FRAMEBUFFER,
      gl.COLOR_ATTACHMENT0,
      gl.TEXTURE_2D,
      output.texture,
      0,
    );
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, source);
    gl.readBuffer(gl.COLOR_ATTACHMENT0);
    let y = 0;
    parts.forEach((p, i) => {
      const height = Math.ceil(p.shape[0]! / 2);
      gl.framebufferTexture2D(
        gl.READ_FRAMEBUFFER,
        gl.COLOR_ATTACHMENT0,
        gl.TEXTURE_2D,
        sources[i]!,
        0,
      );
      gl.blitFramebuffer(
        0,
        0,
        width,
        height,
        0,
        y,
        width,
        y + height,
        gl.COLOR_BUFFER_BIT,
        gl.NEAREST,
      );
      y += height;
    });
    // Let go of the textures and give tfjs its framebuffer back.
    gl.framebufferTexture2D(gl.READ_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, null, 0);
    gl.framebufferTexture2D(gl.DRAW_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, null, 0);
    gl.bindFramebuffer(gl.FRAMEBUFFER, webgl.gpgpu.framebuffer);
  } catch (e) {
    webgl.disposeIntermediateTensorInfo(output.info);
    throw e;
  } finally {
    temps.forEach((t) => webgl.disposeIntermediateTensorInfo(t));
  }
  return output.info;
};
