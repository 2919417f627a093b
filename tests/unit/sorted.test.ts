import { describe, expect, it } from 'vitest';
import { countWhile, insertSorted } from '@/lib/sorted';

const byNumber = (a: number, b: number) => a - b;

describe('insertSorted', () => {
  it('appends runs that come in order and places the others by binary search', () => {
    const list: number[] = [];
    insertSorted(list, [1, 2], byNumber);
    insertSorted(list, [5], byNumber);
    insertSorted(list, [3, 4], byNumber);
    insertSorted(list, [0], byNumber);
    insertSorted(list, [6, 7], byNumber);
    insertSorted(list, [], byNumber);
    expect(list).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('puts an equal item after the ones already there', () => {
    const list = [{ k: 1, n: 'a' }, { k: 2, n: 'b' }, { k: 3, n: 'c' }];
    insertSorted(list, [{ k: 2, n: 'new' }], (a, b) => a.k - b.k);
    expect(list.map((x) => x.n)).toEqual(['a', 'b', 'new', 'c']);
  });

  it('keeps a random stream sorted, as a sort would', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 1000;
    const list: number[] = [];
    const all: number[] = [];
    for (let i = 0; i < 500; i++) {
      const x = next();
      all.push(x);
      insertSorted(list, [x], byNumber);
    }
    expect(list).toEqual([...all].sort(byNumber));
  });
});

describe('countWhile', () => {
  it('counts the prefix that passes', () => {
    const list = [1, 3, 5, 7, 9];
    expect(countWhile(list, (x) => x < 0)).toBe(0);
    expect(countWhile(list, (x) => x < 6)).toBe(3);
    expect(countWhile(list, (x) => x < 100)).toBe(5);
    expect(countWhile([], () => true)).toBe(0);
  });
});
