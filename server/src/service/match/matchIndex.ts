// The indexes the matcher looks entries up in, built once per inventory version: serials, groups,
// exact DNS names, DNS suffixes and IP addresses, each key leading to its certificates (also sorted
// by their own notBefore, so that an entry's notBefore filter is a binary search, not a scan).
// Building is linear in the certificates and their names (plus sorting each key's certificates by
// time); a look-up never touches certificates under other keys.
import type { InventoryCertificate, InventorySnapshot } from '../inventory/inventory';
import { normalizeDnsName } from '../values/dns';
import { parseIp } from '../values/ip';
import type { CertificateSummary } from '../x509/certificateSummary';

export interface KeyMatch {
  /** Ordinals of the matching certificates, in inventory order. A view: do not modify. */
  matches: Int32Array;
  /** Certificates under the key before the notBefore filter. */
  candidates: number;
}

const NO_MATCH: KeyMatch = { matches: new Int32Array(0), candidates: 0 };

/**
 * One map of the index: key → the certificates carrying it, stored as slices of shared arrays
 * (one small map entry per key, no array per key): each slice in inventory order, and again
 * sorted by notBefore with the times beside it, so that a notBefore cutoff is a binary search.
 */
export class KeyIndex {
  constructor(
    private readonly ids: ReadonlyMap<string, number>,
    /** `starts[id]`…`starts[id + 1]` is key `id`'s slice. */
    private readonly starts: Int32Array,
    private readonly byOrdinal: Int32Array,
    private readonly byTime: Int32Array,
    private readonly times: Float64Array,
  ) {}

  get size(): number {
    return this.ids.size;
  }

  /** The certificates under the key whose own notBefore is strictly earlier than `cutoff` (all of them without one). */
  match(key: string, cutoff: number | undefined): KeyMatch {
    const id = this.ids.get(key);
    if (id === undefined) return NO_MATCH;
    const start = this.starts[id];
    const end = this.starts[id + 1];
    const candidates = end - start;
    let count = candidates;
    if (cutoff !== undefined) {
      let low = start;
      let high = end;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (this.times[middle] < cutoff) low = middle + 1;
        else high = middle;
      }
      count = low - start;
    }
    if (count === candidates) return { matches: this.byOrdinal.subarray(start, end), candidates };
    return { matches: this.byTime.slice(start, start + count).sort(), candidates };
  }
}

class KeyIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly lastOrdinal: number[] = [];
  private readonly pairKeys: number[] = [];
  private readonly pairOrdinals: number[] = [];

  /** Certificates come in ordinal order: one listed once per key however often it carries it. */
  add(key: string, ordinal: number): void {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      this.lastOrdinal.push(-1);
    }
    if (this.lastOrdinal[id] === ordinal) return;
    this.lastOrdinal[id] = ordinal;
    this.pairKeys.push(id);
    this.pairOrdinals.push(ordinal);
  }

  build(notBefore: Float64Array): KeyIndex {
    const keyCount = this.ids.size;
    const starts = new Int32Array(keyCount + 1);
    for (const id of this.pairKeys) starts[id + 1]++;
    for (let id = 0; id < keyCount; id++) starts[id + 1] += starts[id];
    // A counting sort by key: stable, so each slice stays in ordinal order.
    const cursor = starts.slice(0, keyCount);
    const byOrdinal = new Int32Array(this.pairKeys.length);
    for (let i = 0; i < this.pairKeys.length; i++) byOrdinal[cursor[this.pairKeys[i]]++] = this.pairOrdinals[i];
    const byTime = byOrdinal.slice();
    const times = new Float64Array(byTime.length);
    for (let id = 0; id < keyCount; id++) {
      const start = starts[id];
      const end = starts[id + 1];
      if (end - start > 1) byTime.subarray(start, end).sort((a, b) => notBefore[a] - notBefore[b] || a - b);
    }
    for (let i = 0; i < byTime.length; i++) times[i] = notBefore[byTime[i]];
    return new KeyIndex(this.ids, starts, byOrdinal, byTime, times);
  }
}

export interface MatchIndex {
  /** The inventory version the index was built from. */
  version: number;
  /** Certificates by ordinal, in inventory order (their first source's path and position). */
  certificates: readonly InventoryCertificate[];
  /** Kubelet serving certificates, which AKS hybrid cannot revoke (1) or not (0). */
  kubeletServing: Uint8Array;
  /** CA certificates (1) or not (0). */
  ca: Uint8Array;
  /** Canonical serial → certificates. */
  bySerial: KeyIndex;
  /** O value, case-sensitive → certificates. */
  byGroup: KeyIndex;
  /** SAN DNS name (one trailing dot removed, lowercase) → certificates. */
  byDnsName: KeyIndex;
  /** Every tail of a normalised SAN DNS name that starts at a `.` (`.b.c` and `.c` for `a.b.c`) → certificates. */
  byDnsSuffix: KeyIndex;
  /** IP equality key (IPv4-mapped IPv6 as IPv4) → certificates. */
  byIp: KeyIndex;
}

/**
 * A kubelet serving certificate: issued for server authentication only, to a node
 * (`CN=system:node:NAME` in `O=system:nodes`). AKS hybrid revokes client certificates only.
 */
export function isKubeletServingCertificate(certificate: CertificateSummary): boolean {
  const usages = certificate.extendedKeyUsage;
  const name = certificate.commonName ?? '';
  return (
    usages.includes('serverAuth') &&
    !usages.includes('clientAuth') &&
    name.startsWith('system:node:') &&
    name.length > 'system:node:'.length &&
    certificate.organizations.includes('system:nodes')
  );
}

/**
 * Epoch milliseconds of a summary time (`2020-04-17T17:22:05Z`). An unreadable time (a decoder
 * bug, never a real certificate) is +Infinity: no entry's notBefore is later, so only entries
 * without notBefore match it.
 */
export function certificateTime(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** The DNS suffix keys of one normalised name: each tail starting at a dot. */
export function dnsSuffixes(normalizedName: string): string[] {
  const suffixes: string[] = [];
  for (let at = normalizedName.indexOf('.'); at >= 0; at = normalizedName.indexOf('.', at + 1))
    suffixes.push(normalizedName.slice(at));
  return suffixes;
}

export function buildMatchIndex(snapshot: InventorySnapshot): MatchIndex {
  const certificates = snapshot.certificates;
  const notBefore = new Float64Array(certificates.length);
  const kubeletServing = new Uint8Array(certificates.length);
  const ca = new Uint8Array(certificates.length);
  const serials = new KeyIndexBuilder();
  const groups = new KeyIndexBuilder();
  const dnsNames = new KeyIndexBuilder();
  const dnsSuffixKeys = new KeyIndexBuilder();
  const ips = new KeyIndexBuilder();
  certificates.forEach(({ certificate }, ordinal) => {
    notBefore[ordinal] = certificateTime(certificate.notBefore);
    kubeletServing[ordinal] = isKubeletServingCertificate(certificate) ? 1 : 0;
    ca[ordinal] = certificate.isCA ? 1 : 0;
    serials.add(certificate.serialNumber.toLowerCase(), ordinal);
    for (const organization of certificate.organizations) groups.add(organization, ordinal);
    // A certificate may carry a name twice (or in two spellings): one key, listed once.
    const names = [...new Set(certificate.dnsNames.map(normalizeDnsName))];
    for (const name of names) dnsNames.add(name, ordinal);
    const suffixes = new Set<string>();
    for (const name of names) for (const suffix of dnsSuffixes(name)) suffixes.add(suffix);
    for (const suffix of suffixes) dnsSuffixKeys.add(suffix, ordinal);
    for (const text of certificate.ipAddresses) {
      const parsed = parseIp(text);
      if (parsed.ok) ips.add(parsed.key, ordinal);
    }
  });
  return {
    version: snapshot.version,
    certificates,
    kubeletServing,
    ca,
    bySerial: serials.build(notBefore),
    byGroup: groups.build(notBefore),
    byDnsName: dnsNames.build(notBefore),
    byDnsSuffix: dnsSuffixKeys.build(notBefore),
    byIp: ips.build(notBefore),
  };
}

const indexes = new WeakMap<InventorySnapshot, MatchIndex>();

/** The index of a snapshot, built on first use and shared afterwards (a snapshot is one inventory version). */
export function matchIndexFor(snapshot: InventorySnapshot): MatchIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = buildMatchIndex(snapshot);
    indexes.set(snapshot, index);
  }
  return index;
}
