// A table test for one rule record, in the manner of ESLint's RuleTester: the rule runs alone
// through the engine, over valid texts (no finding) and invalid ones (exactly these findings,
// in this order). A finding is written as a user reads it: code, range as 1-based
// `line:col-line:col`, message, and each fix with its title and edits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFile, type FileModel } from '../../../server/src/service/parse/fileModel';
import { runRules } from '../../../server/src/service/rules/engine';
import type { Finding, Rule } from '../../../server/src/service/rules/ruleTypes';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../../../server/src/service/settings';

export interface ExpectedFix {
  title: string;
  preferred?: true;
  /** `[range, newText]` per edit. */
  edits: [string, string][];
}

export interface ExpectedFinding {
  code: string;
  range: string;
  message: string;
  /** Omitted: the finding offers no fix. */
  fixes?: ExpectedFix[];
  /** `[range, message]` per related place. */
  related?: [string, string][];
}

export interface InvalidCase {
  name: string;
  text: string;
  findings: ExpectedFinding[];
}

export interface RuleTable {
  valid: string[];
  invalid: InvalidCase[];
  /** Default `yaml`. */
  languageId?: string;
  now?: Date;
  settings?: ServiceSettings;
  /** A second table for one rule (another language, another inventory): need not report every code. */
  partial?: true;
}

/** The fixed clock of rule tables. */
export const TABLE_NOW = new Date('2026-01-01T00:00:00Z');

function span(file: FileModel, start: number, end: number): string {
  const from = file.lineIndex.positionAt(start);
  const to = file.lineIndex.positionAt(end);
  return `${from.line + 1}:${from.character + 1}-${to.line + 1}:${to.character + 1}`;
}

function asRead(file: FileModel, finding: Finding): ExpectedFinding {
  const read: ExpectedFinding = {
    code: finding.code,
    range: span(file, finding.start, finding.end),
    message: finding.message,
  };
  const fixes = (finding.fixes ?? []).map((fix) => ({
    title: fix.title,
    ...(fix.isPreferred ? { preferred: true as const } : {}),
    edits: fix.edits.map((edit): [string, string] => [span(file, edit.start, edit.end), edit.newText]),
  }));
  if (fixes.length > 0) read.fixes = fixes;
  if (finding.related?.length)
    read.related = finding.related.map((related): [string, string] => [
      span(file, related.start, related.end),
      related.message,
    ]);
  return read;
}

export function ruleTester(rule: Rule, table: RuleTable): void {
  const declared = new Set(rule.meta.map((meta) => meta.code));
  const run = (text: string) => {
    const file = parseFile(text, table.languageId ?? 'yaml');
    const findings = runRules(file, table.now ?? TABLE_NOW, [rule], table.settings ?? DEFAULT_SETTINGS);
    for (const finding of findings)
      assert.ok(declared.has(finding.code), `${rule.name} reported ${finding.code}, which its record does not declare`);
    return findings.map((finding) => asRead(file, finding));
  };
  table.valid.forEach((text, index) => {
    test(`${rule.name} rule: valid #${index + 1}`, () => assert.deepEqual(run(text), [], text));
  });
  for (const invalid of table.invalid) {
    test(`${rule.name} rule: ${invalid.name}`, () => assert.deepEqual(run(invalid.text), invalid.findings));
  }
  if (table.partial) return;
  test(`${rule.name} rule: the table reports every code the record declares`, () => {
    const reported = new Set(table.invalid.flatMap((invalid) => invalid.findings.map((finding) => finding.code)));
    assert.deepEqual(
      [...declared].filter((code) => !reported.has(code)),
      [],
    );
  });
}
