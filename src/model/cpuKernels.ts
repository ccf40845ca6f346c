// Our kernels for tfjs's cpu backend, registered together by the training worker (backends.ts)
// and by the unit tests' setup, so both run the same cpu path: the product (cpuMatMul.ts, ~5
// GFLOP/s where tfjs's runs at ~1), the loss in one kernel (cpuLoss.ts), and row lookups as row
// copies (cpuRows.ts). The fused point-wise kernel registers on its own (pointwise/cpuKernel.ts).
import { registerCpuLoss } from './cpuLoss.ts';
import { registerCpuMatMul } from './cpuMatMul.ts';
import { registerCpuRows } from './cpuRows.ts';

export function registerCpuKernels(): void {
  registerCpuMatMul();
  registerCpuLoss();
  registerCpuRows();
}
