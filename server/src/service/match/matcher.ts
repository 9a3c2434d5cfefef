// Matching a manifest against the inventory (docs/MATCHING.md), through the indexes: each entry is one
// map look-up plus a binary search for its notBefore cutoff, so the cost grows with certificates
// + entries (+ the matches themselves), never with their product.
import type { ManifestModel, EntryModel } from '../manifest/manifestModel';
import { readEntryTarget, type EntryTarget } from './entryTarget';
import type { KeyMatch, MatchIndex } from './matchIndex';

export interface EntryMatch {
  manifest: ManifestModel;
  entry: EntryModel;
  /** Position among the file's RenewRevocation documents, from 0. */
  document: number;
  /** Position in that document's `spec.revocations`, from 0. */
  index: number;
  target: EntryTarget;
  /** Ordinals of every certificate the entry matches (not revocable ones included), in inventory order. Read only. */
  matches: Int32Array;
  /** Certificates the value alone matches: `candidates - matches.length` are kept by notBefore. */
  candidates: number;
  /** Of the matches: kubelet serving certificates (not revocable). */
  notRevocable: number;
  /** Of the matches: CA certificates. */
  ca: number;
}

export interface MatchResult {
  index: MatchIndex;
  entries: EntryMatch[];
  /** `hitEntries[hitStarts[o]]`…`hitEntries[hitStarts[o + 1]]`: positions in `entries` of the entries that match certificate `o`. */
  hitStarts: Int32Array;
  hitEntries: Int32Array;
}

/** Positions in `result.entries` of the entries that match a certificate, in file order. */
export function entriesHitting(result: MatchResult, ordinal: number): Int32Array {
  return result.hitEntries.subarray(result.hitStarts[ordinal], result.hitStarts[ordinal + 1]);
}

/** The certificates under the target's key, filtered by its notBefore cutoff (none: every one). */
export function keyMatch(index: MatchIndex, target: Extract<EntryTarget, { ok: true }>): KeyMatch {
  const cutoff = target.notBeforeCutoff;
  switch (target.kind) {
    case 'serialnumber':
      return index.bySerial.match(target.key, cutoff);
    case 'Group':
      return index.byGroup.match(target.key, cutoff);
    case 'DNS':
      return (target.isSuffix ? index.byDnsSuffix : index.byDnsName).match(target.key, cutoff);
    case 'IP':
      return index.byIp.match(target.key, cutoff);
  }
}

/** One entry against the index, on its own: what a request about a few entries (inlay hints of a range) needs. */
export function matchEntry(index: MatchIndex, manifest: ManifestModel, entry: EntryModel): EntryMatch {
  const target = readEntryTarget(entry);
  const base = { manifest, entry, document: manifest.manifestIndex, index: entry.index, target };
  if (!target.ok) return { ...base, matches: new Int32Array(0), candidates: 0, notRevocable: 0, ca: 0 };
  const { matches, candidates } = keyMatch(index, target);
  let notRevocable = 0;
  let ca = 0;
  for (let i = 0; i < matches.length; i++) {
    notRevocable += index.kubeletServing[matches[i]];
    ca += index.ca[matches[i]];
  }
  return { ...base, matches, candidates, notRevocable, ca };
}

/** Matches every entry of the given manifests (a file's RenewRevocation documents) against the index. */
export function matchManifests(manifests: readonly ManifestModel[], index: MatchIndex): MatchResult {
  const entries: EntryMatch[] = [];
  for (const manifest of manifests)
    for (const entry of manifest.entries) entries.push(matchEntry(index, manifest, entry));
  // Certificate → entries, as slices of one array (a counting sort: no array per certificate).
  const hitStarts = new Int32Array(index.certificates.length + 1);
  for (const match of entries) for (let i = 0; i < match.matches.length; i++) hitStarts[match.matches[i] + 1]++;
  for (let o = 0; o < index.certificates.length; o++) hitStarts[o + 1] += hitStarts[o];
  const cursor = hitStarts.slice(0, index.certificates.length);
  const hitEntries = new Int32Array(hitStarts[index.certificates.length]);
  entries.forEach((match, position) => {
    for (let i = 0; i < match.matches.length; i++) hitEntries[cursor[match.matches[i]]++] = position;
  });
  return { index, entries, hitStarts, hitEntries };
}

/** Whether a matched certificate is revoked (1) or reported as not revocable (0). */
export function isRevocable(index: MatchIndex, ordinal: number): boolean {
  return index.kubeletServing[ordinal] === 0;
}

const fileResults = new WeakMap<object, MatchResult>();

/**
 * `matchManifests` memoised per parsed model and index: hover, code lens and diagnostics of one
 * document version against one inventory version share a single match.
 */
export function matchFile(file: { manifests: readonly ManifestModel[] }, index: MatchIndex): MatchResult {
  const cached = fileResults.get(file);
  if (cached && cached.index === index) return cached;
  const result = matchManifests(file.manifests, index);
  fileResults.set(file, result);
  return result;
}
