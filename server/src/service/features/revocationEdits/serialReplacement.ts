// The quick fix "Replace with N serial-number entries" on broad-revocation and missing-not-before:
// a Group, DNS or IP entry becomes one serialnumber entry per certificate it revokes in the
// inventory, each keeping the entry's notBefore (now when it had none). Offered only when the
// inventory holds such certificates; its title says that certificates outside the inventory,
// which the broad entry would also revoke, are not covered by the new entries.
import { matchFile, type EntryMatch } from '../../match/matcher';
import { certificateTime, matchIndexFor } from '../../match/matchIndex';
import type { FileModel } from '../../parse/fileModel';
import { plural } from '../../text/plural';
import { formatIsoUtc } from '../../values/time';
import type { CodeAction, Diagnostic } from '../../types';
import type { InventoryContext } from '../inventoryContext';
import type { CheckedFinding } from '../validation';
import { serialEntryDraft, type RevocationEntryDraft } from './entryDraft';
import { spliceRevocations } from './spliceRevocations';

const OFFERED_ON: ReadonlySet<string> = new Set(['broad-revocation', 'missing-not-before']);

/** One serial entry per revocable certificate the entry matches (one per serial), or none. */
function serialDrafts(match: EntryMatch, inventory: InventoryContext, now: Date): RevocationEntryDraft[] {
  const target = match.target;
  const cutoff =
    target.ok && target.notBeforeCutoff !== undefined
      ? Math.ceil(target.notBeforeCutoff / 1000) * 1000
      : Math.floor(now.getTime() / 1000) * 1000;
  const notBefore = formatIsoUtc(cutoff);
  const drafts: RevocationEntryDraft[] = [];
  const serials = new Set<string>();
  for (const ordinal of match.matches) {
    const certificate = inventory.snapshot.certificates[ordinal];
    if (!certificate || serials.has(certificate.certificate.serialNumber)) continue;
    // Without notBefore the entry also revoked certificates not valid yet; an entry with notBefore
    // now cannot, and one ahead of the clock would revoke what is issued until then.
    if (certificateTime(certificate.certificate.notBefore) >= cutoff) continue;
    serials.add(certificate.certificate.serialNumber);
    drafts.push(serialEntryDraft(certificate, notBefore, inventory.displayPath));
  }
  return drafts;
}

/**
 * The replacements for the entries under the checked findings given (those in the asked range),
 * one per entry even when both codes fire on it.
 */
export function serialReplacementActions(
  file: FileModel,
  findings: readonly CheckedFinding[],
  inventory: InventoryContext | undefined,
  now: Date,
): CodeAction[] {
  if (!inventory || inventory.snapshot.certificates.length === 0) return [];
  const index = matchIndexFor(inventory.snapshot);
  const result = matchFile(file, index);
  const seen = new Set<EntryMatch>();
  const actions: CodeAction[] = [];
  for (const { finding, diagnostic } of findings) {
    if (!OFFERED_ON.has(finding.code)) continue;
    const match = result.entries.find(({ entry }) => finding.start >= entry.start && finding.end <= entry.end);
    if (!match || seen.has(match) || match.entry.kind === 'serialnumber') continue;
    seen.add(match);
    const revocable = Array.from(match.matches).filter((ordinal) => index.kubeletServing[ordinal] === 0);
    const drafts = serialDrafts({ ...match, matches: Int32Array.from(revocable) }, inventory, now);
    if (drafts.length === 0) continue;
    const spliced = spliceRevocations(file, match.manifest, match.entry.index, 1, drafts);
    if (!spliced.ok) continue;
    actions.push(replacementAction(file, diagnostic, drafts.length, spliced.edit));
  }
  return actions;
}

function replacementAction(
  file: FileModel,
  diagnostic: Diagnostic,
  count: number,
  edit: { start: number; end: number; newText: string },
): CodeAction {
  return {
    title: `Replace with ${plural(count, 'serial-number entry', 'serial-number entries')} (the inventory's matches; certificates outside the inventory are not covered)`,
    kind: 'quickfix',
    diagnostic,
    edits: [{ range: file.lineIndex.range(edit.start, edit.end), newText: edit.newText }],
  };
}
