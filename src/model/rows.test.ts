// The grouping of ids that lets a kernel sum rows per id without scattering (webglRows.ts).
import { describe, expect, it } from 'vitest';
import { checkedIds, idsInOrder } from './rows.ts';

describe('ids grouped in order', () => {
  it('list each id’s positions together, ascending by id and by position', () => {
    const { order, starts } = idsInOrder([3, 0, 2, 3, 3, 0], 4);
    expect([...order]).toEqual([1, 5, 2, 0, 3, 4]);
    expect([...starts]).toEqual([0, 2, 2, 3, 6]);
  });

  it('give an unused id an empty range, and padded ids past the vocabulary empty ranges at N', () => {
    const { order, starts } = idsInOrder([1, 1], 3, 4);
    expect([...order]).toEqual([0, 1]);
    expect([...starts]).toEqual([0, 0, 2, 2, 2]);
  });

  it('cover every position exactly once, so the sums lose no row', () => {
    const ids = Array.from({ length: 97 }, (_, n) => (n * 37) % 11);
    const { order, starts } = idsInOrder(ids, 11);
    expect([...order].sort((a, b) => a - b)).toEqual(ids.map((_, n) => n));
    for (let v = 0; v < 11; v++) {
      for (let j = starts[v]!; j < starts[v + 1]!; j++) expect(ids[order[j]!]).toBe(v);
    }
  });
});

describe('id checks', () => {
  it('name the kernel and the first id outside the table', () => {
    expect(() => checkedIds([0, 5, 9], 5, 'Rows')).toThrow('Rows: id 5 outside [0, 5)');
    expect(() => checkedIds([-1], 5, 'Rows')).toThrow('Rows: id -1 outside [0, 5)');
    expect([...checkedIds(new Int32Array([4, 0]), 5, 'Rows')]).toEqual([4, 0]);
  });
});
