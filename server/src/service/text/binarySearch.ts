// Binary search over items in text order, for the look-ups that must stay cheap on 10,000 entries.

/** The last index whose `startOf` is at or before `offset` (-1 when none): items are in text order. */
export function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (startOf(items[mid]) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The first position in `sorted` (ascending numbers) holding `value` or more; its length when none. */
export function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
