// The preview as GitHub-flavoured Markdown tables (`preview --format markdown`, the webview's
// export), for a pull request comment or a change ticket. Values sit in code spans, so names with
// `*` or `_` stay as written; `|` is escaped, as tables need even inside code spans.
import type { PreviewCertificate } from '../match/preview';
import { inlineCode } from '../text/inlineCode';
import { plural } from '../text/plural';
import {
  certificateClasses,
  classifyCertificates,
  entryLabels,
  expiryState,
  reportNotes,
  type CertificateStatus,
  type PreviewReport,
} from './previewReport';
import { abbreviate } from '../text/abbreviate';

const HEADINGS: Record<CertificateStatus, string> = {
  revoked: 'Revoked',
  'not-revocable': 'Not revocable',
  kept: 'Kept',
};

/** A table cell: one line, `|` escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function code(text: string): string {
  return text === '' ? '' : cell(inlineCode(text));
}

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('left' | 'right')[],
): string[] {
  const rule = header.map((_, column) => (align?.[column] === 'right' ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function certificateTable(
  report: PreviewReport,
  certificates: readonly PreviewCertificate[],
  withEntries: boolean,
): string[] {
  const header = [
    'Serial',
    'Subject',
    'Issuer',
    'Not before',
    'Not after',
    'Expiry',
    'CA',
    ...(withEntries ? ['Entries'] : []),
    'Sources',
  ];
  const rows = certificates.map((certificate) => [
    code(certificate.serialNumber),
    code(certificate.subject),
    code(certificate.issuer),
    certificate.notBefore,
    certificate.notAfter,
    expiryState(report, certificate),
    certificate.isCA ? 'yes' : 'no',
    ...(withEntries ? [entryLabels(report, certificate).join(' ')] : []),
    certificate.sources.map(code).join('<br>'),
  ]);
  return table(header, rows);
}

export function formatPreviewMarkdown(report: PreviewReport): string {
  const { preview } = report;
  const lines: string[] = [`# Revocation preview of ${code(report.manifest)}`, ''];
  for (const note of reportNotes(report)) lines.push(`> **Note:** ${note}`, '>');
  if (lines[lines.length - 1] === '>') lines.pop();
  lines.push('');
  lines.push(
    ...table(
      ['Certificates', 'Count'],
      [
        ['Scanned', String(preview.certificatesScanned)],
        ['Revoked', String(preview.revoked.length)],
        ['Not revocable', String(preview.notRevocable.length)],
        ['Kept', String(preview.kept.length)],
      ],
      ['left', 'right'],
    ),
  );

  lines.push('', `## Entries (${report.entries.length})`, '');
  lines.push(
    ...table(
      ['Entry', 'Line', 'Kind', 'Value', 'notBefore', 'Matches', 'Warnings'],
      report.entries.map(({ entry, label, line }) => [
        label,
        String(line),
        code(entry.kind ?? ''),
        code(abbreviate(entry.value ?? '')),
        entry.notBefore === null ? '**none**' : code(entry.notBefore),
        String(entry.matches.length),
        entry.warnings.map((warning) => cell(warning.message)).join('<br>'),
      ]),
      ['left', 'right', 'left', 'left', 'left', 'right', 'left'],
    ),
  );
  const byFingerprint = classifyCertificates(preview);
  for (const { entry, label, request } of report.entries) {
    lines.push('', `### ${label} ${cell(request)}: ${plural(entry.matches.length, 'match', 'matches')}`);
    if (entry.matches.length === 0) continue;
    lines.push('');
    const rows = entry.matches.flatMap((fingerprint) => {
      const found = byFingerprint.get(fingerprint);
      return found
        ? [
            [
              HEADINGS[found.status],
              code(found.certificate.serialNumber),
              code(found.certificate.subject),
              found.certificate.notBefore,
            ],
          ]
        : [];
    });
    lines.push(...table(['Status', 'Serial', 'Subject', 'Not before'], rows));
  }

  for (const { status, certificates } of certificateClasses(preview)) {
    lines.push('', `## ${HEADINGS[status]} (${certificates.length})`, '');
    if (status === 'not-revocable')
      lines.push('Kubelet serving certificates that entries match: AKS hybrid does not support revoking them.', '');
    if (certificates.length === 0) lines.push('None.');
    else lines.push(...certificateTable(report, certificates, status !== 'kept'));
  }
  if (preview.problems.length > 0) {
    lines.push('', `## Not read (${preview.problems.length})`, '');
    lines.push(
      ...table(
        ['File', 'Problem'],
        preview.problems.map((problem) => [code(problem.path), cell(problem.message)]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
