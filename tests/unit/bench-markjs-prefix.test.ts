// The mark.js timing of `npm run bench`: the whole list, else the largest prefix mark.js
// completes. A fake stands in for mark.js in the browser: it fails above a limit the test sets.
import { describe, expect, it } from 'vitest';
import { MarkjsTimer, type MarkjsCall } from '@/scripts/bench/markjs-prefix';

const NAMES = Array.from({ length: 5000 }, (_, i) => `Name${i}`);
const SHORT = { name: 'words-10k', words: 10_035 };
const LONG = { name: 'words-100k', words: 100_017 };

/** A fake mark.js that completes up to `limit()` names; each result's time is count / 10 ms. */
function fakeMarkjs(limit: (count: number, runs: number) => number) {
  const calls: Array<{ count: number; runs: number }> = [];
  const call: MarkjsCall = async (_names, count, runs) => {
    calls.push({ count, runs });
    if (count > limit(count, runs)) return { error: 'RangeError: Maximum call stack size exceeded' };
    return { ms: count / 10, marks: count };
  };
  return { call, calls };
}

const quiet = () => {};

describe('MarkjsTimer', () => {
  it('times the whole list when mark.js completes it', async () => {
    const { call, calls } = fakeMarkjs(() => Infinity);
    const result = await new MarkjsTimer(3, quiet).time(call, NAMES, SHORT);
    expect(result).toEqual({ markjs_ms: 500, markjs_names: 5000, markjs_marks: 5000 });
    expect(calls.at(-1)).toEqual({ count: 5000, runs: 3 });
  });

  it('finds the largest prefix within 1 % when the whole list fails, and records why', async () => {
    const { call, calls } = fakeMarkjs(() => 1234);
    const result = await new MarkjsTimer(3, quiet).time(call, NAMES, SHORT);
    expect(result.markjs_names).toBeGreaterThanOrEqual(1222);
    expect(result.markjs_names).toBeLessThanOrEqual(1234);
    expect(result.markjs_error).toMatch(/Maximum call stack/);
    // The figure is a timed run (3 samples) of that prefix.
    expect(calls.at(-1)).toEqual({ count: result.markjs_names, runs: 3 });
    expect(result.markjs_ms).toBe((result.markjs_names as number) / 10);
  });

  it('on a long page uses the limit found on a shorter one, without a full-list try', async () => {
    const { call, calls } = fakeMarkjs(() => 1234);
    const timer = new MarkjsTimer(3, quiet);
    const short = await timer.time(call, NAMES, SHORT);
    calls.length = 0;
    const long = await timer.time(call, NAMES, LONG);
    expect(calls).toEqual([{ count: short.markjs_names, runs: 0 }]);
    expect(long.markjs_names).toBe(short.markjs_names);
    expect(long.markjs_note).toBe('prefix limit found on words-10k');
  });

  it('on a long page where the carried limit fails, halves, then searches back up to the largest prefix that completes', async () => {
    let limit = 1234;
    const { call, calls } = fakeMarkjs(() => limit);
    const timer = new MarkjsTimer(3, quiet);
    await timer.time(call, NAMES, SHORT);
    limit = 700;
    calls.length = 0;
    const long = await timer.time(call, NAMES, LONG);
    const names = long.markjs_names as number;
    expect(names).toBeGreaterThanOrEqual(693);
    expect(names).toBeLessThanOrEqual(700);
    // Halved once (1,2xx → 6xx), then bisected; every try a single run.
    expect(calls.every((c) => c.runs === 0)).toBe(true);
    expect(calls[1]!.count).toBe(calls[0]!.count >> 1);
    // The figure is the time of the last try that completed, which is the count found.
    expect(long.markjs_ms).toBe(names / 10);
    expect(long.markjs_note).toMatch(/stepped down; then the largest prefix below \d+ that completed/);
  });

  it('on a short page steps down by 5 % when the prefix found fails when timed', async () => {
    // The single tries of the search complete up to 1,234; timed runs only up to 1,150.
    const { call } = fakeMarkjs((_count, runs) => (runs > 0 ? 1150 : 1234));
    const result = await new MarkjsTimer(3, quiet).time(call, NAMES, SHORT);
    const names = result.markjs_names as number;
    expect(names).toBeLessThanOrEqual(1150);
    expect(names).toBeGreaterThan(1150 * 0.95 - 1);
    expect(result.markjs_note).toMatch(/failed when timed, stepped down/);
  });

  it('reports no time, with the error, when not even one name completes', async () => {
    const { call } = fakeMarkjs(() => 0);
    const result = await new MarkjsTimer(3, quiet).time(call, NAMES, SHORT);
    expect(result.markjs_ms).toBeNull();
    expect(result.markjs_names).toBe(0);
    expect(result.markjs_error).toMatch(/Maximum call stack/);
  });
});
