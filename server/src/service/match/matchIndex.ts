// The indexes the matcher looks entries up in, built once per inventory version: serials, groups,
// exact DNS names, DNS suffixes and IP addresses, each key leading to its certificates sorted by
// their own notBefore so that an entry's notBefore filter is a binary search, not a scan.
// Building is linear in the certificates (and their names); a look-up never touches the others.
import type { InventoryCertificate, InventorySnapshot } from '../inventory/inventory';
import { normalizeDnsName } from '../values/dns';
import { parseIp } from '../values/ip';
import type { CertificateSummary } from '../x509/certificateSummary';

/** The certificates one key leads to: ordinals sorted by notBefore (then ordinal), with their times. */
export interface Posting {
  ordinals: Int32Array;
  notBefore: Float64Array;
}

export const EMPTY_POSTING: Posting = { ordinals: new Int32Array(0), notBefore: new Float64Array(0) };

export interface MatchIndex {
  /** The inventory version the index was built from. */
  version: number;
  /** Certificates by ordinal, in inventory order (their first source's path and position). */
  certificates: readonly InventoryCertificate[];
  /** Each certificate's own notBefore in epoch milliseconds (+Infinity when unreadable). */
  notBefore: Float64Array;
  /** Kubelet serving certificates, which AKS hybrid cannot revoke (1) or not (0). */
  kubeletServing: Uint8Array;
  /** Canonical serial → certificates. */
  bySerial: ReadonlyMap<string, Posting>;
  /** O value, case-sensitive → certificates. */
  byGroup: ReadonlyMap<string, Posting>;
  /** SAN DNS name (one trailing dot removed, lowercase) → certificates. */
  byDnsName: ReadonlyMap<string, Posting>;
  /** Every tail of a normalised SAN DNS name that starts at a `.` (`.b.c` and `.c` for `a.b.c`) → certificates. */
  byDnsSuffix: ReadonlyMap<string, Posting>;
  /** IP equality key (IPv4-mapped IPv6 as IPv4) → certificates. */
  byIp: ReadonlyMap<string, Posting>;
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
  for (let at = normalizedName.indexOf('.'); at >= 0; at = normalizedName.indexOf('.', at + 1)) suffixes.push(normalizedName.slice(at));
  return suffixes;
}

class PostingBuilder {
  private readonly lists = new Map<string, number[]>();

  /** Certificates are added in ordinal order: a certificate is listed once per key however often it carries it. */
  add(key: string, ordinal: number): void {
    const list = this.lists.get(key);
    if (!list) this.lists.set(key, [ordinal]);
    else if (list[list.length - 1] !== ordinal) list.push(ordinal);
  }

  build(notBefore: Float64Array): Map<string, Posting> {
    const postings = new Map<string, Posting>();
    for (const [key, list] of this.lists) {
      // Stable: equal times stay in ordinal order.
      if (list.length > 1) list.sort((a, b) => notBefore[a] - notBefore[b] || a - b);
      const ordinals = Int32Array.from(list);
      const times = new Float64Array(ordinals.length);
      for (let i = 0; i < ordinals.length; i++) times[i] = notBefore[ordinals[i]];
      postings.set(key, { ordinals, notBefore: times });
    }
    return postings;
  }
}

export function buildMatchIndex(snapshot: InventorySnapshot): MatchIndex {
  const certificates = snapshot.certificates;
  const notBefore = new Float64Array(certificates.length);
  const kubeletServing = new Uint8Array(certificates.length);
  const serials = new PostingBuilder();
  const groups = new PostingBuilder();
  const dnsNames = new PostingBuilder();
  const dnsSuffixKeys = new PostingBuilder();
  const ips = new PostingBuilder();
  certificates.forEach(({ certificate }, ordinal) => {
    notBefore[ordinal] = certificateTime(certificate.notBefore);
    kubeletServing[ordinal] = isKubeletServingCertificate(certificate) ? 1 : 0;
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
    notBefore,
    kubeletServing,
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

/** How many of a posting's certificates have a notBefore strictly earlier than `before` (they come first). */
export function countEarlier(posting: Posting, before: number): number {
  let low = 0;
  let high = posting.notBefore.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (posting.notBefore[middle] < before) low = middle + 1;
    else high = middle;
  }
  return low;
}
