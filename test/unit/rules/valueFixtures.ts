// Shared by the value rule tests: the service with a pinned clock (2026-01-01T00:00:00Z), manifests
// to vary, and readers for what a user sees: diagnostics of one code, the quick fixes on one.
import assert from 'node:assert/strict';
import { createLanguageService, type CodeAction, type Diagnostic, type Range } from '../../../server/src/service/index';
import { applyEdits } from '../helpers/applyEdits';

export const NOW = '2026-01-01T00:00:00Z';
export const service = createLanguageService({ now: () => new Date(NOW) });

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
  const fixes = fixesFor(text, diagnostic);
  const fix = fixes.find((action) => action.title === title);
  assert.ok(fix, `no fix "${title}" among ${JSON.stringify(fixes.map((action) => action.title))}`);
  return applyEdits(text, fix.edits);
}

/** Codes and ranges, compactly, for asserting a whole file's diagnostics: `code@line:start-end`. */
export function summary(found: readonly Diagnostic[]): string[] {
  return found.map(
    (d) =>
      `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line === d.range.start.line ? '' : `${d.range.end.line}:`}${d.range.end.character}`,
  );
}
