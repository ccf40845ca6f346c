// What our WebGL kernels (webglMatMul.ts, webglJoinRows.ts, webglRows.ts, webglLoss.ts) share for
// drawing and copying on tfjs's webgl backend's own context: its WebGL 2 context, tensors'
// textures in the plain packed layout, new packed tensors to draw into, our framebuffers, blits
// into an output, and tfjs programs over packed textures. Every piece of GL state a kernel touches
// is either set again by tfjs before its next draw (program, vertex array, textures, viewport,
// scissor) or put back by the kernel (the framebuffer binding).
import {
  getKernel,
  type NamedAttrMap,
  type NamedTensorInfoMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { GlHandle, WebGl2 } from './webgl2.ts';

/** The context tfjs's webgl backend draws on (WebGL 2: ourKernels.ts registers ours only there). */
export const contextOf = (webgl: MathBackendWebGL) => webgl.gpgpu.gl as unknown as WebGl2;

const framebuffers = new WeakMap<WebGl2, Map<string, GlHandle>>();

/**
 * Our framebuffer for `use` on `gl`, made once. One per use, never shared: with the row join's
 * blits reading through the framebuffer the product draws into, the next product read wrong
 * values (SwiftShader through ANGLE; each kernel alone was exact).
 */
export function framebufferFor(gl: WebGl2, use: string): GlHandle {
  let byUse = framebuffers.get(gl);
  if (!byUse) framebuffers.set(gl, (byUse = new Map()));
  let framebuffer = byUse.get(use);
  if (!framebuffer) {
    framebuffer = gl.createFramebuffer() ?? undefined;
    if (!framebuffer) throw new Error(`no framebuffer for ${use} on WebGL`);
    byUse.set(use, framebuffer);
  }
  return framebuffer;
}

/** One copy into an output texture: `texture`'s texels [0, width) x [0, height) to (x, y). */
export interface Blit {
  texture: GlHandle;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Copies each blit's rectangle into `output` ([width, height] texels) by framebuffer blits, a copy
 * with no shader, then gives tfjs its framebuffer back.
 */
export function blitInto(
  webgl: MathBackendWebGL,
  output: GlHandle,
  [width, height]: [number, number],
  blits: Blit[],
): void {
  const gl = contextOf(webgl);
  // Blits are clipped by the scissor test, which tfjs leaves on.
  gl.scissor(0, 0, width, height);
  gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, framebufferFor(gl, 'blit into'));
  gl.framebufferTexture2D(gl.DRAW_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, output, 0);
  gl.bindFramebuffer(gl.READ_FRAMEBUFFER, framebufferFor(gl, 'blit from'));
  for (const { texture, x, y, width: w, height: h } of blits) {
    gl.framebufferTexture2D(gl.READ_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    gl.blitFramebuffer(0, 0, w, h, x, y, x + w, y + h, gl.COLOR_BUFFER_BIT, gl.NEAREST);
  }
  // Let go of the textures (they go back to tfjs's pool when their tensors do).
  gl.framebufferTexture2D(gl.READ_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, null, 0);
  gl.framebufferTexture2D(gl.DRAW_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, null, 0);
  gl.bindFramebuffer(gl.FRAMEBUFFER, webgl.gpgpu.framebuffer);
}

/**
 * A tfjs program over packed inputs with a packed output, as the backend's own element-wise
 * programs are (no pack or unpack kernels around it), run by its compileAndRun, which caches it by
 * userCode and input shapes.
 */
export class PackedProgram implements GPGPUProgram {
  readonly packedInputs = true;
  readonly packedOutput = true;
  constructor(
    readonly variableNames: string[],
    readonly outputShape: number[],
    readonly userCode: string,
  ) {}
}

/** tfjs's own webgl kernel `name` on `inputs` (a list or a map, as that kernel takes them). */
export function tfjsKernel(
  webgl: MathBackendWebGL,
  name: string,
  inputs: TensorInfo[] | Record<string, TensorInfo>,
  attrs: NamedAttrMap,
): TensorInfo {
  const kernel = getKernel(name, 'webgl');
  if (!kernel) throw new Error(`tfjs has no ${name} kernel for webgl`);
  // Typed as a map; Concat reads its inputs as a list, as tfjs's own concat op passes them.
  const map = inputs as unknown as NamedTensorInfoMap;
  return kernel.kernelFunc({ inputs: map, attrs, backend: webgl }) as TensorInfo;
}

/** tfjs's program that copies a tensor into a packed texture of its own [rows, cols] layout. */
const packedCopy = (shape: number[]) =>
  new PackedProgram(['x'], shape, 'void main() { setOutput(getXAtOutCoords()); }');

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

/** `x` copied into a plain packed texture of `shape`; `temps` collects the copy. */
function copiedTexture(
  webgl: MathBackendWebGL,
  x: TensorInfo,
  shape: number[],
  temps: TensorInfo[],
): GlHandle {
  const copy = webgl.compileAndRun(packedCopy(shape), [x]);
  temps.push(copy);
  const texture = plainPackedTexture(webgl, copy);
  if (!texture) throw new Error(`no plain packed layout for [${shape}] on WebGL`);
  return texture;
}

/** The texture of [rows, cols] `x` as plain packed, copied first where it is not that already. */
export function plainTexture(webgl: MathBackendWebGL, x: TensorInfo, temps: TensorInfo[]) {
  return plainPackedTexture(webgl, x) ?? copiedTexture(webgl, x, x.shape, temps);
}

/** A [n] vector's values as the plain packed [1, n] texture a shader reads a row from. */
export function rowTexture(webgl: MathBackendWebGL, x: TensorInfo, temps: TensorInfo[]) {
  return copiedTexture(webgl, x, [1, x.shape[0]!], temps);
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
