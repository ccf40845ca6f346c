import { describe, expect, it } from 'vitest';
import {
  activationColor,
  formatActivation,
  gateDomain,
  gateKind,
  intensity,
  legendGradient,
  unitMeans,
  unitValues,
} from './activationScale.ts';

describe('gateKind and gateDomain', () => {
  it('puts sigmoid gates on 0..1 and tanh values on -1..1', () => {
    for (const gate of ['input', 'forget', 'output', 'update', 'reset']) {
      expect(gateKind(gate)).toBe('sigmoid');
      expect(gateDomain(gate)).toEqual({ min: 0, max: 1 });
    }
    for (const gate of ['candidate', 'hidden', 'state']) {
      expect(gateKind(gate)).toBe('tanh');
      expect(gateDomain(gate)).toEqual({ min: -1, max: 1 });
    }
  });

  it('fits the unbounded cell state to its largest value, at least 1, in halves', () => {
    expect(gateDomain('cell', [0.2, -0.4])).toEqual({ min: -1, max: 1 });
    expect(gateDomain('cell', [0.3, -2.2, Number.NaN])).toEqual({ min: -2.5, max: 2.5 });
  });
});

describe('activationColor', () => {
  const diverging = { min: -1, max: 1 };
  const sigmoid = { min: 0, max: 1 };

  it('is white at 0, blue at -1 and red at +1', () => {
    expect(activationColor(0, diverging).background).toBe('rgb(255, 255, 255)');
    expect(activationColor(-1, diverging).background).toBe('rgb(33, 102, 172)');
    expect(activationColor(1, diverging).background).toBe('rgb(178, 24, 43)');
  });

  it('runs white to red over a sigmoid gate', () => {
    expect(activationColor(0, sigmoid).background).toBe('rgb(255, 255, 255)');
    expect(activationColor(1, sigmoid).background).toBe('rgb(178, 24, 43)');
    expect(activationColor(0.5, sigmoid).background).toBe('rgb(217, 140, 149)');
  });

  it('clamps values outside the domain and treats NaN as 0', () => {
    expect(activationColor(5, diverging)).toEqual(activationColor(1, diverging));
    expect(activationColor(-3, sigmoid)).toEqual(activationColor(0, sigmoid));
    expect(intensity(Number.NaN, diverging)).toBe(0);
  });

  it('switches to white text on strong colours', () => {
    expect(activationColor(0.1, diverging).color).toBe('#1f2430');
    expect(activationColor(-0.9, diverging).color).toBe('#ffffff');
  });

  it('draws a legend through white for a diverging domain', () => {
    expect(legendGradient(diverging)).toContain('rgb(255, 255, 255)');
    expect(legendGradient(sigmoid)).toBe(
      'linear-gradient(to right, rgb(255, 255, 255), rgb(178, 24, 43))',
    );
  });
});

describe('unitValues and unitMeans', () => {
  // Three positions, two units: row t holds [unit 0, unit 1].
  const values = new Float32Array([1, -1, 0.5, 0, 0, 1]);

  it('reads one unit as a column', () => {
    expect(unitValues(values, 3, 2, 0)).toEqual([1, 0.5, 0]);
    expect(unitValues(values, 3, 2, 1)).toEqual([-1, 0, 1]);
  });

  it('averages every unit over the positions', () => {
    const means = unitMeans(values, 3, 2);
    expect(means[0]).toBeCloseTo(0.5);
    expect(means[1]).toBeCloseTo(0);
    expect(Array.from(unitMeans(values, 0, 2))).toEqual([0, 0]);
  });
});

it('formats activations with a true minus sign', () => {
  expect(formatActivation(-0.874)).toBe('−0.87');
  expect(formatActivation(0.4)).toBe('0.40');
  expect(formatActivation(-0.001)).toBe('0.00');
  expect(formatActivation(Number.NaN)).toBe('—');
});
