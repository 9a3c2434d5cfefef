// Shared by the structure rule tests: the service with a pinned clock, manifests to vary, and
// small readers for what a user sees (diagnostics of one code, the quick fixes on one of them).
import assert from 'node:assert/strict';
import { createLanguageService, type CodeAction, type Diagnostic, type Range } from '../../../server/src/service/index';
import { applyEdits } from '../helpers/applyEdits';

export const service = createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') });

export const STRUCTURE_CODES = ['schema', 'unknown-field', 'kind-case', 'field-kind-mismatch'];

/** The documented example of SPEC §1, verbatim. */
export const SPEC_EXAMPLE = `apiVersion: certificates.microsoft.com/v1
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

/** Lines 0–5; the entries given start on line 6. */
export const HEAD = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: r
spec:
  revocations:
`;

export function manifest(entries: string): string {
  return HEAD + entries;
}

export function range(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function diagnostics(text: string, code?: string): Diagnostic[] {
  const all = service.doValidation(service.parse(text));
  return code === undefined ? all : all.filter((diagnostic) => diagnostic.code === code);
}

/** The one diagnostic of `code`, failing the test when there is none or several. */
export function only(text: string, code: string): Diagnostic {
  const found = diagnostics(text, code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(found, null, 1)}`);
  return found[0];
}

export function fixesFor(text: string, diagnostic: Diagnostic): CodeAction[] {
  return service
    .getCodeActions(service.parse(text), diagnostic.range)
    .filter((action) => action.diagnostic.code === diagnostic.code && action.diagnostic.message === diagnostic.message);
}

/** Applies the fix titled `title` on `diagnostic` and returns the new text. */
export function applyFix(text: string, diagnostic: Diagnostic, title: string): string {
  const fix = fixesFor(text, diagnostic).find((action) => action.title === title);
  assert.ok(fix, `no fix "${title}" among ${JSON.stringify(fixesFor(text, diagnostic).map((action) => action.title))}`);
  return applyEdits(text, fix.edits);
}
