// What our WebGL kernels (webglMatMul.ts, webglJoinRows.ts) share for drawing and copying on tfjs's
// webgl backend's own context: its WebGL 2 context, tensors' textures in the plain packed layout,
// new packed tensors to draw into, and framebuffers of ours per kernel and context. Every piece of GL
// state a kernel touches is either set again by tfjs before its next draw (program, vertex array,
// textures, viewport, scissor) or put back by the kernel (the framebuffer binding).
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { GlHandle, WebGl2 } from './webgl2.ts';

/** The context tfjs's webgl backend draws on (WebGL 2: ourKernels.ts registers ours only there). */
export const contextOf = (webgl: MathBackendWebGL) => webgl.gpgpu.gl as unknown as WebGl2;

/** A kernel's framebuffers on one context: one to draw or read from, one to blit into. */
export interface Framebuffers {
  source: GlHandle;
  target: GlHandle;
}

const framebuffers = new WeakMap<WebGl2, Map<string, Framebuffers>>();

/**
 * `kernel`'s own framebuffers on `gl`. Not shared between kernels: with the row join's blits
 * reading through the product's framebuffer, the next product read wrong values (SwiftShader
 * through ANGLE; each kernel alone was exact), and with a pair each they agree with tfjs's.
 */
export function framebuffersOf(gl: WebGl2, kernel: string): Framebuffers {
  let byKernel = framebuffers.get(gl);
  if (!byKernel) framebuffers.set(gl, (byKernel = new Map()));
  const known = byKernel.get(kernel);
  if (known) return known;
  const source = gl.createFramebuffer();
  const target = gl.createFramebuffer();
  if (!source || !target) throw new Error(`no framebuffers for ${kernel} on WebGL`);
  const made = { source, target };
  byKernel.set(kernel, made);
  return made;
}

/** tfjs's program that copies a tensor into a packed texture of its own [rows, cols] layout. */
class PackedCopyProgram implements GPGPUProgram {
  readonly variableNames = ['x'];
  readonly packedInputs = true;
  readonly packedOutput = true;
  readonly userCode = 'void main() { setOutput(getXAtOutCoords()); }';
  constructor(readonly outputShape: number[]) {}
}

/**
 * The texture of `x` if it is packed as a plain [rows, cols] matrix: the texel at (column j, row i)
 * holds [2i, 2j], [2i, 2j+1], [2i+1, 2j], [2i+1, 2j+1] as x, y, z, w. Else null.
 */
function plainPackedTexture(webgl: MathBackendWebGL, x: TensorInfo): GlHandle | null {
  const data = webgl.texData.get(x.dataId);
  const [rows, cols] = x.shape as [number, number];
  const even = (n: number) => n + (n % 2);
  const plain =
    data.isPacked === true &&
    data.slice === undefined &&
    data.texShape?.[0] === even(rows) &&
    data.texShape[1] === even(cols);
  return plain && data.texture ? data.texture.texture : null;
}

/**
 * `x`'s texture as a plain packed `shape` (x's own shape unless given: a bias [n] is read as
 * [1, n]), copied first where its layout is not that; `temps` collects the copies.
 */
export function plainTexture(
  webgl: MathBackendWebGL,
  x: TensorInfo,
  temps: TensorInfo[],
  shape = x.shape,
): GlHandle {
  const texture = shape === x.shape ? plainPackedTexture(webgl, x) : null;
  if (texture) return texture;
  const copy = webgl.compileAndRun(new PackedCopyProgram(shape), [x]);
  temps.push(copy);
  const copied = plainPackedTexture(webgl, copy);
  if (!copied) throw new Error(`no plain packed layout for [${x.shape}] on WebGL`);
  return copied;
}

/** A new packed [rows, cols] tensor and its texture, to be drawn or copied into. */
export function packedTensor(webgl: MathBackendWebGL, rows: number, cols: number) {
  const info = webgl.makeTensorInfo([rows, cols], 'float32');
  webgl.texData.get(info.dataId).isPacked = true;
  webgl.uploadToGPU(info.dataId);
  const texture = webgl.texData.get(info.dataId).texture?.texture;
  if (!texture) throw new Error(`no texture for [${rows}, ${cols}] on WebGL`);
  return { info, texture };
}
