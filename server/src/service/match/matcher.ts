// Matching a manifest against the inventory (SPEC §5), through the indexes: each entry is one
// map look-up plus a binary search for its notBefore cutoff, so the cost grows with certificates
// + entries (+ the matches themselves), never with their product.
import type { ManifestModel, EntryModel } from '../manifest/manifestModel';
import { readEntryTarget, type EntryTarget } from './entryTarget';
import { countEarlier, EMPTY_POSTING, type MatchIndex, type Posting } from './matchIndex';

export interface EntryMatch {
  manifest: ManifestModel;
  entry: EntryModel;
  /** Position among the file's RenewRevocation documents, from 0. */
  document: number;
  /** Position in that document's `spec.revocations`, from 0. */
  index: number;
  target: EntryTarget;
  /** Ordinals of every certificate the entry matches (not revocable ones included), in inventory order. */
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
  /** Ordinal → positions in `entries` of the entries that match it; only matched certificates appear. */
  hits: Map<number, number[]>;
}

function postingOf(index: MatchIndex, target: Extract<EntryTarget, { ok: true }>): Posting {
  switch (target.kind) {
    case 'serialnumber':
      return index.bySerial.get(target.key) ?? EMPTY_POSTING;
    case 'Group':
      return index.byGroup.get(target.key) ?? EMPTY_POSTING;
    case 'DNS':
      return (target.isSuffix ? index.byDnsSuffix : index.byDnsName).get(target.key) ?? EMPTY_POSTING;
    case 'IP':
      return index.byIp.get(target.key) ?? EMPTY_POSTING;
  }
}

function matchEntry(index: MatchIndex, manifest: ManifestModel, entry: EntryModel): EntryMatch {
  const target = readEntryTarget(entry);
  const base = { manifest, entry, document: manifest.manifestIndex, index: entry.index, target };
  if (!target.ok) return { ...base, matches: new Int32Array(0), candidates: 0, notRevocable: 0, ca: 0 };
  const posting = postingOf(index, target);
  // Postings are sorted by notBefore: the certificates strictly earlier than the cutoff come first.
  const count = target.notBeforeCutoff === undefined ? posting.ordinals.length : countEarlier(posting, target.notBeforeCutoff);
  const matches = posting.ordinals.slice(0, count).sort();
  let notRevocable = 0;
  let ca = 0;
  for (const ordinal of matches) {
    if (index.kubeletServing[ordinal]) notRevocable++;
    if (index.certificates[ordinal].certificate.isCA) ca++;
  }
  return { ...base, matches, candidates: posting.ordinals.length, notRevocable, ca };
}

/** Matches every entry of the given manifests (a file's RenewRevocation documents) against the index. */
export function matchManifests(manifests: readonly ManifestModel[], index: MatchIndex): MatchResult {
  const entries: EntryMatch[] = [];
  const hits = new Map<number, number[]>();
  for (const manifest of manifests) {
    for (const entry of manifest.entries) {
      const match = matchEntry(index, manifest, entry);
      const position = entries.length;
      entries.push(match);
      for (const ordinal of match.matches) {
        const list = hits.get(ordinal);
        if (list) list.push(position);
        else hits.set(ordinal, [position]);
      }
    }
  }
  return { index, entries, hits };
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
