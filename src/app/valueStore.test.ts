import { describe, expect, it } from 'vitest';
import { createValueStore } from './valueStore.ts';

describe('createValueStore', () => {
  it('tells its listeners about each change, and not about the same value again', () => {
    const store = createValueStore(1);
    const seen: number[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.get()));
    store.set(2);
    store.set(2);
    store.set(3);
    unsubscribe();
    store.set(4);
    expect(seen).toEqual([2, 3]);
    expect(store.get()).toBe(4);
  });
});
