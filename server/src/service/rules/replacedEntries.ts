// Rules carry data from one check of a manifest to the next (the incremental parse keeps the
// manifest's model and replaces only the edited entry's): each brings its carried data up to date
// at the positions whose entry changed, found by identity. Past MOST_REPLACED of them, starting
// afresh is as quick and simpler to trust.
export const MOST_REPLACED = 64;

/** The indices below `length` where `changed` holds, in order; undefined when there are more than MOST_REPLACED. */
export function replacedIndices(length: number, changed: (index: number) => boolean): number[] | undefined {
  const replaced: number[] = [];
  for (let i = 0; i < length; i++) {
    if (!changed(i)) continue;
    if (replaced.length === MOST_REPLACED) return undefined;
    replaced.push(i);
  }
  return replaced;
}

/**
 * The indices where `before` and `after` hold different items (by identity), or `alsoBefore` and
 * `alsoAfter` do; as replacedIndices. Arrays rather than a test per index: called by several
 * carriers, a test would be a call V8 cannot inline, 15 ns per index (6 ms at 100,000 entries).
 */
export function differingIndices(
  before: readonly unknown[],
  after: readonly unknown[],
  alsoBefore: readonly unknown[] = after,
  alsoAfter: readonly unknown[] = after,
): number[] | undefined {
  const replaced: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i] && alsoBefore[i] === alsoAfter[i]) continue;
    if (replaced.length === MOST_REPLACED) return undefined;
    replaced.push(i);
  }
  return replaced;
}
