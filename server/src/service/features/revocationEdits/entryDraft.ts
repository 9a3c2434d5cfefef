// A revocation entry about to be written: the serial-number entry that revokes one certificate,
// with a description that names it (its CN, its issuer, where it was found), and its YAML text as
// the `yaml` package writes it (quotes where a value would otherwise read as a number or a date).
import { Document, Scalar, type YAMLMap } from 'yaml';
import type { InventoryCertificate } from '../../inventory/inventory';
import { abbreviate } from '../../text/abbreviate';

/** The fields of an entry in the order they are written (the order of the README's examples). */
export interface RevocationEntryDraft {
  description: string;
  kind: 'serialnumber';
  /** RFC 3339 UTC, whole seconds: `2026-01-31T12:00:00Z`. */
  notBefore: string;
  /** Canonical: lowercase hex, no separators, no leading zeros. */
  serialNumber: string;
}

/** `CN=…` when the subject has a CN, else the whole subject (an empty subject is named so). */
export function certificateName(certificate: InventoryCertificate['certificate']): string {
  if (certificate.commonName !== undefined) return `CN=${certificate.commonName}`;
  return certificate.subject === '' ? '(empty subject)' : certificate.subject;
}

/** The issuer's CN (RFC 4514 puts it first) when it has one, else the whole issuer name. */
export function issuerName(issuer: string): string {
  const commonName = /^CN=((?:\\.|[^,\\])*)(?:,|$)/.exec(issuer);
  if (commonName) return `CN=${commonName[1]}`;
  return issuer === '' ? '(empty)' : issuer;
}

/** Where a certificate was found, for a description: its first place, and how many more there are. */
export function foundWhere(certificate: InventoryCertificate, displayPath: (path: string) => string): string {
  const [first, ...others] = certificate.sources;
  if (!first) return 'an unknown place';
  const more = others.length === 0 ? '' : ` (and ${others.length} more place${others.length === 1 ? '' : 's'})`;
  return `${displayPath(first.path)}${more}`;
}

/** `Revoke CN=system:node:moc-node-1 (issuer CN=kubernetes), found in kubelet/moc-node-1/kubelet-client-current.pem` */
export function certificateDescription(
  certificate: InventoryCertificate,
  displayPath: (path: string) => string = (path) => path,
): string {
  const { issuer } = certificate.certificate;
  const name = certificateName(certificate.certificate);
  return abbreviate(
    `Revoke ${name} (issuer ${issuerName(issuer)}), found in ${foundWhere(certificate, displayPath)}`,
    400,
  );
}

export function serialEntryDraft(
  certificate: InventoryCertificate,
  notBefore: string,
  displayPath?: (path: string) => string,
): RevocationEntryDraft {
  return {
    description: certificateDescription(certificate, displayPath),
    kind: 'serialnumber',
    notBefore,
    serialNumber: certificate.certificate.serialNumber,
  };
}

/** A draft as a YAML node: `notBefore` double-quoted, as every example writes it. */
export function draftNode(document: Document, draft: RevocationEntryDraft): YAMLMap {
  const node: YAMLMap = document.createNode(draft);
  const notBefore = new Scalar(draft.notBefore);
  notBefore.type = Scalar.QUOTE_DOUBLE;
  node.set('notBefore', notBefore);
  return node;
}

/**
 * The block sequence of `drafts` (`- description: …` lines), each line starting at `column`,
 * lines ended by `lineBreak`.
 */
export function draftsYaml(drafts: readonly RevocationEntryDraft[], column: number, lineBreak: string): string {
  const document = new Document([]);
  document.contents = document.createNode(drafts.map((draft) => draftNode(document, draft)));
  const text = document.toString({ indentSeq: false, lineWidth: 0 });
  const indent = ' '.repeat(column);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `${indent}${line}${lineBreak}`)
    .join('');
}
