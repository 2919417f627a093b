/**
 * Timing inside a bench page, shared by page-entry.ts and marking-compare-entry.ts: a sample
 * loops the work until it has run long enough to beat the 0.1 ms timer, and a figure is the
 * median of samples after one warm-up.
 */

/** Repeats `once` until `minMs` of it has run; `between` (untimed) restores the state. */
export function perCall(once: () => void, minMs: number, between?: () => void): number {
  let spent = 0;
  let calls = 0;
  do {
    const t0 = performance.now();
    once();
    spent += performance.now() - t0;
    calls++;
    between?.();
  } while (spent < minMs);
  return spent / calls;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The median of `runs` samples, after one warm-up (JIT, lazy regex compilation, a fresh page's style). */
export function samples(runs: number, sample: () => number): number {
  sample();
  return median(Array.from({ length: runs }, sample));
}

/** A figure in ms as results files hold it: to the microsecond. */
export const round = (x: number): number => Math.round(x * 1000) / 1000;
