// The readable full decode of a file, in the spirit of `openssl x509 -text` but for people: one
// section per certificate, request or key, fields aligned. The editor's decoded view shows it and
// the CLI's text output prints it. Keys show their type and size or curve only.
import { LineIndex } from '../text/lineIndex';
import { blockPlace } from './blockPlace';
import { decodeBlock, withClock } from './decodeBlocks';
import { recordFields, recordTitle, type Field } from './describeRecord';
import type { ExpiryClock } from './expiry';
import { findBlocksInFile, type FoundBlock } from './findCertificates';

export interface BlockSection {
  kind: 'certificate' | 'csr' | 'key' | 'unknown';
  /** The heading: `Certificate kube-apiserver`, `Private key EC P-256`, `CERTIFICATE block does not decode`. */
  title: string;
  /** Where the block is: `PEM CERTIFICATE, lines 1–25`. */
  place: string;
  fields: Field[];
  /** True when the block does not decode (the CLI exits 1). */
  failed: boolean;
  /** A label we do not decode (`X509 CRL`): reported, but not a failure. */
  skipped: boolean;
}

export function blockSection(block: FoundBlock, lineIndex: LineIndex | undefined, clock: ExpiryClock): BlockSection {
  const place = blockPlace(block, lineIndex);
  const decoded = withClock(decodeBlock(block), clock);
  if (decoded.ok) {
    const record = decoded.record;
    return {
      kind: record.kind,
      title: recordTitle(record),
      place,
      fields: recordFields(record, 'full'),
      failed: false,
      skipped: false,
    };
  }
  const skipped = decoded.failure.kind === 'unknown' && block.label !== 'DER';
  const name = block.label === 'DER' ? 'DER data' : `${block.label} block`;
  return {
    kind: decoded.failure.kind,
    title: skipped ? `${name} (not decoded)` : `${name} does not decode`,
    place,
    fields: [{ label: skipped ? 'Note' : 'Error', value: decoded.failure.error }],
    failed: !skipped,
    skipped,
  };
}

/** Fields as aligned `label  value` lines, indented. */
export function alignFields(fields: readonly Field[], indent = '  '): string[] {
  const width = Math.max(0, ...fields.map((field) => field.label.length));
  return fields.map((field) => `${indent}${field.label.padEnd(width)}  ${field.value}`);
}

/** The sections of every block in a file given as text or bytes (binary DER included). */
export function decodeSections(input: string | Uint8Array, clock: ExpiryClock): BlockSection[] {
  const { text, blocks } = findBlocksInFile(input);
  const lineIndex = text === undefined ? undefined : new LineIndex(text);
  return blocks.map((block) => blockSection(block, lineIndex, clock));
}

/** The whole decoded view of a file as one text. */
export function decodeForView(input: string | Uint8Array, clock: ExpiryClock): string {
  const sections = decodeSections(input, clock);
  if (sections.length === 0) return 'No certificate, certificate request or key was found in this file.\n';
  const summary = summarise(sections);
  const parts = [`${sections.length} block${sections.length === 1 ? '' : 's'}: ${summary}`];
  sections.forEach((section, index) => {
    parts.push([`[${index + 1}] ${section.title} — ${section.place}`, ...alignFields(section.fields)].join('\n'));
  });
  return `${parts.join('\n\n')}\n`;
}

const KIND_WORDS = {
  certificate: ['certificate', 'certificates'],
  csr: ['certificate request', 'certificate requests'],
  key: ['key', 'keys'],
} as const;

/** `3 certificates, 1 key, 1 that does not decode`. */
export function summarise(sections: readonly BlockSection[]): string {
  const counts = new Map<string, number>();
  const add = (words: string) => counts.set(words, (counts.get(words) ?? 0) + 1);
  for (const section of sections) {
    if (section.failed) add('failed');
    else if (section.skipped || section.kind === 'unknown') add('skipped');
    else add(section.kind);
  }
  return [...counts]
    .map(([kind, count]) => {
      if (kind === 'failed') return `${count} that ${count === 1 ? 'does' : 'do'} not decode`;
      if (kind === 'skipped') return `${count} not decoded`;
      const [one, many] = KIND_WORDS[kind as keyof typeof KIND_WORDS];
      return `${count} ${count === 1 ? one : many}`;
    })
    .join(', ');
}
