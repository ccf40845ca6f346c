// The fused point-wise kernel (src/model/pointwise/spec.ts) on tfjs's webgl backend.
// Not written yet: until it registers, the cells run op by op on webgl.
export function registerWebglPointwise(): void {}
