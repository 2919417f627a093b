/**
 * Timing mark.js on a bench page with our name list, as issue 6 asks: the whole list, or, when
 * mark.js fails with it (its regex gets too large, or it overflows the stack), the largest
 * prefix of the list it completes, with that count as `markjs_names`.
 */
import { round } from './timing';

/** One mark.js call in the bench tab: `runs` 0 is a single try, untimed warm-up included. */
export type MarkjsCall = (names: string[], count: number, runs: number, minMs: number) => Promise<{ ms: number; marks: number } | { error: string }>;

export type MarkjsResult = Record<string, number | string | null>;

type MarkjsTry = Awaited<ReturnType<MarkjsCall>>;

/**
 * Binary search between a count that completed (`ok`; 0 for none known) and one that failed
 * (`bad`), to 1 % precision: the largest count that completed, and that try's result (null when
 * no try in the search completed).
 */
async function largestCompleting(ok: number, bad: number, attempt: (count: number) => Promise<MarkjsTry>): Promise<{ count: number; completed: Exclude<MarkjsTry, { error: string }> | null }> {
  let completed: Exclude<MarkjsTry, { error: string }> | null = null;
  while (bad - ok > Math.max(1, Math.floor(ok / 100))) {
    const mid = Math.floor((ok + bad) / 2);
    const t = await attempt(mid);
    if ('error' in t) bad = mid;
    else {
      ok = mid;
      completed = t;
    }
  }
  return { count: ok, completed };
}

/** Pages this long get one timed mark.js run and no full-list try (a try that completes costs seconds). */
export const MARKJS_LONG_PAGE_WORDS = 50_000;

/**
 * Times mark.js page after page. The largest prefix found on one page carries over to the next:
 * the limit is mostly the size of the regex, which the page does not change.
 */
export class MarkjsTimer {
  /** The largest prefix mark.js completed so far, and the page it was found on. */
  private limit: number | null = null;
  private limitFrom = '';

  constructor(
    /** Timed runs per short page (their median is the figure). */
    private readonly runs: number,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  async time(call: MarkjsCall, names: string[], page: { name: string; words: number }): Promise<MarkjsResult> {
    const long = page.words >= MARKJS_LONG_PAGE_WORDS;
    let count = names.length;
    let error: string | null = null;
    let note: string | null = null;
    if (long && this.limit !== null) {
      // A failing full-list try here costs as long as the prefix run itself; use the known limit.
      count = this.limit;
      error = 'not tried with the full list on this page';
      note = `prefix limit found on ${this.limitFrom}`;
    } else {
      const full = await call(names, names.length, 0, 0);
      if ('error' in full) {
        error = full.error;
        let ok = 0;
        let bad = names.length;
        // Search only below what failed before; stop at 1 % precision.
        if (this.limit !== null) {
          const t = await call(names, this.limit, 0, 0);
          if ('error' in t) bad = this.limit;
          else ok = this.limit;
        }
        ok = (await largestCompleting(ok, bad, (n) => call(names, n, 0, 0))).count;
        count = ok;
        this.limit = ok;
        this.limitFrom = page.name;
        this.log(`  mark.js failed with ${names.length} names (${error.slice(0, 80)}…); largest prefix that completed: ${ok}`);
      }
    }
    if (count === 0) return { markjs_ms: null, markjs_error: error, markjs_names: 0 };
    const runs = long ? 0 : this.runs;
    const minMs = long ? 0 : 100;
    let timed = await call(names, count, runs, minMs);
    // The limit moves from call to call: a prefix that completed once (here, or on a shorter
    // page) may fail when timed. Step down until it completes: by 5 % on short pages; on a long
    // page, where each try that completes takes seconds, by halving, then back up by binary
    // search between the last count that failed and the one that completed, at 1 % precision.
    // A long page's tries are single timed runs, so the last one that completed is the figure.
    let failed = 0;
    while ('error' in timed && count > 1) {
      const next = long ? count >> 1 : Math.floor(count * 0.95);
      this.log(`  mark.js failed with ${count} names when timed (${timed.error.slice(0, 60)}…); trying ${next}`);
      error = timed.error;
      note = `${note ? `${note}; ` : ''}${count} names failed when timed, stepped down`;
      failed = count;
      count = next;
      timed = await call(names, count, runs, minMs);
    }
    if (long && failed > 0 && !('error' in timed)) {
      const found = await largestCompleting(count, failed, (n) => call(names, n, runs, minMs));
      if (found.completed) {
        count = found.count;
        timed = found.completed;
      }
      note = `${note}; then the largest prefix below ${failed} that completed, by binary search`;
    }
    if ('error' in timed) return { markjs_ms: null, markjs_error: timed.error, markjs_names: count };
    const ms = round(timed.ms);
    this.log(`  mark.js with ${count} names: ${ms} ms`);
    return {
      markjs_ms: ms,
      ...(error && { markjs_error: error }),
      ...(note && { markjs_note: note }),
      markjs_names: count,
      markjs_marks: timed.marks,
    };
  }
}
