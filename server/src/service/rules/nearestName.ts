// The known name a mistyped one most likely meant: `serialnumber` → `serialNumber`,
// `ipp` → `ip`, `DSN` → `DNS`. Used for unknown keys and unknown kinds.

/** Edits allowed between a typo and its suggestion; more than this is a different word. */
const MAX_DISTANCE = 2;

/**
 * The candidate equal to `written` ignoring case, else the single nearest one within two edits
 * (a swap of neighbours counts as one). Undefined when nothing is near or two are equally near:
 * a guess between two names is no suggestion.
 */
export function nearestName(written: string, candidates: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    // More letters apart than edits allowed: no need to count.
    if (Math.abs(lower.length - candidate.length) > MAX_DISTANCE) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    // A one-letter key is two edits from any two-letter name: only suggest when some letters agree.
    if (distance > MAX_DISTANCE || distance >= Math.min(lower.length, candidate.length)) continue;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows (the swap looks two rows back): no allocation per cell.
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}
