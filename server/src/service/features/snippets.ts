// The text completion inserts: a full revocation entry per kind and a new manifest, as LSP
// snippets laid out for the column they land at. The editor inserts them as they are (the server
// asks for `insertTextMode: asIs`), so every continuation line carries its own indentation.
import { VALUE_FIELD, type EntryKind } from '../manifest/manifestModel';
import { propertyOf } from './schemaScopes';

interface EntryTemplate {
  description: string;
  /** What to type over: a placeholder that no check lets pass (placeholder-value), never a plausible value. */
  example: string;
  /** Quoted so that YAML never reads it as a number (`serial-number-type`). */
  quoted: boolean;
}

export const ENTRY_TEMPLATES: Record<EntryKind, EntryTemplate> = {
  serialnumber: { description: 'Revoked certificates by serial number', example: '<serial-number>', quoted: true },
  Group: { description: 'Revoked certificates by group', example: '<group>', quoted: false },
  DNS: { description: 'Revoked certificates by DNS', example: '<dns-name>', quoted: false },
  IP: { description: 'Revoked certificates by IP', example: '<ip-address>', quoted: false },
};

/** Text that a snippet shows literally: `$`, `}` and `\` are snippet syntax. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (char) => `\\${char}`);
}

function placeholder(index: number, defaultText: string): string {
  return `\${${index}:${escapeSnippetText(defaultText)}}`;
}

/** Joins lines, indenting every line after the first to `column` (the first lands at the cursor). */
export function layOut(lines: readonly string[], column: number): string {
  const indent = ' '.repeat(column);
  return lines.map((line, index) => (index === 0 || line === '' ? line : indent + line)).join('\n');
}

/** The lines of one entry, its keys at column 0 and without the `- `; placeholders from `firstTabStop`. */
function entryLines(kind: EntryKind, notBefore: string, firstTabStop: number): string[] {
  const template = ENTRY_TEMPLATES[kind];
  const value = placeholder(firstTabStop + 1, template.example);
  return [
    `description: ${placeholder(firstTabStop, template.description)}`,
    `kind: ${kind}`,
    `${VALUE_FIELD[kind]}: ${template.quoted ? `"${value}"` : value}`,
    `notBefore: "${placeholder(firstTabStop + 2, notBefore)}"`,
  ];
}

/**
 * A full entry of `kind`. `entryColumn` is the column of the entry's keys; with `withDash` the
 * text starts with `- ` (inserted at `entryColumn - 2`), else it goes after a `- ` already typed.
 */
export function entrySnippet(kind: EntryKind, notBefore: string, entryColumn: number, withDash: boolean): string {
  const lines = entryLines(kind, notBefore, 1);
  lines[0] = (withDash ? '- ' : '') + lines[0];
  return layOut(lines, entryColumn) + '$0';
}

/** A whole manifest with one entry, its top-level keys at `column`. */
export function manifestSnippet(notBefore: string, column: number): string {
  const apiVersion = propertyOf('root', 'apiVersion')?.values[0] ?? 'certificates.microsoft.com/v1';
  const kind = propertyOf('root', 'kind')?.values[0] ?? 'RenewRevocation';
  const entry = entryLines('serialnumber', notBefore, 4);
  const lines = [
    `apiVersion: ${apiVersion}`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${placeholder(1, 'my-renew-revocation')}`,
    `  namespace: ${placeholder(2, 'kube-system')}`,
    'spec:',
    `  description: ${placeholder(3, 'My list of renew revocations')}`,
    '  revocations:',
    `  - ${entry[0]}`,
    ...entry.slice(1).map((line) => `    ${line}`),
  ];
  return layOut(lines, column) + '$0';
}

/** A snippet with every placeholder replaced by its default: what the user gets by tabbing through. */
export function resolveSnippet(snippet: string): string {
  let text = snippet;
  // Innermost placeholders first; our snippets do not nest, but the loop makes that harmless.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, (_match, body: string) => body);
  }
  return text.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([\\$}])/g, '$1');
}
