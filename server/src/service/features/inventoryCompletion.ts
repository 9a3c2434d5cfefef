// Values of `serialNumber`, `group`, `dns` and `ip` from the certificate inventory: the serials
// (with each certificate's subject and expiry), the O values, the SAN DNS names and IPs. The
// candidates are gathered once per inventory version; each request ranks them against what is
// typed (values that start with it first, then values that contain it, then the rest), so the
// best match leads even before the editor's own filtering.
import type { InventoryCertificate, InventorySnapshot } from '../inventory/inventory';
import type { ValueFieldName } from '../manifest/manifestModel';
import { yamlString } from '../rules/valueFields';
import type { CompletionItem, Range } from '../types';
import { canonicalSerial } from '../values/serial';
import type { InventoryContext } from './inventoryContext';

/**
 * More candidates than this for one request: only the best ranked are sent, and the list is
 * marked incomplete so that the editor asks again as the user types.
 */
export const MAX_INVENTORY_ITEMS = 200;

/** Subjects listed in a group's, name's or address's documentation. */
const SUBJECTS_SHOWN = 5;

interface Candidate {
  value: string;
  /** The text ranking compares with what is typed (serials in canonical form, names in lower case). */
  key: string;
  certificates: InventoryCertificate[];
}

type Candidates = Record<ValueFieldName, Candidate[]>;

const byInventoryVersion = new WeakMap<InventorySnapshot, Candidates>();

function gather(snapshot: InventorySnapshot): Candidates {
  const cached = byInventoryVersion.get(snapshot);
  if (cached) return cached;
  const maps: Record<ValueFieldName, Map<string, Candidate>> = {
    serialNumber: new Map(),
    group: new Map(),
    dns: new Map(),
    ip: new Map(),
  };
  const add = (field: ValueFieldName, value: string, key: string, certificate: InventoryCertificate) => {
    const candidate = maps[field].get(key);
    if (!candidate) maps[field].set(key, { value, key, certificates: [certificate] });
    else if (!candidate.certificates.includes(certificate)) candidate.certificates.push(certificate);
  };
  for (const entry of snapshot.certificates) {
    const { serialNumber, organizations, dnsNames, ipAddresses } = entry.certificate;
    add('serialNumber', serialNumber, serialNumber, entry);
    for (const group of organizations) add('group', group, group, entry);
    for (const name of dnsNames) add('dns', name, name.toLowerCase(), entry);
    for (const ip of ipAddresses) add('ip', ip, ip, entry);
  }
  const candidates: Candidates = {
    serialNumber: [...maps.serialNumber.values()],
    group: [...maps.group.values()],
    dns: [...maps.dns.values()],
    ip: [...maps.ip.values()],
  };
  byInventoryVersion.set(snapshot, candidates);
  return candidates;
}

/** What is typed, as the candidates' keys are written: no quotes; a serial canonical, names in lower case. */
function typedKey(field: ValueFieldName, typed: string): string {
  const bare = typed.trim().replace(/^["']/, '').replace(/["']$/, '');
  if (field === 'serialNumber') return canonicalSerial(bare) ?? bare.toLowerCase();
  return field === 'dns' ? bare.toLowerCase() : bare;
}

/** 0: starts with what is typed; 1: contains it; 2: neither. */
function rankOf(candidate: Candidate, typed: string): number {
  if (typed === '' || candidate.key.startsWith(typed)) return 0;
  return candidate.key.includes(typed) ? 1 : 2;
}

function isExpired(certificate: InventoryCertificate, now: Date): boolean {
  return Date.parse(certificate.certificate.notAfter) <= now.getTime();
}

function day(instant: string): string {
  return instant.slice(0, 10);
}

function expiry(certificate: InventoryCertificate, now: Date): string {
  const notAfter = certificate.certificate.notAfter;
  return isExpired(certificate, now) ? `expired ${day(notAfter)}` : `expires ${day(notAfter)}`;
}

/** Within one rank: certificates still valid first, then by subject, then by value. */
function compareWithinRank(a: Candidate, b: Candidate, now: Date): number {
  const expiredA = a.certificates.every((certificate) => isExpired(certificate, now));
  const expiredB = b.certificates.every((certificate) => isExpired(certificate, now));
  if (expiredA !== expiredB) return expiredA ? 1 : -1;
  if (a.certificates.length !== b.certificates.length) return b.certificates.length - a.certificates.length;
  const subjectA = a.certificates[0].certificate.subject;
  const subjectB = b.certificates[0].certificate.subject;
  if (subjectA !== subjectB) return subjectA < subjectB ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function certificatesLine(count: number): string {
  return count === 1 ? '1 certificate' : `${count} certificates`;
}

function detailOf(field: ValueFieldName, candidate: Candidate, now: Date): string {
  const [first] = candidate.certificates;
  if (field === 'serialNumber') {
    const others = candidate.certificates.length > 1 ? ` (+${candidate.certificates.length - 1} more)` : '';
    return `${first.certificate.subject} · ${expiry(first, now)}${others}`;
  }
  const what = field === 'group' ? 'O of' : 'in the SAN of';
  return `${what} ${certificatesLine(candidate.certificates.length)}`;
}

function documentationOf(candidate: Candidate, now: Date, context: InventoryContext): string {
  const shown = candidate.certificates.slice(0, SUBJECTS_SHOWN).map((certificate) => {
    const source = certificate.sources[0];
    const path = source ? (context.displayPath ?? ((p: string) => p))(source.path) : undefined;
    const where = path === undefined ? '' : ` — \`${path}\``;
    return `- \`${certificate.certificate.subject}\`, ${expiry(certificate, now)}${where}`;
  });
  const more = candidate.certificates.length - shown.length;
  if (more > 0) shown.push(`- and ${certificatesLine(more)} more`);
  return ['From the certificate inventory:', '', ...shown].join('\n');
}

/** The value as inserted: a serial always quoted (YAML would read some as numbers), the rest only when needed. */
function written(field: ValueFieldName, value: string, typed: string): string {
  const quote = typed.startsWith("'") ? "'" : typed.startsWith('"') || field === 'serialNumber' ? '"' : '';
  if (quote === "'") return `'${value.replace(/'/g, "''")}'`;
  return quote ? JSON.stringify(value) : yamlString(value);
}

export interface InventoryValues {
  field: ValueFieldName;
  /** What is typed of the value so far. */
  typed: string;
  /** Insert a space before the value (the cursor is right after the `:`). */
  spaceBefore: boolean;
}

export interface InventoryItems {
  items: CompletionItem[];
  /** More candidates matched than were sent. */
  isIncomplete: boolean;
}

/** The inventory's values for the field, best ranked first. */
export function inventoryValueItems(
  values: InventoryValues,
  context: InventoryContext,
  now: Date,
  range: Range,
): InventoryItems {
  const key = typedKey(values.field, values.typed);
  const candidates = gather(context.snapshot)[values.field];
  const ranked = candidates
    .map((candidate) => ({ candidate, rank: rankOf(candidate, key) }))
    .sort((a, b) => a.rank - b.rank || compareWithinRank(a.candidate, b.candidate, now));
  const sent = ranked.slice(0, MAX_INVENTORY_ITEMS);
  const lead = values.spaceBefore ? ' ' : '';
  const items = sent.map(({ candidate, rank }, index): CompletionItem => {
    const text = written(values.field, candidate.value, values.typed);
    return {
      label: candidate.value,
      kind: 'value',
      detail: detailOf(values.field, candidate, now),
      documentation: { kind: 'markdown', value: documentationOf(candidate, now, context) },
      insertText: lead + text,
      isSnippet: false,
      range,
      // The editor filters on the text from the range's start: with or without the quote typed.
      filterText: values.typed.startsWith('"') || values.typed.startsWith("'") ? text : candidate.value,
      sortText: `${rank}${String(index).padStart(4, '0')}`,
    };
  });
  return { items, isIncomplete: ranked.length > sent.length };
}
