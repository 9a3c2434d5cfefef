// The preview as CSV (`preview --format csv`, the webview's export): one row per certificate with
// its status (`revoked`, `not-revocable`, `kept`) and the entries that hit it, for a spreadsheet
// or a script. RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a line
// break, quotes doubled. The notes every preview carries come first, as rows of status `note`
// with the text in the last column; files that could not be read come last, as `not-read` rows.
// Lists inside a field (names, sources, entries) are joined with `; `.
import type { PreviewCertificate } from '../match/preview';
import { certificateClasses, expiryState, hittingEntries, reportNotes, type PreviewReport } from './previewReport';

const COLUMNS = [
  'status',
  'serialNumber',
  'commonName',
  'subject',
  'issuer',
  'organizations',
  'notBefore',
  'notAfter',
  'expiry',
  'isCA',
  'dnsNames',
  'ipAddresses',
  'sha256Fingerprint',
  'sources',
  'entries',
  'note',
] as const;

/** One RFC 4180 field. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(fields: Partial<Record<(typeof COLUMNS)[number], string>>): string {
  return COLUMNS.map((column) => csvField(fields[column] ?? '')).join(',');
}

function certificateRow(report: PreviewReport, status: string, certificate: PreviewCertificate): string {
  return row({
    status,
    serialNumber: certificate.serialNumber,
    commonName: certificate.commonName ?? '',
    subject: certificate.subject,
    issuer: certificate.issuer,
    organizations: certificate.organizations.join('; '),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    expiry: expiryState(report, certificate),
    isCA: String(certificate.isCA),
    dnsNames: certificate.dnsNames.join('; '),
    ipAddresses: certificate.ipAddresses.join('; '),
    sha256Fingerprint: certificate.sha256Fingerprint,
    sources: certificate.sources.join('; '),
    entries: hittingEntries(report, certificate)
      .map((entry) => `${entry.label} ${entry.request}`)
      .join('; '),
  });
}

export function formatPreviewCsv(report: PreviewReport): string {
  const lines = [COLUMNS.join(',')];
  for (const note of reportNotes(report)) lines.push(row({ status: 'note', note }));
  for (const { status, certificates } of certificateClasses(report.preview)) {
    for (const certificate of certificates) lines.push(certificateRow(report, status, certificate));
  }
  for (const problem of report.preview.problems)
    lines.push(row({ status: 'not-read', sources: problem.path, note: problem.message }));
  return `${lines.join('\r\n')}\r\n`;
}
