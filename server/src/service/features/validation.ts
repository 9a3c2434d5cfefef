// From findings to diagnostics: runs the rule families once per model, then applies suppression
// comments and per-code severities, and maps offsets to ranges.
import { CODES, type DiagnosticCode } from '../codes';
import { memo, type FileModel } from '../parse/fileModel';
import { RULE_FAMILIES } from '../rules/index';
import type { Finding, RuleFamily } from '../rules/ruleTypes';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../settings';
import type { Diagnostic, Severity } from '../types';
import { readSuppressions } from './suppression';

export interface ValidationOptions {
  now: Date;
  settings: ServiceSettings;
  /** `package.json` homepage: when set, diagnostics link to `<homepage>#<code>`. */
  homepage?: string;
  /** Extra families (the inventory rules) run after the built-in ones. */
  extraFamilies?: readonly RuleFamily[];
}

/** A diagnostic with the finding it came from (code actions read its fixes). */
export interface CheckedFinding {
  finding: Finding;
  diagnostic: Diagnostic;
}

export function runFamilies(file: FileModel, now: Date, families: readonly RuleFamily[], settings: ServiceSettings = DEFAULT_SETTINGS): Finding[] {
  const findings: Finding[] = [];
  const report = (finding: Finding) => findings.push(finding);
  for (const family of families) family.check({ file, now, settings }, report);
  return findings;
}

/** The findings of the built-in families: computed once per model (document version). */
export function builtInFindings(file: FileModel, now: Date, settings: ServiceSettings = DEFAULT_SETTINGS): Finding[] {
  // Keyed by the one setting findings read, so that changing it is seen without a new version.
  return memo(file, `findings@${settings.expiryWarningDays}`, () => runFamilies(file, now, RULE_FAMILIES, settings));
}

export function severityOf(code: DiagnosticCode, settings: ServiceSettings): Severity | 'off' {
  return settings.rules[code] ?? CODES[code].severity;
}

export function checkFile(file: FileModel, options: ValidationOptions): CheckedFinding[] {
  const findings = builtInFindings(file, options.now, options.settings);
  const all = options.extraFamilies?.length ? [...findings, ...runFamilies(file, options.now, options.extraFamilies, options.settings)] : findings;
  const suppressions = readSuppressions(file);
  const checked: CheckedFinding[] = [];
  for (const finding of all) {
    const severity = severityOf(finding.code, options.settings);
    if (severity === 'off' || suppressions.isSuppressed(finding.code, finding.start)) continue;
    const diagnostic: Diagnostic = {
      range: file.lineIndex.range(finding.start, finding.end),
      severity,
      code: finding.code,
      source: 'renew-revocation',
      message: finding.message,
    };
    if (options.homepage) diagnostic.codeDescription = { href: `${options.homepage}#${finding.code}` };
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map((related) => ({
        range: file.lineIndex.range(related.start, related.end),
        message: related.message,
      }));
    }
    checked.push({ finding, diagnostic });
  }
  checked.sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end);
  return checked;
}
