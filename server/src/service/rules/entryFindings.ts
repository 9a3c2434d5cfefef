// The walk of engine.ts, with what each entry's `entry` hooks found kept on the entry's model
// (its memo slot `findingsMemo`) and used again while the entry is unchanged. After a keystroke
// in a 10,000-entry manifest the incremental parse (parse/incremental.ts) hands over every entry
// but the edited one as it was, with its offsets shifted: their findings are the same objects,
// moved, and only the edited entry is checked again. File and manifest hooks (the schema, the
// duplicates, the syntax, the certificates) relate entries to each other and run every time, as
// do the entry hooks whose findings the clock decides (Rule.clock). The result equals runRules's
// on the same model, in the same order; the property tests hold it to that.
import type { EntryModel, ManifestModel, ShiftableMemo } from '../manifest/manifestModel';
import type { FileModel } from '../parse/fileModel';
import { settleEntry } from '../parse/staleEntries';
import type { ServiceSettings } from '../settings';
import type { Finding, Rule, RuleVisitor } from './ruleTypes';

type Shift = (offset: number) => number;

/**
 * Moves a finding's offsets, each object once: findings of one entry may share a fix (the same
 * quick fix offered on two of them), and a second move would put its edits one delta too far.
 */
function shiftFinding(finding: Finding, shift: Shift, moved: Set<object> | undefined): void {
  const move = (span: { start: number; end: number }) => {
    if (moved) {
      if (moved.has(span)) return;
      moved.add(span);
    }
    span.start = shift(span.start);
    span.end = shift(span.end);
  };
  move(finding);
  for (const related of finding.related ?? []) move(related);
  for (const fix of finding.fixes ?? []) for (const edit of fix.edits) move(edit);
}

/** One entry's findings, per rule (by position in the rule list); undefined where a rule found nothing. */
class EntryFindingsMemo implements ShiftableMemo {
  constructor(
    readonly rules: readonly Rule[],
    readonly byRule: (Finding[] | undefined)[],
  ) {}

  /** How many findings it holds: counted on the first move, when the memo is long complete. */
  private count: number | undefined;

  shift(shift: Shift): void {
    // Every entry after an edit is moved, and most have no finding: that must cost next to nothing.
    this.count ??= this.byRule.reduce((sum, findings) => sum + (findings?.length ?? 0), 0);
    const count = this.count;
    if (count === 0) return;
    // Most entries have one finding or none: no sharing to guard against, no set to make.
    const moved = count > 1 ? new Set<object>() : undefined;
    for (const findings of this.byRule)
      if (findings) for (const finding of findings) shiftFinding(finding, shift, moved);
  }
}

/** Whether a rule's entry findings may be kept across versions (the clock decides nothing in them but fixes). */
const keeps = (rule: Rule) => rule.clock !== 'findings';

/**
 * runRules (engine.ts) for the built-in rules of a file: the same findings in the same order, each
 * entry's own kept on its model. `rules` must be the same list on every call (RULES).
 */
export function runRulesKeepingEntries(
  file: FileModel,
  now: Date,
  rules: readonly Rule[],
  settings: ServiceSettings,
): Finding[] {
  const byRule: Finding[][] = rules.map(() => []);
  // Where each rule's report goes: its own list, or the memo of the entry being checked.
  const targets: Finding[][] = byRule.slice();
  const context = { file, now, settings };
  const visitors: RuleVisitor[] = rules.map((rule, i) => rule.create(context, (finding) => targets[i].push(finding)));
  for (const visitor of visitors) visitor.file?.();
  const entryRules = visitors.flatMap((visitor, i) => (visitor.entry ? [i] : []));

  /** The entry's kept findings, checked now when it has none (a new or edited entry). */
  function memoOf(entry: EntryModel, manifest: ManifestModel): EntryFindingsMemo {
    const known = entry.findingsMemo;
    if (known instanceof EntryFindingsMemo && known.rules === rules) return known;
    // Checked afresh: the rules may read its nodes, which a splice may have left behind.
    settleEntry(entry);
    const memo = new EntryFindingsMemo(rules, new Array<Finding[] | undefined>(rules.length));
    for (const i of entryRules) {
      if (!keeps(rules[i])) continue;
      const found: Finding[] = [];
      targets[i] = found;
      visitors[i].entry?.(entry, manifest);
      targets[i] = byRule[i];
      if (found.length > 0) memo.byRule[i] = found;
    }
    entry.findingsMemo = memo;
    return memo;
  }

  for (const manifest of file.manifests) {
    for (const visitor of visitors) visitor.manifest?.(manifest);
    if (entryRules.length === 0) continue;
    for (const entry of manifest.entries) {
      const memo = memoOf(entry, manifest);
      for (const i of entryRules) {
        // On a kept entry a splice may have left its nodes behind (parse/staleEntries.ts): these
        // hooks read the entry's model (offsets, values, node kinds), never node positions.
        if (!keeps(rules[i])) visitors[i].entry?.(entry, manifest);
        else {
          const kept = memo.byRule[i];
          if (kept) for (const finding of kept) byRule[i].push(finding);
        }
      }
    }
  }
  return byRule.flat();
}

/**
 * The findings of the entry hooks of `rules` for the entries that overlap `start`…`end`, checked
 * afresh (nothing kept): code actions read the fixes of rules whose fixes the clock decides from
 * here, with the clock of the request.
 */
export function entryFindingsIn(
  file: FileModel,
  start: number,
  end: number,
  now: Date,
  rules: readonly Rule[],
  settings: ServiceSettings,
): Finding[] {
  const found: Finding[] = [];
  const visitors = rules.map((rule) => rule.create({ file, now, settings }, (finding) => found.push(finding)));
  for (const manifest of file.manifests)
    for (const entry of manifest.entries)
      if (entry.end >= start && entry.start <= end) for (const visitor of visitors) visitor.entry?.(entry, manifest);
  return found;
}
