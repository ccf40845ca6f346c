import { describe, expect, it } from 'vitest';
import { longest, stepFromStatus, stepProgress, summarise } from './longTasks.ts';

describe('long tasks', () => {
  it('sums the tasks, and their time beyond 50 ms as blocking time', () => {
    const tasks = [
      { start: 10, duration: 60 },
      { start: 500, duration: 180 },
      { start: 900, duration: 51 },
    ];
    expect(summarise(tasks)).toEqual({ count: 3, longestMs: 180, totalMs: 291, blockingMs: 141 });
  });

  it('summarises no tasks as zeros', () => {
    expect(summarise([])).toEqual({ count: 0, longestMs: 0, totalMs: 0, blockingMs: 0 });
  });

  it('keeps the n longest, longest first', () => {
    const tasks = [60, 200, 90, 51].map((duration, start) => ({ start, duration }));
    expect(longest(tasks, 2).map((t) => t.duration)).toEqual([200, 90]);
  });
});

describe('the step the status line shows', () => {
  it('reads the step out of the running and stopped lines', () => {
    expect(stepFromStatus('Training on WebAssembly — step 1,234 of 5,000, epoch 0.5 of 2')).toBe(
      1234,
    );
    expect(stepFromStatus('Training until stopped — step 7, epoch 0.01, 1,000 chars/s')).toBe(7);
    expect(stepFromStatus('Stopped at step 88')).toBe(88);
    expect(stepFromStatus('Starting the training worker…')).toBeNull();
  });

  it('counts the changes that showed a new step, from the first one', () => {
    const changes = [
      { t: 5, text: 'Starting the training worker…' },
      { t: 600, text: 'Training on WebAssembly — step 0 of 900, 0 chars/s' },
      { t: 900, text: 'Training on WebAssembly — step 1 of 900, 0 chars/s' },
      { t: 1200, text: 'Training on WebAssembly — step 1 of 900, 1,500 chars/s' },
      { t: 1500, text: 'Training on WebAssembly — step 9 of 900, 1,600 chars/s' },
      { t: 1800, text: 'Training on WebAssembly — step 20 of 900, 1,700 chars/s' },
    ];
    expect(stepProgress(changes)).toEqual({ firstAt: 900, updates: 3, first: 1, last: 20 });
  });

  it('has nothing to count before the first step', () => {
    expect(stepProgress([{ t: 5, text: 'Loading corpus…' }])).toEqual({
      firstAt: null,
      updates: 0,
      first: null,
      last: null,
    });
  });
});
