// The part of WebGL 2 our WebGL kernels use (webglTextures.ts) and the renderer check reads
// (softwareGpu.ts), declared here because the Node project that type-checks the bench and the
// tests has no DOM library. It also lists every piece of GL state our product touches.

/** A GL object handle (texture, framebuffer, program, ...), opaque to us. */
export type GlHandle = object;

export interface WebGl2 {
  readonly ARRAY_BUFFER: number;
  readonly COLOR_ATTACHMENT0: number;
  readonly COLOR_BUFFER_BIT: number;
  readonly COMPILE_STATUS: number;
  readonly FLOAT: number;
  readonly FRAGMENT_SHADER: number;
  readonly DRAW_FRAMEBUFFER: number;
  readonly FRAMEBUFFER: number;
  readonly LINK_STATUS: number;
  readonly MAX_DRAW_BUFFERS: number;
  readonly NEAREST: number;
  readonly READ_FRAMEBUFFER: number;
  readonly RENDERER: number;
  readonly STATIC_DRAW: number;
  readonly TEXTURE0: number;
  readonly TEXTURE1: number;
  readonly TEXTURE_2D: number;
  readonly TRIANGLE_STRIP: number;
  readonly VERTEX_SHADER: number;
  getExtension(name: 'WEBGL_debug_renderer_info'): { UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(name: number): unknown;
  createBuffer(): GlHandle | null;
  createFramebuffer(): GlHandle | null;
  createProgram(): GlHandle | null;
  createShader(type: number): GlHandle | null;
  createVertexArray(): GlHandle | null;
  shaderSource(shader: GlHandle, source: string): void;
  compileShader(shader: GlHandle): void;
  getShaderParameter(shader: GlHandle, name: number): unknown;
  getShaderInfoLog(shader: GlHandle): string | null;
  attachShader(program: GlHandle, shader: GlHandle): void;
  bindAttribLocation(program: GlHandle, index: number, name: string): void;
  linkProgram(program: GlHandle): void;
  getProgramParameter(program: GlHandle, name: number): unknown;
  getProgramInfoLog(program: GlHandle): string | null;
  getUniformLocation(program: GlHandle, name: string): GlHandle | null;
  useProgram(program: GlHandle | null): void;
  uniform1i(location: GlHandle | null, value: number): void;
  bindVertexArray(vertexArray: GlHandle | null): void;
  bindBuffer(target: number, buffer: GlHandle | null): void;
  bufferData(target: number, data: Float32Array, usage: number): void;
  enableVertexAttribArray(index: number): void;
  vertexAttribPointer(
    index: number,
    size: number,
    type: number,
    normalized: boolean,
    stride: number,
    offset: number,
  ): void;
  bindFramebuffer(target: number, framebuffer: GlHandle | null): void;
  framebufferTexture2D(
    target: number,
    attachment: number,
    textarget: number,
    texture: GlHandle | null,
    level: number,
  ): void;
  drawBuffers(buffers: number[]): void;
  blitFramebuffer(
    srcX0: number,
    srcY0: number,
    srcX1: number,
    srcY1: number,
    dstX0: number,
    dstY0: number,
    dstX1: number,
    dstY1: number,
    mask: number,
    filter: number,
  ): void;
  viewport(x: number, y: number, width: number, height: number): void;
  scissor(x: number, y: number, width: number, height: number): void;
  activeTexture(unit: number): void;
  bindTexture(target: number, texture: GlHandle | null): void;
  drawArrays(mode: number, first: number, count: number): void;
}
