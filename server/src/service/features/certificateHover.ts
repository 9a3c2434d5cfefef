// Hover on a certificate, CSR or key anywhere (a PEM block in YAML, PEM, Markdown or plain text;
// base64 certificate data in YAML): a compact Markdown card. A key shows its type and size or
// curve only. Works on the model's memoised blocks, so a hover never decodes twice.
import type { FileModel } from '../parse/fileModel';
import type { Hover, Position } from '../types';
import { blockPlace } from '../x509/blockPlace';
import { withClock } from '../x509/decodeBlocks';
import { expiryText, recordFields, recordTitle } from '../x509/describeRecord';
import type { ExpiryClock } from '../x509/expiry';
import { blocksAt, type LocatedBlock } from '../x509/modelCertificates';

/** Inline code that survives any text: a fence longer than the longest backtick run, control characters shown as escapes. */
export function inlineCode(text: string): string {
  const visible = text.replace(
    /[\u0000-\u001f\u007f]/g,
    (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  const longest = Math.max(0, ...(visible.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = visible.startsWith('`') || visible.endsWith('`') || visible.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${visible}${pad}${fence}`;
}

const PLAIN_FIELDS = new Set(['Valid from', 'Valid until', 'CA', 'Public key', 'Note']);

/** `[Revoke this certificate…](command:…)`: the command gets the certificate's fingerprint. */
function revokeLink(command: string, fingerprint: string): string {
  const args = encodeURIComponent(JSON.stringify([{ fingerprints: [fingerprint] }]));
  return `[Revoke this certificate…](command:${command}?${args} "Add a serial-number entry for it to a manifest")`;
}

function card(model: FileModel, located: LocatedBlock, clock: ExpiryClock, revokeCommand?: string): string {
  const { block } = located;
  const place = `*${blockPlace(block, model.lineIndex)}*`;
  const decoded = withClock(located.decoded, clock);
  if (!decoded.ok) {
    const what =
      decoded.failure.kind === 'unknown'
        ? `\`${block.label}\` block`
        : `${block.label === 'DER' ? 'Certificate data' : `\`${block.label}\` block`}`;
    return `**${what}**: ${decoded.failure.error.replace(/[*_[\]<>]/g, (char) => `\\${char}`)}\n\n${place}`;
  }
  const record = decoded.record;
  if (record.kind === 'key') {
    const lines = [`**${recordTitle(record)}** — ${record.format}`, place];
    if (record.isPrivate) lines.push('The key material is never shown.');
    return lines.join('\n\n');
  }
  const name = record.commonName ?? record.subject;
  const title = record.kind === 'certificate' ? 'Certificate' : 'Certificate request';
  let heading = `**${title}** ${name ? inlineCode(name) : ''}`.trim();
  if (record.kind === 'certificate') {
    const marker = expiryText(record);
    heading += record.expiry === 'valid' ? ` — ${marker}` : ` — **${marker}**`;
  }
  const fields = recordFields(record, 'card').map(
    ({ label, value }) =>
      `- **${label}** ${PLAIN_FIELDS.has(label) ? value.replace(/[*_`[\]<>]/g, (char) => `\\${char}`) : inlineCode(value)}`,
  );
  const parts = [heading, place, fields.join('\n')];
  if (revokeCommand && record.kind === 'certificate') parts.push(revokeLink(revokeCommand, record.sha256Fingerprint));
  return parts.join('\n\n');
}

/** The card of every block under the position (one YAML value may hold a whole bundle), or null. */
export function certificateHover(
  model: FileModel,
  position: Position,
  clock: ExpiryClock,
  revokeCommand?: string,
): Hover | null {
  const offset = model.lineIndex.offsetAt(position);
  const located = blocksAt(model, offset);
  if (located.length === 0) return null;
  const start = Math.min(...located.map(({ block }) => block.start));
  const end = Math.max(...located.map(({ block }) => block.end));
  return {
    contents: {
      kind: 'markdown',
      value: located.map((item) => card(model, item, clock, revokeCommand)).join('\n\n---\n\n'),
    },
    range: model.lineIndex.range(start, end),
  };
}
