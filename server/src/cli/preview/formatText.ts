// `preview --format text`, for people: the summary (scanned, revoked, not revocable, kept) with
// the notes about the preview's reach, then each entry with its matches, then the revoked
// certificates with the entries that hit them, the not revocable ones, and what is kept. Aligned
// columns; coloured only when the terminal allows it.
import {
  certificateClasses,
  type CertificateStatus,
  type ClassifiedCertificates,
  classifyCertificates,
  entryLabels,
  expiryState,
  type ExpiryState,
  placeName,
  plural,
  type PreviewCertificate,
  type PreviewReport,
  type ReportEntry,
  reportNotes,
} from '../../service';
import { palette, type Palette } from '../colours';
import { alignColumns, type Cell } from '../columns';

/** Matches listed under an entry before "and N more" (every one of them is in the sections below). */
const MATCHES_PER_ENTRY = 25;

const HEADINGS: Record<CertificateStatus, string> = {
  revoked: 'Revoked',
  'not-revocable': 'Not revocable (kubelet serving certificates: AKS hybrid does not support revoking them)',
  kept: 'Kept',
};

function statusStyle(status: CertificateStatus, colours: Palette): (text: string) => string {
  return status === 'revoked' ? colours.red : status === 'not-revocable' ? colours.yellow : colours.green;
}

function expiryTag(state: ExpiryState): string {
  return state === 'valid' ? '' : state;
}

function sourcesText(certificate: PreviewCertificate): string {
  return certificate.locations
    .map((location) => (location.line === undefined ? location.path : `${location.path}:${location.line + 1}`))
    .filter((text, index, all) => all.indexOf(text) === index)
    .join(', ');
}

/** A last cell that may be empty: unstyled then, so that the row ends without escape codes. */
function remark(text: string, style: (text: string) => string): Cell {
  return text === '' ? { text } : { text, style };
}

function summaryLines(report: PreviewReport, colours: Palette): string[] {
  const { preview } = report;
  const revokedCa = preview.revoked.filter((certificate) => certificate.isCA).length;
  const rows: Cell[][] = [
    [
      { text: 'Scanned' },
      { text: String(preview.certificatesScanned), align: 'right' },
      remark('distinct certificates in the inventory', colours.dim),
    ],
    [
      { text: 'Revoked', style: colours.bold },
      {
        text: String(preview.revoked.length),
        align: 'right',
        style: preview.revoked.length > 0 ? colours.red : undefined,
      },
      remark(revokedCa > 0 ? `including ${plural(revokedCa, 'CA certificate')}` : '', colours.red),
    ],
    [
      { text: 'Not revocable' },
      {
        text: String(preview.notRevocable.length),
        align: 'right',
        style: preview.notRevocable.length > 0 ? colours.yellow : undefined,
      },
      remark(preview.notRevocable.length > 0 ? 'matched, but AKS hybrid cannot revoke them' : '', colours.dim),
    ],
    [{ text: 'Kept' }, { text: String(preview.kept.length), align: 'right' }, { text: '' }],
  ];
  return alignColumns(rows).map((row) => `  ${row.trimEnd()}`);
}

function entryLines(entry: ReportEntry, byFingerprint: ClassifiedCertificates, colours: Palette): string[] {
  const { matches } = entry.entry;
  const notBefore =
    entry.entry.notBefore === null ? colours.yellow('no notBefore') : `notBefore ${entry.entry.notBefore}`;
  const { item } = entry.entry;
  const where = item === null ? `line ${entry.line}` : `line ${entry.line}, item ${item}: ${placeName(entry.entry)}`;
  const lines = [`  ${colours.bold(entry.label)}  ${colours.dim(where)}  ${entry.request}  ${notBefore}`];
  const shown = matches
    .slice(0, MATCHES_PER_ENTRY)
    .map((fingerprint) => byFingerprint.get(fingerprint))
    .filter((found) => found !== undefined);
  if (matches.length === 0) lines.push(`      ${colours.dim('matches no certificate of the inventory')}`);
  else {
    const rows: Cell[][] = shown.map(({ certificate, status }) => [
      { text: status, style: statusStyle(status, colours) },
      { text: certificate.serialNumber },
      { text: certificate.subject },
      { text: `issued ${certificate.notBefore}`, style: colours.dim },
      remark(certificate.isCA ? 'CA' : '', colours.red),
    ]);
    lines.push(`      matches ${plural(matches.length, 'certificate')}:`);
    for (const row of alignColumns(rows)) lines.push(`        ${row.trimEnd()}`);
    if (matches.length > shown.length)
      lines.push(`        ${colours.dim(`and ${matches.length - shown.length} more (all listed below)`)}`);
  }
  for (const warning of entry.entry.warnings) lines.push(`      ${colours.yellow('!')} ${warning.message}`);
  return lines;
}

function certificateRows(
  report: PreviewReport,
  certificates: readonly PreviewCertificate[],
  withEntries: boolean,
  colours: Palette,
): string[] {
  const header: Cell[] = [
    { text: 'SERIAL' },
    { text: 'SUBJECT' },
    { text: 'ISSUER' },
    { text: 'NOT BEFORE' },
    { text: 'NOT AFTER' },
    ...(withEntries ? [{ text: 'ENTRIES' }] : []),
    { text: 'SOURCES' },
  ].map((cell) => ({ ...cell, style: colours.dim }));
  const rows: Cell[][] = certificates.map((certificate) => {
    const expiry = expiryTag(expiryState(report, certificate));
    return [
      { text: certificate.serialNumber },
      {
        text: certificate.isCA ? `${certificate.subject} (CA)` : certificate.subject,
        style: certificate.isCA ? colours.bold : undefined,
      },
      { text: certificate.issuer },
      { text: certificate.notBefore },
      {
        text: expiry ? `${certificate.notAfter} ${expiry}` : certificate.notAfter,
        style: expiry ? colours.dim : undefined,
      },
      ...(withEntries ? [{ text: entryLabels(report, certificate).join(' ') }] : []),
      { text: sourcesText(certificate), style: colours.dim },
    ];
  });
  return alignColumns([header, ...rows]).map((row) => `  ${row}`);
}

export function formatPreviewText(report: PreviewReport, colour: boolean): string {
  const colours = palette(colour);
  const { preview } = report;
  const lines: string[] = [];
  lines.push(colours.bold(`Revocation preview of ${report.manifest}`));
  lines.push('');
  lines.push(...summaryLines(report, colours));
  lines.push('');
  for (const note of reportNotes(report)) lines.push(`${colours.yellow('Note:')} ${note}`);
  lines.push('');
  lines.push(colours.underline(`Entries (${report.entries.length})`));
  const byFingerprint = classifyCertificates(preview);
  for (const entry of report.entries) lines.push(...entryLines(entry, byFingerprint, colours));
  for (const { status, certificates } of certificateClasses(preview)) {
    lines.push('');
    lines.push(statusStyle(status, colours)(colours.underline(`${HEADINGS[status]}: ${certificates.length}`)));
    if (certificates.length > 0) lines.push(...certificateRows(report, certificates, status !== 'kept', colours));
  }
  if (preview.problems.length > 0) {
    lines.push('');
    lines.push(colours.underline(`Not read (${preview.problems.length})`));
    for (const problem of preview.problems) lines.push(`  ${problem.path}: ${problem.message}`);
  }
  return `${lines.join('\n')}\n`;
}
