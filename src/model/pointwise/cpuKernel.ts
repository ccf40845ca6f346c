// The fused point-wise kernel on tfjs's cpu backend: each spec becomes one generated function
// (straight-line code over the spec's steps, see linear.ts), compiled once and then JIT-compiled
// like a hand-written loop. A cpu training step at 1x128 (Node) took 1,035 ms with it against
// 1,278 ms with a tree of closures per element (LSTM; GRU 855 against 968), and ~1,850 op by op.
//
// Generated with `new Function`: where a Content-Security-Policy forbids that, the kernel is not
// registered and the cells keep their op-by-op path.
//
// Not registered on wasm: a JS kernel on the wasm heap trained no faster there (Node, 1x128 and
// 2x512), the wasm element-wise kernels being fast already; wasm's time is in matMul.
import { registerKernel, unregisterKernel, type KernelFunc } from '@tensorflow/tfjs-core';
import { cpuBackend } from '../cpuBackend.ts';
import { INFIX, linearise, type LinearProgram, type Step } from './linear.ts';
import {
  kernelInputs,
  perSpecCache,
  POINTWISE_KERNEL,
  startIndex,
  type PointwiseAttrs,
  type PointwiseSpec,
} from './spec.ts';

/** out[b, k*H + j] = block k at (b, j); input n is read at flat index starts[n] + b*widths[n] + j. */
type Compiled = (
  values: readonly Float32Array[],
  widths: readonly number[],
  starts: readonly number[],
  hidden: number,
  rows: number,
  out: Float32Array,
) => void;

/** One step's JS expression, its arguments named t<index>. */
function stepCode(s: Step): string {
  switch (s.op) {
    case 'read':
      return `v${s.input}[p${s.input} + ${s.block} * H + j]`;
    case 'scalar':
      return `v${s.input}[starts[${s.input}]]`;
    case 'const':
      return String(s.value);
    case 'sigmoid':
      return `1 / (1 + Math.exp(-t${s.a}))`; // exp overflows to Infinity for t << 0: gives 0, not NaN
    case 'tanh':
      return `Math.tanh(t${s.a})`;
    case 'sqrt':
      return `Math.sqrt(t${s.a})`;
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
      return `t${s.a} ${INFIX[s.op]} t${s.b}`;
  }
}

/** The generated function's body: per row b, per unit j, every step once, then every block. */
function jsSource(program: LinearProgram, inputCount: number): string {
  const inputs = Array.from({ length: inputCount }, (_, n) => n);
  const width = `${program.results.length} * H`;
  return [
    ...inputs.map((n) => `const v${n} = values[${n}], w${n} = widths[${n}];`),
    'for (let b = 0; b < rows; b++) {',
    ...inputs.map((n) => `  const p${n} = starts[${n}] + b * w${n};`),
    `  const o = b * ${width};`,
    '  for (let j = 0; j < H; j++) {',
    ...program.steps.map((s, i) => `    const t${i} = ${stepCode(s)};`),
    ...program.results.map((r, k) => `    out[o + ${k} * H + j] = t${r};`),
    '  }',
    '}',
  ].join('\n');
}

const functions = perSpecCache<Compiled>();

/** The spec's function, generated on first use. */
const compile = (spec: PointwiseSpec): Compiled =>
  functions(spec, '', () => {
    const source = jsSource(linearise(spec), spec.inputs.length);
    return new Function('values', 'widths', 'starts', 'H', 'rows', 'out', source) as Compiled;
  });

const pointwiseCpu: KernelFunc = ({ inputs, attrs: rawAttrs, backend }) => {
  const attrs = rawAttrs as unknown as PointwiseAttrs;
  const cpu = cpuBackend(backend);
  const { spec, hidden, rows } = attrs;
  const infos = kernelInputs(inputs, attrs);
  if (infos.some((t) => t.dtype !== 'float32')) {
    throw new Error(`${spec.name}: inputs must be float32`);
  }
  const widths = infos.map((t) => t.shape[1]!);
  const starts = widths.map((w, n) => startIndex(attrs, n, w));
  const width = spec.blocks.length * hidden;
  const out = new Float32Array(rows * width);
  const values = infos.map((t) => cpu.readSync(t.dataId) as Float32Array);
  compile(spec)(values, widths, starts, hidden, rows, out);
  return cpu.makeTensorInfo([rows, width], 'float32', out);
};

/** Whether generated code can run here (a Content-Security-Policy may forbid it). */
function canGenerateCode(): boolean {
  try {
    return (new Function('return 1') as () => number)() === 1;
  } catch {
    return false;
  }
}

/** Registers the kernel for 'cpu' (the cells then take their fused path there); false if it cannot. */
export function registerCpuPointwise(): boolean {
  if (!canGenerateCode()) return false;
  registerKernel({ kernelName: POINTWISE_KERNEL, backendName: 'cpu', kernelFunc: pointwiseCpu });
  return true;
}

export function unregisterCpuPointwise(): void {
  unregisterKernel(POINTWISE_KERNEL, 'cpu');
}
