// The fused point-wise kernel (src/model/pointwise/spec.ts) on tfjs's webgpu backend.
// Not written yet: until it registers, the cells run op by op on webgpu.
export function registerWebgpuPointwise(): void {}
