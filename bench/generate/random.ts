// Seeded pseudo-random numbers (mulberry32), so that every generated input is the same on every
// machine and every run: a cached input and a fresh one are byte for byte equal.

export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator for the `index`-th item of a population: the item does not depend on the items
 * before it, so a certificate can be recomputed from its index alone (the manifests refer to
 * certificates that way) and the first 10,000 of 100,000 certificates equal the 10,000 alone.
 */
export function itemRandom(seed: number, index: number): Random {
  return seededRandom(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
}

export function randomInt(next: Random, below: number): number {
  return Math.floor(next() * below);
}

export function pick<T>(next: Random, items: readonly T[]): T {
  return items[randomInt(next, items.length)];
}
