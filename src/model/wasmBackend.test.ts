// The wasm backend runs in Node too: check our training step there against cpu, as the browser's
// self-check does, so a wasm-only kernel bug fails here first.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStepValues, compareCheckValues } from './selfCheck.ts';

describe('wasm backend', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gives the loss and gradients of cpu for one training step', async () => {
    await tf.setBackend('cpu');
    const cpu = await checkStepValues();
    expect(await tf.setBackend('wasm')).toBe(true);
    const wasm = await checkStepValues();
    expect(compareCheckValues(cpu, wasm)).toBeNull();
  });

  it('is caught by the self-check when a gradient is wrong', async () => {
    await tf.setBackend('cpu');
    const cpu = await checkStepValues();
    const broken = { loss: cpu.loss, grads: cpu.grads.map((g) => g.map((x) => x * 1.1)) };
    expect(compareCheckValues(cpu, broken)).toMatch(/gradient 0 differs/);
    expect(compareCheckValues(cpu, { ...cpu, loss: 0 })).toMatch(/loss was 0\.000000/);
  });
});
