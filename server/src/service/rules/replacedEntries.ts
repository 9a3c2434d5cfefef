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
