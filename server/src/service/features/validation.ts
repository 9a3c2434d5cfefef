// From findings to diagnostics: runs the rules once per model (rules/entryFindings.ts keeps each
// entry's findings across versions while the entry is unchanged), then applies suppression
// comments and per-code severities, and maps offsets to ranges. A kept finding keeps its
// diagnostic too: the incremental parse moves a kept entry's offsets but never its lines and
// columns, so the range stays right.
import { CODES, type DiagnosticCode } from '../codes';
import { carryAcrossSplices, memo, type FileModel } from '../parse/fileModel';
import { unsettled } from '../parse/staleEntries';
import { runRules } from '../rules/engine';
import { runRulesKeepingEntries } from '../rules/entryFindings';
import { RULES } from '../rules/index';
import { followsFromIndentation } from '../rules/indentationMistakes';
import type { Finding, Rule } from '../rules/ruleTypes';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../settings';
import { flat } from '../text/flatString';
import type { Diagnostic, Severity } from '../types';
import { readSuppressions, type Suppressions } from './suppression';

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

// One link per code, shared by its diagnostics, rather than one string per diagnostic.
const hrefs = { homepage: '', byCode: new Map<string, string>() };

function codeHref(homepage: string | undefined, code: string): string | undefined {
  if (!homepage) return undefined;
  if (hrefs.homepage !== homepage) {
    hrefs.homepage = homepage;
    hrefs.byCode.clear();
  }
  let href = hrefs.byCode.get(code);
  if (href === undefined) hrefs.byCode.set(code, (href = flat(`${homepage}#${code}`)));
  return href;
}

function toDiagnostic(file: FileModel, finding: Finding, severity: Severity, homepage: string | undefined): Diagnostic {
  const known = diagnosticOf.get(finding);
  const href = codeHref(homepage, finding.code);
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

const DIRECTIVE_WORD = 'renew-revocation-disable';
const NO_SUPPRESSIONS: Suppressions = { isSuppressed: () => false };

// Whether the text may hold a suppression comment: a search of the whole text (7 MB at 100,000
// entries), carried across a splice when the re-parsed lines hold none (a comment is one line).
const MAY_SUPPRESS = 'validation:maySuppress';
carryAcrossSplices(MAY_SUPPRESS);

function maySuppress(file: FileModel): boolean {
  return memo(file, MAY_SUPPRESS, () => {
    const splice = file.splice;
    const before = splice?.previousCache.get(MAY_SUPPRESS);
    if (before === false && !splice?.inserted.includes(DIRECTIVE_WORD)) return false;
    return file.text.includes(DIRECTIVE_WORD);
  });
}

export function checkFile(model: FileModel, options: ValidationOptions): CheckedFinding[] {
  // Kept entries' findings are kept on their models: their nodes need not be moved to be checked.
  const file = unsettled(model);
  const findings = builtInFindings(file, options.now, options.settings);
  const all = options.extraRules?.length
    ? [...findings, ...runRules(file, options.now, options.extraRules, options.settings)]
    : findings;
  const suppressions = maySuppress(file) ? readSuppressions(file) : NO_SUPPRESSIONS;
  const checked: CheckedFinding[] = [];
  for (const finding of all) {
    const severity = severityOf(finding.code, options.settings);
    if (severity === 'off' || suppressions.isSuppressed(finding.code, finding.start)) continue;
    // A tab or a bad dedent throws the lines around it off: its one error stands for them.
    if (finding.code !== 'yaml-syntax' && followsFromIndentation(file, finding.start)) continue;
    checked.push({ finding, diagnostic: toDiagnostic(file, finding, severity, options.homepage) });
  }
  return byPosition(checked);
}

/** Below 2^21 findings, a finding's start and index fit in one key of a double's 53 bits. */
const INDEX_BITS = 2 ** 21;

/**
 * Sorted by start, then end; equal ones in the order they came (the rules' order). Through one
 * numeric key per finding (start, then index) sorted natively, which is several times quicker
 * than a sort with a comparison function over 7,000 findings; then each run of equal starts (a
 * handful) is put in order of its ends.
 */
function byPosition(checked: CheckedFinding[]): CheckedFinding[] {
  const count = checked.length;
  if (count >= INDEX_BITS)
    return [...checked].sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = checked[i].finding.start * INDEX_BITS + i;
  keys.sort();
  const sorted = new Array<CheckedFinding>(count);
  for (let i = 0; i < count; i++) sorted[i] = checked[keys[i] % INDEX_BITS];
  for (let run = 0; run < count;) {
    let next = run + 1;
    while (next < count && sorted[next].finding.start === sorted[run].finding.start) next++;
    if (next - run > 1) sortRunByEnd(sorted, run, next);
    run = next;
  }
  return sorted;
}

/** Insertion sort by end, stable (the run is in the order the findings came). */
function sortRunByEnd(sorted: CheckedFinding[], from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const item = sorted[i];
    let at = i;
    while (at > from && sorted[at - 1].finding.end > item.finding.end) {
      sorted[at] = sorted[at - 1];
      at--;
    }
    sorted[at] = item;
  }
}
