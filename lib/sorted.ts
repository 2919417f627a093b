/**
 * Sorted arrays kept sorted as items arrive. Items mostly arrive in order (a scan reads the page
 * from top to bottom), so the last item is compared first and a binary search is the exception.
 */

/**
 * Inserts `run` into `list`, which `compare` keeps sorted. The run is in order itself, and no
 * item of `list` falls between its first and last, so it goes in as one piece: after every item
 * that does not follow its first.
 */
export function insertSorted<T>(list: T[], run: readonly T[], compare: (a: T, b: T) => number): void {
  const first = run[0];
  if (first === undefined) return;
  const last = list[list.length - 1];
  if (last === undefined || compare(last, first) <= 0) {
    for (const item of run) list.push(item);
    return;
  }
  list.splice(countWhile(list, (item) => compare(item, first) <= 0), 0, ...run);
}

/** How many leading items of `list` pass `test`, for a test that holds for a prefix of the list. */
export function countWhile<T>(list: readonly T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
