// The fused point-wise kernel on tfjs's cpu backend: each description compiled once per call into
// a tree of closures, then one loop over the output. Replaces ~40 tiny kernels per LSTM timestep,
// each of which allocates its output.
import {
  registerKernel,
  unregisterKernel,
  type DataType,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { checkReads, inputName, POINTWISE_KERNEL, type Expr, type PointwiseAttrs } from './spec.ts';

/** The two methods of MathBackendCPU used here (public in its typings). */
interface CpuBackend {
  readSync(dataId: object): unknown;
  makeTensorInfo(shape: number[], dtype: DataType, values: Float32Array): TensorInfo;
}

type Fn = (b: number, j: number) => number;

interface Sources {
  values: Float32Array[];
  widths: number[];
  attrs: PointwiseAttrs;
}

function compile(e: Expr, src: Sources): Fn {
  switch (e.op) {
    case 'read': {
      const v = src.values[e.input]!;
      const w = src.widths[e.input]!;
      const r0 = src.attrs.rowOffsets[e.input]!;
      const c0 = src.attrs.colOffsets[e.input]! + e.block * src.attrs.hidden;
      return (b, j) => v[(r0 + b) * w + c0 + j]!;
    }
    case 'const': {
      const value = e.value;
      return () => value;
    }
    case 'sigmoid': {
      const a = compile(e.a, src);
      return (b, j) => 1 / (1 + Math.exp(-a(b, j)));
    }
    case 'tanh': {
      const a = compile(e.a, src);
      return (b, j) => Math.tanh(a(b, j));
    }
    case 'add': {
      const [a, c] = [compile(e.a, src), compile(e.b, src)];
      return (b, j) => a(b, j) + c(b, j);
    }
    case 'sub': {
      const [a, c] = [compile(e.a, src), compile(e.b, src)];
      return (b, j) => a(b, j) - c(b, j);
    }
    case 'mul': {
      const [a, c] = [compile(e.a, src), compile(e.b, src)];
      return (b, j) => a(b, j) * c(b, j);
    }
  }
}

const pointwiseCpu: KernelFunc = ({ inputs, attrs: rawAttrs, backend }) => {
  const attrs = rawAttrs as unknown as PointwiseAttrs;
  const cpu = backend as unknown as CpuBackend;
  const { spec, hidden, rows } = attrs;
  const infos = spec.inputs.map((_, n) => inputs[inputName(n)] as TensorInfo);
  checkReads(
    attrs,
    infos.map((t) => t.shape),
  );
  const src: Sources = {
    values: infos.map((t) => cpu.readSync(t.dataId) as Float32Array),
    widths: infos.map((t) => t.shape[1]!),
    attrs,
  };
  const blocks = spec.blocks.map((e) => compile(e, src));
  const width = blocks.length * hidden;
  const out = new Float32Array(rows * width);
  for (let b = 0; b < rows; b++) {
    for (let k = 0; k < blocks.length; k++) {
      const f = blocks[k]!;
      const base = b * width + k * hidden;
      for (let j = 0; j < hidden; j++) out[base + j] = f(b, j);
    }
  }
  return cpu.makeTensorInfo([rows, width], 'float32', out);
};

/** Registers the kernel for 'cpu' (the cells then take their fused path there). */
export function registerCpuPointwise(): void {
  registerKernel({ kernelName: POINTWISE_KERNEL, backendName: 'cpu', kernelFunc: pointwiseCpu });
}

export function unregisterCpuPointwise(): void {
  unregisterKernel(POINTWISE_KERNEL, 'cpu');
}
