// Shared by the completion, hover and outline tests: the documented manifest (the README, "The manifest"), a pinned
// clock, and texts with a `|` marking the cursor.
import { parse } from 'yaml';
import validateManifest from '../../../server/src/service/generated/validateManifest';
import { createLanguageService } from '../../../server/src/service/index';
import type { CompletionItem, Position } from '../../../server/src/service/types';
import { applyEdits } from '../helpers/applyEdits';

export const NOW = '2026-01-01T00:00:00Z';
export const service = createLanguageService({ now: () => new Date(NOW) });

export const EXAMPLE = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: my-renew-revocation
  namespace: kube-system
spec:
  description: My list of renew revocations
  revocations:
  - description: Revoked certificates by serial number
    kind: serialnumber
    notBefore: "2020-04-17T17:22:05Z"
    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2
  - description: Revoked certificates by group
    group: system:nodes
    kind: Group
  - description: Revoked certificates by DNS
    dns: kubernetes.default.svc.
    kind: DNS
  - description: Revoked certificates by DNS Suffix
    dns: .cluster.local
    kind: DNS
  - description: Revoked certificates by IP
    ip: 170.63.128.124
    kind: IP
`;

/** The text without its `|`, and the position the `|` marked. */
export function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

export function complete(marked: string): CompletionItem[] {
  const { text, position } = withCursor(marked);
  return service.doComplete(service.parse(text), position);
}

export function labels(items: readonly CompletionItem[]): string[] {
  return items.map((item) => item.label);
}

export function item(items: readonly CompletionItem[], label: string): CompletionItem {
  const found = items.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no item ${label} among ${labels(items).join(', ')}`);
  return found;
}

/**
 * What the editor makes of an accepted item when the user tabs through every placeholder:
 * written here on its own (not with the product's helper) so that the test checks the syntax.
 */
export function acceptDefaults(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** The text after accepting `item` (placeholders at their defaults). */
export function accept(marked: string, accepted: CompletionItem): string {
  const { text } = withCursor(marked);
  const newText = accepted.isSnippet ? acceptDefaults(accepted.insertText) : accepted.insertText;
  return applyEdits(text, [{ range: accepted.range, newText }]);
}

/** The schema errors of each YAML document of a text (empty arrays when valid). */
export function schemaErrors(text: string): string[][] {
  return text
    .split(/^---$/m)
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const data: unknown = parse(part);
      return validateManifest(data)
        ? []
        : (validateManifest.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
    });
}
