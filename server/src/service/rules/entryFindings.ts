// The walk of engine.ts, with what each entry's `entry` hooks found kept on the entry's model
// (its memo slot `findingsMemo`) and used again while the entry is unchanged. After a keystroke
// in a 10,000-entry manifest the incremental parse (parse/incremental.ts) hands over every entry
// but the edited one as it was, with its offsets shifted: their findings are the same objects,
// moved, and only the edited entry is checked again. The manifest's kept findings, gathered in
// its entries' order, are carried too (keyed by the manifest's model, which the incremental parse
// keeps), so a check after a keystroke swaps the edited entry's in and visits no other entry. File
// and manifest hooks (the schema, the duplicates, the syntax, the certificates) relate entries to
// each other and run every time (they carry their own data across versions). An entry hook whose
// findings the clock decides (Rule.clock) runs on every entry, unless the rule says until when
// (Rule.clockUntil): then only on the entries whose instant is still ahead. The result equals
// runRules's on the same model, in the same order; the property tests hold it to that.
import type { EntryModel, ManifestModel, ShiftableMemo } from '../manifest/manifestModel';
import type { FileModel } from '../parse/fileModel';
import { settleEntry } from '../parse/staleEntries';
import type { ServiceSettings } from '../settings';
import type { Finding, Rule, RuleVisitor } from './ruleTypes';
import { firstAtOrAfter } from '../text/binarySearch';
import { flatFinding } from './flatFinding';
import { replacedIndices } from './replacedEntries';

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
    /** Per clock rule with `clockUntil`, in the rules' order: the entry's instant (NaN: none); see Rule.clockUntil. */
    readonly until: readonly number[] | undefined,
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

/** How an entry rule's findings are had at each check. */
const enum Use {
  /** Kept with the entry (the clock decides nothing in them but fixes). */
  Kept,
  /** Kept, except for the entries whose instant (Rule.clockUntil) is still ahead of the clock. */
  KeptUntil,
  /** The hook runs on every entry at every check. */
  Every,
}

function useOf(rule: Rule): Use {
  if (rule.clock !== 'findings') return Use.Kept;
  return rule.clockUntil ? Use.KeptUntil : Use.Every;
}

/** A clock after every instant: a `KeptUntil` rule's hook run with it reports what the clock no longer decides. */
const LAST_INSTANT = new Date(8.64e15);

/**
 * What one walk of a manifest kept, carried to the next check of the same manifest model (the
 * incremental parse keeps the model and replaces one entry of it): every kept finding of the
 * manifest's entries per rule, in the entries' order, so that a check after a keystroke only
 * replaces the edited entry's and does not visit 100,000 entries.
 */
interface ManifestWalk {
  rules: readonly Rule[];
  /** The entries and their memos as last walked: an entry or a memo that is not the same object is checked again. */
  entries: EntryModel[];
  memos: EntryFindingsMemo[];
  /** Per rule (by position; empty for rules with no kept entry findings): the findings, and the index of the entry each is of. */
  found: Finding[][];
  owners: number[][];
  /** Per `KeptUntil` rule (by position): each entry's instant, NaN when none. */
  until: (Float64Array | undefined)[];
}

const walks = new WeakMap<ManifestModel, ManifestWalk>();

/** Puts the findings of the entry at `index` in place of those it had in `walk`. */
function replaceEntry(
  walk: ManifestWalk,
  index: number,
  memo: EntryFindingsMemo,
  ruleIndices: readonly number[],
  untilSlots: readonly number[],
): void {
  for (const i of ruleIndices) {
    const found = walk.found[i];
    const owners = walk.owners[i];
    const from = firstAtOrAfter(owners, index);
    const to = firstAtOrAfter(owners, index + 1);
    const now = memo.byRule[i] ?? [];
    found.splice(from, to - from, ...now);
    owners.splice(from, to - from, ...now.map(() => index));
    const until = walk.until[i];
    if (until) until[index] = memo.until?.[untilSlots[i]] ?? Number.NaN;
  }
}

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
  const visitors: RuleVisitor[] = rules.map((rule, i) =>
    rule.create(context, (finding) => targets[i].push(flatFinding(finding))),
  );
  for (const visitor of visitors) visitor.file?.();
  const entryRules = visitors.flatMap((visitor, i) => (visitor.entry ? [i] : []));
  const uses = rules.map(useOf);
  const keptRules = entryRules.filter((i) => uses[i] !== Use.Every);
  const untilRules = entryRules.filter((i) => uses[i] === Use.KeptUntil);
  // Where each KeptUntil rule's instant sits in a memo's `until`.
  const untilSlots = rules.map((_, i) => untilRules.indexOf(i));
  // The hooks whose findings are kept: for KeptUntil rules, run with a clock past every instant.
  let lastVisitors: (RuleVisitor | undefined)[] | undefined;
  const keptVisitor = (i: number): RuleVisitor => {
    if (uses[i] !== Use.KeptUntil) return visitors[i];
    lastVisitors ??= rules.map(() => undefined);
    return (lastVisitors[i] ??= rules[i].create({ file, now: LAST_INSTANT, settings }, (finding) =>
      targets[i].push(flatFinding(finding)),
    ));
  };

  const lent: Finding[] = [];

  /** The entry's kept findings, checked now when it has none (a new or edited entry). */
  function memoOf(entry: EntryModel, manifest: ManifestModel): EntryFindingsMemo {
    const known = entry.findingsMemo;
    if (known instanceof EntryFindingsMemo && known.rules === rules) return known;
    // Checked afresh: the rules may read its nodes, which a splice may have left behind.
    settleEntry(entry);
    const until = untilRules.length > 0 ? untilRules.map((i) => rules[i].clockUntil?.(entry) ?? Number.NaN) : undefined;
    const memo = new EntryFindingsMemo(rules, new Array<Finding[] | undefined>(rules.length), until);
    for (const i of keptRules) {
      // Most entries give most rules nothing: one list is lent to every hook, copied when it found some.
      targets[i] = lent;
      keptVisitor(i).entry?.(entry, manifest);
      targets[i] = byRule[i];
      if (lent.length > 0) {
        memo.byRule[i] = lent.slice();
        lent.length = 0;
      }
    }
    entry.findingsMemo = memo;
    return memo;
  }

  function freshWalk(manifest: ManifestModel): ManifestWalk {
    const entries = manifest.entries.slice();
    const memos = entries.map((entry) => memoOf(entry, manifest));
    const found: Finding[][] = rules.map(() => []);
    const owners: number[][] = rules.map(() => []);
    const until: (Float64Array | undefined)[] = rules.map(() => undefined);
    for (const i of untilRules) until[i] = new Float64Array(entries.length);
    memos.forEach((memo, index) => {
      for (const i of keptRules) {
        const kept = memo.byRule[i];
        if (kept)
          for (const finding of kept) {
            found[i].push(finding);
            owners[i].push(index);
          }
        const instants = until[i];
        if (instants) instants[index] = memo.until?.[untilSlots[i]] ?? Number.NaN;
      }
    });
    return { rules, entries, memos, found, owners, until };
  }

  /** The walk of the manifest's previous check brought up to date, or a fresh one. */
  function walkOf(manifest: ManifestModel): ManifestWalk {
    const known = walks.get(manifest);
    const entries = manifest.entries;
    if (known && known.rules === rules && known.entries.length === entries.length) {
      const replaced = replacedIndices(
        entries.length,
        (k) => known.entries[k] !== entries[k] || known.memos[k] !== entries[k].findingsMemo,
      );
      if (replaced) {
        for (const k of replaced) {
          const memo = memoOf(entries[k], manifest);
          replaceEntry(known, k, memo, keptRules, untilSlots);
          known.entries[k] = entries[k];
          known.memos[k] = memo;
        }
        return known;
      }
    }
    const walk = freshWalk(manifest);
    walks.set(manifest, walk);
    return walk;
  }

  const nowMs = now.getTime();
  for (const manifest of file.manifests) {
    for (const visitor of visitors) visitor.manifest?.(manifest);
    if (entryRules.length === 0) continue;
    const walk = walkOf(manifest);
    for (const i of entryRules) {
      const out = byRule[i];
      if (uses[i] === Use.Every) {
        // On a kept entry a splice may have left its nodes behind (parse/staleEntries.ts): clock
        // hooks read the entry's model (offsets, values, node kinds), never node positions.
        for (const entry of manifest.entries) visitors[i].entry?.(entry, manifest);
        continue;
      }
      const found = walk.found[i];
      const instants = walk.until[i];
      if (!instants) {
        for (const finding of found) out.push(finding);
        continue;
      }
      // The entries whose instant is still ahead: the hook with this clock decides theirs.
      const owners = walk.owners[i];
      let at = 0;
      for (let k = 0; k < instants.length; k++) {
        if (!(nowMs < instants[k])) continue;
        for (; at < found.length && owners[at] < k; at++) out.push(found[at]);
        for (; at < found.length && owners[at] === k; at++);
        visitors[i].entry?.(walk.entries[k], manifest);
      }
      for (; at < found.length; at++) out.push(found[at]);
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
  const visitors = rules.map((rule) =>
    rule.create({ file, now, settings }, (finding) => found.push(flatFinding(finding))),
  );
  for (const manifest of file.manifests)
    for (const entry of manifest.entries)
      if (entry.end >= start && entry.start <= end) for (const visitor of visitors) visitor.entry?.(entry, manifest);
  return found;
}
