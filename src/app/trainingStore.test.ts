import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { INITIAL_STATE } from './store.ts';
import { createTrainingStore } from './trainingStore.ts';
import { progress, started } from './trainerEvents.fixture.ts';

describe('createTrainingStore', () => {
  function manualScheduler() {
    const queue: (() => void)[] = [];
    return {
      schedule: (cb: () => void) => void queue.push(cb),
      run: () => queue.splice(0).forEach((cb) => cb()),
      get size() {
        return queue.length;
      },
    };
  }

  it('coalesces a burst of events into one notification per scheduled flush', () => {
    const scheduler = manualScheduler();
    const store = createTrainingStore(scheduler.schedule);
    let notified = 0;
    store.subscribe(() => notified++);
    store.dispatch(started);
    store.dispatch(progress(1, 2));
    store.dispatch(progress(3, 4));
    expect(scheduler.size).toBe(1);
    expect(store.getSnapshot()).toBe(INITIAL_STATE);
    scheduler.run();
    expect(notified).toBe(1);
    expect(store.getSnapshot().trainLoss).toHaveLength(4);
  });

  it('returns the same snapshot until something changes', () => {
    const scheduler = manualScheduler();
    const store = createTrainingStore(scheduler.schedule);
    store.dispatch(started);
    scheduler.run();
    expect(store.getSnapshot()).toBe(store.getSnapshot());
  });

  it('publishes at once on flush and stops notifying after unsubscribe', () => {
    const scheduler = manualScheduler();
    const store = createTrainingStore(scheduler.schedule);
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);
    store.beginRun({ corpusName: 'Tiny', backend: 'auto', hyper: DEFAULT_HYPERPARAMETERS });
    store.flush();
    expect(store.getSnapshot().phase).toBe('initialising');
    expect(notified).toBe(1);
    unsubscribe();
    store.dispatch(started);
    scheduler.run();
    expect(notified).toBe(1);
  });

  it('resets to idle through the same coalesced publishing', () => {
    const scheduler = manualScheduler();
    const store = createTrainingStore(scheduler.schedule);
    store.dispatch(started);
    store.dispatch(progress(1, 4));
    store.reset(7);
    scheduler.run();
    expect(store.getSnapshot().phase).toBe('idle');
    expect(store.getSnapshot().trainLoss).toEqual([]);
    expect(store.getSnapshot().reset).toEqual({ seed: 7 });
  });
});
