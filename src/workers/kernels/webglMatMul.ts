// Our matrix product (src/model/matMul.ts's kernel) on tfjs's webgl backend, for software
// renderers only: on SwiftShader it is 2.2-2.7x tfjs's product (webglMatMulGlsl.ts says why). A
// fragment writing several texels needs several render targets, which tfjs's programs cannot bind,
// so the product is drawn on the backend's own WebGL 2 context (webgl2.ts lists what we call) into
// textures tfjs allocated, each holding one rectangle of the output, and blitted from there into
// the output tensor's texture. Every piece of GL state we touch is either set again by tfjs before
// its next draw (program, vertex array, textures, viewport, scissor) or put back here
// (framebuffer). On a real GPU tfjs's product serves: ours is unmeasured there (ourKernels.ts).
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { MATMUL_KERNEL, type MatMulAttrs } from '../../model/matMul.ts';
import type { GlHandle, WebGl2 } from './webgl2.ts';
import {
  packedTextureSize,
  productBlock,
  productGrid,
  productShader,
  PRODUCT_VERTEX_SHADER,
  targetRectangle,
  webglProductKey,
  type WebglProductVariant,
} from './webglMatMulGlsl.ts';

/** What we draw with on one context: made once, kept for the context's life. */
interface Drawing {
  /** Holds the targets while the product is drawn, then is read from by the blits. */
  framebuffer: GlHandle;
  /** Holds the output while the blits write to it. */
  outputFramebuffer: GlHandle;
  vertexArray: GlHandle;
  vertexShader: GlHandle;
  programs: Map<string, GlHandle>;
  maxDrawBuffers: number;
}

const drawings = new WeakMap<WebGl2, Drawing>();

function compile(gl: WebGl2, type: number, source: string): GlHandle {
  const shader = gl.createShader(type);
  if (!shader) throw new Error(`${MATMUL_KERNEL}: no shader object`);
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
    throw new Error(`${MATMUL_KERNEL}: ${gl.getShaderInfoLog(shader) ?? 'shader did not compile'}`);
  }
  return shader;
}

function drawingFor(gl: WebGl2): Drawing {
  const known = drawings.get(gl);
  if (known) return known;
  const framebuffer = gl.createFramebuffer();
  const outputFramebuffer = gl.createFramebuffer();
  const vertexArray = gl.createVertexArray();
  const buffer = gl.createBuffer();
  if (!framebuffer || !outputFramebuffer || !vertexArray || !buffer) {
    throw new Error(`${MATMUL_KERNEL}: no GL objects`);
  }
  // A strip of two triangles over the viewport, counter-clockwise: tfjs culls back faces.
  gl.bindVertexArray(vertexArray);
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.bindVertexArray(null);
  const drawing: Drawing = {
    framebuffer,
    outputFramebuffer,
    vertexArray,
    vertexShader: compile(gl, gl.VERTEX_SHADER, PRODUCT_VERTEX_SHADER),
    programs: new Map(),
    maxDrawBuffers: Number(gl.getParameter(gl.MAX_DRAW_BUFFERS)),
  };
  drawings.set(gl, drawing);
  return drawing;
}

function programFor(gl: WebGl2, d: Drawing, v: WebglProductVariant, bias: boolean): GlHandle {
  const key = webglProductKey(v, bias);
  const known = d.programs.get(key);
  if (known) return known;
  const program = gl.createProgram();
  if (!program) throw new Error(`${MATMUL_KERNEL}: no program object`);
  gl.attachShader(program, d.vertexShader);
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, productShader(v, bias)));
  gl.bindAttribLocation(program, 0, 'position');
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    throw new Error(`${MATMUL_KERNEL}: ${gl.getProgramInfoLog(program) ?? 'did not link'}`);
  }
  gl.useProgram(program);
  gl.uniform1i(gl.getUniformLocation(program, 'A'), 0);
  gl.uniform1i(gl.getUniformLocation(program, 'B'), 1);
  gl.uniform1i(gl.getUniformLocation(program, 'BIAS'), 2);
  d.programs.set(key, program);
  return program;
}

/** tfjs's program that copies a tensor into a packed texture of its own [rows, cols] layout. */
class PackedCopyProgram implements GPGPUProgram {
  readonly variableNames = ['x'];
  readonly packedInputs = true;
  readonly packedOutput = true;
  readonly userCode = 'void main() { setOutput(getXAtOutCoords()); }';
  constructor(readonly outputShape: number[]) {}
}

/** The texture of `x` if it is packed as a plain [rows, cols] matrix, else null. */
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
function operandTexture(
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
  if (!copied) throw new Error(`${MATMUL_KERNEL}: no plain packed layout for [${x.shape}]`);
  return copied;
}

/** A new packed [rows, cols] tensor and its texture, to be drawn into. */
function packedTensor(webgl: MathBackendWebGL, rows: number, cols: number) {
  const info = webgl.makeTensorInfo([rows, cols], 'float32');
  webgl.texData.get(info.dataId).isPacked = true;
  webgl.uploadToGPU(info.dataId);
  const texture = webgl.texData.get(info.dataId).texture?.texture;
  if (!texture) throw new Error(`${MATMUL_KERNEL}: no texture for [${rows}, ${cols}]`);
  return { info, texture };
}

interface Operands {
  a: GlHandle;
  b: GlHandle;
  bias: GlHandle | null;
}

/** Draws the product into the targets, then copies each target's rectangle into `output`. */
function draw(
  webgl: MathBackendWebGL,
  v: WebglProductVariant,
  operands: Operands,
  targets: GlHandle[],
  output: GlHandle,
): void {
  const gl = webgl.gpgpu.gl as unknown as WebGl2;
  const d = drawingFor(gl);
  const program = programFor(gl, d, v, operands.bias !== null);
  const [width, height] = productGrid(v);
  const attachments = targets.map((_, t) => gl.COLOR_ATTACHMENT0 + t);
  gl.bindFramebuffer(gl.FRAMEBUFFER, d.framebuffer);
  targets.forEach((texture, t) => {
    gl.framebufferTexture2D(gl.FRAMEBUFFER, attachments[t]!, gl.TEXTURE_2D, texture, 0);
  });
  gl.drawBuffers(attachments);
  gl.viewport(0, 0, width, height);
  gl.scissor(0, 0, width, height);
  gl.useProgram(program);
  gl.bindVertexArray(d.vertexArray);
  [operands.a, operands.b, operands.bias].forEach((texture, unit) => {
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D, texture);
  });
  gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
  gl.bindVertexArray(null);
  // The blits: tfjs draws with the scissor test on, and it clips blits too.
  const [outWidth, outHeight] = packedTextureSize(v.m, v.n);
  gl.scissor(0, 0, outWidth, outHeight);
  gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, d.outputFramebuffer);
  gl.framebufferTexture2D(gl.DRAW_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, output, 0);
  targets.forEach((_, t) => {
    const [x, y, w, h] = targetRectangle(v, t);
    if (w === 0 || h === 0) return;
    gl.readBuffer(attachments[t]!);
    gl.blitFramebuffer(0, 0, w, h, x, y, x + w, y + h, gl.COLOR_BUFFER_BIT, gl.NEAREST);
  });
  // Let go of the textures (they go back to tfjs's pool) and give tfjs its framebuffer back.
  gl.framebufferTexture2D(gl.DRAW_FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, null, 0);
  gl.bindFramebuffer(gl.FRAMEBUFFER, d.framebuffer);
  attachments.forEach((at) => gl.framebufferTexture2D(gl.FRAMEBUFFER, at, gl.TEXTURE_2D, null, 0));
  gl.bindFramebuffer(gl.FRAMEBUFFER, webgl.gpgpu.framebuffer);
}

/** The kernel (registered by ourKernels.ts's fitKernelsToBackend on software renderers). */
export const matMulWebgl: KernelFunc = ({ inputs, attrs, backend }) => {
  const webgl = backend as MathBackendWebGL;
  const { transposeA, transposeB } = attrs as unknown as MatMulAttrs;
  const { a, b, bias } = inputs as { a: TensorInfo; b: TensorInfo; bias?: TensorInfo };
  const [aRows, aCols] = a.shape as [number, number];
  const [bRows, bCols] = b.shape as [number, number];
  const [m, k] = transposeA ? [aCols, aRows] : [aRows, aCols];
  const [kb, n] = transposeB ? [bCols, bRows] : [bRows, bCols];
  if (k !== kb) throw new Error(`${MATMUL_KERNEL}: inner sizes ${k} and ${kb} differ`);
  if (bias && bias.shape[0] !== n) {
    throw new Error(`${MATMUL_KERNEL}: a bias of ${bias.shape[0]} for ${n} columns`);
  }
  const gl = webgl.gpgpu.gl as unknown as WebGl2;
  const block = productBlock(m, drawingFor(gl).maxDrawBuffers);
  const v: WebglProductVariant = { transposeA, transposeB, m, k, n, block };
  const temps: TensorInfo[] = [];
  try {
    const operands: Operands = {
      a: operandTexture(webgl, a, temps),
      b: operandTexture(webgl, b, temps),
      bias: bias ? operandTexture(webgl, bias, temps, [1, n]) : null,
    };
    const [width, height] = productGrid(v);
    const targets = Array.from({ length: block.rows * block.cols }, () =>
      packedTensor(webgl, 2 * height, 2 * width),
    );
    temps.push(...targets.map((t) => t.info));
    const output = packedTensor(webgl, m, n);
    try {
      draw(
        webgl,
        v,
        operands,
        targets.map((t) => t.texture),
        output.texture,
      );
    } catch (e) {
      webgl.disposeIntermediateTensorInfo(output.info);
      throw e;
    }
    return output.info;
  } finally {
    temps.forEach((t) => webgl.disposeIntermediateTensorInfo(t));
  }
};
