// Our matrix product (src/model/matMul.ts's kernel) on tfjs's webgl backend, for software
// renderers only: on SwiftShader it is 2.1-2.7x tfjs's product (webglMatMulGlsl.ts says why). A
// fragment writing several texels needs several render targets, which tfjs's programs cannot bind,
// so the product is drawn on the backend's own WebGL 2 context (webglTextures.ts) into textures
// tfjs allocated, each holding one rectangle of the output, and blitted from there into the output
// tensor's texture. On a real GPU tfjs's product serves: ours is unmeasured there (ourKernels.ts).
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { MATMUL_KERNEL, productSizes, type MatMulAttrs } from '../../model/matMul.ts';
import type { GlHandle, WebGl2 } from './webgl2.ts';
import {
  blitInto,
  contextOf,
  framebufferFor,
  packedTensor,
  plainTexture,
  rowTexture,
  type Blit,
} from './webglTextures.ts';
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
  const vertexArray = gl.createVertexArray();
  const buffer = gl.createBuffer();
  if (!vertexArray || !buffer) throw new Error(`${MATMUL_KERNEL}: no GL objects`);
  // A strip of two triangles over the viewport, counter-clockwise: tfjs culls back faces.
  gl.bindVertexArray(vertexArray);
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.bindVertexArray(null);
  const drawing: Drawing = {
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

interface Operands {
  a: GlHandle;
  b: GlHandle;
  bias: GlHandle | null;
}

/** Draws the product into the targets, then blits each target's rectangle into `output`. */
function draw(
  webgl: MathBackendWebGL,
  v: WebglProductVariant,
  operands: Operands,
  targets: GlHandle[],
  output: GlHandle,
): void {
  const gl = contextOf(webgl);
  const d = drawingFor(gl);
  const program = programFor(gl, d, v, operands.bias !== null);
  const [width, height] = productGrid(v);
  const attachments = targets.map((_, t) => gl.COLOR_ATTACHMENT0 + t);
  gl.bindFramebuffer(gl.FRAMEBUFFER, framebufferFor(gl, MATMUL_KERNEL));
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
  // Let go of the targets before the blits read them through a framebuffer of their own.
  attachments.forEach((at) => gl.framebufferTexture2D(gl.FRAMEBUFFER, at, gl.TEXTURE_2D, null, 0));
  const blits = targets.map((texture, t): Blit => {
    const [x, y, w, h] = targetRectangle(v, t);
    return { texture, x, y, width: w, height: h };
  });
  const nonEmpty = blits.filter((b) => b.width > 0 && b.height > 0);
  blitInto(webgl, output, packedTextureSize(v.m, v.n), nonEmpty);
}

/** The kernel (registered by ourKernels.ts's fitKernelsToBackend on software renderers). */
export const matMulWebgl: KernelFunc = ({ inputs, attrs, backend }) => {
  const webgl = backend as MathBackendWebGL;
  const { transposeA, transposeB } = attrs as unknown as MatMulAttrs;
  const { a, b, bias } = inputs as { a: TensorInfo; b: TensorInfo; bias?: TensorInfo };
  const { m, k, n } = productSizes(a, b, bias, { transposeA, transposeB });
  const gl = contextOf(webgl);
  const block = productBlock(m, drawingFor(gl).maxDrawBuffers);
  const v: WebglProductVariant = { transposeA, transposeB, m, k, n, block };
  const temps: TensorInfo[] = [];
  try {
    const operands: Operands = {
      a: plainTexture(webgl, a, temps),
      b: plainTexture(webgl, b, temps),
      bias: bias ? rowTexture(webgl, bias, temps) : null,
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
