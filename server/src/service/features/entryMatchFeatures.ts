// The editor features built on what each entry matches in the certificate inventory (one version
// handed in by the host): the inventory diagnostics rule, the hover section of an entry (what it revokes; on
// notBefore, what it keeps), the code lenses (per entry its count, per manifest "Preview
// revocation"), and where each previewed entry sits in the file.
import type { FileModel } from '../parse/fileModel';
import { allEntryCounts, entryMatchesMarkdown, notBeforeEffectMarkdown } from '../match/entryInfo';
import { inventoryRule } from '../match/inventoryRules';
import { matchFile } from '../match/matcher';
import { matchIndexFor, type MatchIndex } from '../match/matchIndex';
import type { PreviewEntryRef } from '../match/preview';
import type { Rule } from '../rules/ruleTypes';
import type { CodeLens, Range } from '../types';
import type { HoverTarget } from './hoverSection';
import type { InventoryContext } from './inventoryContext';

/** The command a lens runs; the host adds the document first: `[uri, …arguments]`. */
export const PREVIEW_COMMAND_ID = 'renewRevocation.previewRevocation';

/** Matches listed in an entry's hover before "and N more". */
export const HOVER_MATCH_LIMIT = 10;

const rules = new WeakMap<MatchIndex, Rule>();

/** The inventory diagnostics rule of an inventory version; none while the inventory is empty. */
export function inventoryRules(inventory: InventoryContext | undefined): Rule[] {
  if (!inventory || inventory.snapshot.certificates.length === 0) return [];
  const index = matchIndexFor(inventory.snapshot);
  let rule = rules.get(index);
  if (!rule) rules.set(index, (rule = inventoryRule(index)));
  return [rule];
}

/** The fields of an entry whose hover tells what the entry revokes. */
const ENTRY_HOVER_KEYS = new Set(['kind', 'serialNumber', 'group', 'dns', 'ip', 'notBefore']);

/** What the hovered entry revokes (and, on notBefore, what it keeps); undefined elsewhere or while the inventory is empty. */
export function inventoryHoverMarkdown(
  file: FileModel,
  target: HoverTarget,
  inventory: InventoryContext | undefined,
): string | undefined {
  if (!inventory || inventory.snapshot.certificates.length === 0) return undefined;
  if (target.scope !== 'entry' || !target.entry || !ENTRY_HOVER_KEYS.has(target.key)) return undefined;
  const result = matchFile(file, matchIndexFor(inventory.snapshot));
  const match = result.entries.find((candidate) => candidate.entry === target.entry);
  if (!match) return undefined;
  const matches = entryMatchesMarkdown(result, match, { limit: HOVER_MATCH_LIMIT, displayPath: inventory.displayPath });
  if (target.key !== 'notBefore' || !match.target.ok) return matches;
  return `**notBefore and the inventory**\n\n${notBeforeEffectMarkdown(match)}\n\n${matches}`;
}

/**
 * Over each manifest a "Preview revocation" lens; over each entry its count ("revokes 3
 * certificates"), once the inventory holds a certificate. Each runs the preview command with
 * `[{document}]` or `[{document, index}]` (the host puts the document's URI first).
 */
export function getCodeLenses(file: FileModel, inventory: InventoryContext | undefined): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const manifest of file.manifests) {
    const start = manifest.root.range?.[0] ?? manifest.document.start;
    const at = file.lineIndex.range(start, start);
    const ref: Partial<PreviewEntryRef> = { document: manifest.manifestIndex };
    lenses.push({ range: at, title: 'Preview revocation', command: { id: PREVIEW_COMMAND_ID, arguments: [ref] } });
  }
  if (inventory && inventory.snapshot.certificates.length > 0 && file.manifests.length > 0) {
    const result = matchFile(file, matchIndexFor(inventory.snapshot));
    for (const counts of allEntryCounts(result)) {
      if (counts.end <= counts.start) continue;
      const ref: PreviewEntryRef = { document: counts.document, index: counts.index };
      lenses.push({
        range: file.lineIndex.range(counts.start, counts.start),
        title: counts.title,
        command: { id: PREVIEW_COMMAND_ID, arguments: [ref] },
      });
    }
  }
  return lenses;
}

export interface EntryLocation {
  /** 1-based line of the entry's first line. */
  line: number;
  /** Its value field's value (or kind, or the entry). */
  anchor: Range;
}

/** Where each previewed entry sits in the file, in the preview's order. */
export function entryLocations(file: FileModel, entries: readonly PreviewEntryRef[]): EntryLocation[] {
  return entries.map(({ document, index }) => {
    const entry = file.manifests[document]?.entries[index];
    if (!entry) return { line: 0, anchor: file.lineIndex.range(0, 0) };
    return {
      line: file.lineIndex.positionAt(entry.start).line + 1,
      anchor: file.lineIndex.range(entry.anchorStart, entry.anchorEnd),
    };
  });
}
