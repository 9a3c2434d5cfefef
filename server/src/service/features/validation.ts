// From findings to diagnostics: runs the rules once per model (rules/entryFindings.ts keeps each
// entry's findings across versions while the entry is unchanged), then applies suppression
// comments and per-code severities, and maps offsets to ranges. A kept finding keeps its
// diagnostic too: the incremental parse moves a kept entry's offsets but never its lines and
// columns, so the range stays right.
import { CODES, type DiagnosticCode } from '../codes';
import { memo, type FileModel } from '../parse/fileModel';
import { unsettled } from '../parse/staleEntries';
import { runRules } from '../rules/engine';
import { runRulesKeepingEntries } from '../rules/entryFindings';
import { RULES } from '../rules/index';
import { followsFromIndentation } from '../rules/indentationMistakes';
import type { Finding, Rule } from '../rules/ruleTypes';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../settings';
import type { Diagnostic, Severity } from '../types';
import { readSuppressions } from './suppression';

export interface ValidationOptions {
  now: Date;
  settings: ServiceSettings;
  /** `package.json` homepage: when set, diagnostics link to `<homepage>#<code>`. */
  homepage?: string;
  /** Extra rules (the inventory rule) run after the built-in ones. */
  extraRules?: readonly Rule[];
}

/** A diagnostic with the finding it came from (code actions read its fixes). */
export interface CheckedFinding {
  finding: Finding;
  diagnostic: Diagnostic;
}

/** The findings of the built-in rules: computed once per model (document version). */
export function builtInFindings(file: FileModel, now: Date, settings: ServiceSettings = DEFAULT_SETTINGS): Finding[] {
  // Keyed by the one setting findings read, so that changing it is seen without a new version.
  return memo(file, `findings@${settings.expiryWarningDays}`, () => runRulesKeepingEntries(file, now, RULES, settings));
}

/** The diagnostic made of each finding, for findings kept across versions (rules/entryFindings.ts). */
const diagnosticOf = new WeakMap<Finding, Diagnostic>();

function toDiagnostic(file: FileModel, finding: Finding, severity: Severity, homepage: string | undefined): Diagnostic {
  const known = diagnosticOf.get(finding);
  const href = homepage && `${homepage}#${finding.code}`;
  if (known && known.severity === severity && known.codeDescription?.href === href) return known;
  const diagnostic: Diagnostic = {
    range: file.lineIndex.range(finding.start, finding.end),
    severity,
    code: finding.code,
    source: 'renew-revocation',
    message: finding.message,
  };
  if (href) diagnostic.codeDescription = { href };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      range: file.lineIndex.range(related.start, related.end),
      message: related.message,
    }));
  }
  diagnosticOf.set(finding, diagnostic);
  return diagnostic;
}

export function severityOf(code: DiagnosticCode, settings: ServiceSettings): Severity | 'off' {
  return settings.rules[code] ?? CODES[code].severity;
}

export function checkFile(model: FileModel, options: ValidationOptions): CheckedFinding[] {
  // Kept entries' findings are kept on their models: their nodes need not be moved to be checked.
  const file = unsettled(model);
  const findings = builtInFindings(file, options.now, options.settings);
  const all = options.extraRules?.length
    ? [...findings, ...runRules(file, options.now, options.extraRules, options.settings)]
    : findings;
  const suppressions = readSuppressions(file);
  const checked: CheckedFinding[] = [];
  for (const finding of all) {
    const severity = severityOf(finding.code, options.settings);
    if (severity === 'off' || suppressions.isSuppressed(finding.code, finding.start)) continue;
    // A tab or a bad dedent throws the lines around it off: its one error stands for them.
    if (finding.code !== 'yaml-syntax' && followsFromIndentation(file, finding.start)) continue;
    checked.push({ finding, diagnostic: toDiagnostic(file, finding, severity, options.homepage) });
  }
  checked.sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end);
  return checked;
}
