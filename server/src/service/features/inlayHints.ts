// Inlay hints after each entry's value, from the inventory: after a serial number, the certificate
// it matches (its CN and expiry) or "not in the inventory"; after a group, DNS name or IP, the
// count the entry's code lens gives ("revokes 3 certificates (1 CA)"). Only the entries of the
// requested range are matched (entriesBetween), each through the index on its own.
import type { FileModel } from '../parse/fileModel';
import { entryCounts } from '../match/entryInfo';
import { matchEntry, type EntryMatch } from '../match/matcher';
import { matchIndexFor, type MatchIndex } from '../match/matchIndex';
import { plural } from '../text/plural';
import type { Position, Range } from '../types';
import { entriesBetween } from './entriesInRange';
import type { InventoryContext } from './inventoryContext';

export interface InlayHint {
  /** Just after the entry's value. */
  position: Position;
  label: string;
  /** Markdown: what the label abbreviates. */
  tooltip: string;
}

/** Counts what a request did, for tests that check only the requested range is computed. */
export interface InlayHintStats {
  /** Entries matched against the inventory, over every request. */
  entriesMatched: number;
}

/** The date part of a summary time (`2031-01-01T00:00:00Z` → `2031-01-01`). */
function day(iso: string): string {
  return iso.slice(0, 10);
}

function certificateLabel(index: MatchIndex, ordinal: number, now: Date): string {
  const { certificate } = index.certificates[ordinal];
  const name = certificate.commonName ?? certificate.subject;
  const expired = Date.parse(certificate.notAfter) <= now.getTime();
  const tags: string[] = [];
  if (index.ca[ordinal]) tags.push('CA');
  if (index.kubeletServing[ordinal]) tags.push('not revocable');
  return `${name}, ${expired ? 'expired' : 'expires'} ${day(certificate.notAfter)}${tags.length ? ` (${tags.join(', ')})` : ''}`;
}

function serialLabel(match: EntryMatch, index: MatchIndex, now: Date): string {
  if (match.matches.length === 1) return certificateLabel(index, match.matches[0], now);
  if (match.matches.length > 1) return entryCounts(match).title;
  if (match.candidates > 0)
    return `revokes nothing: notBefore keeps ${plural(match.candidates, 'matching certificate')}`;
  return 'not in the inventory';
}

function hintFor(match: EntryMatch, index: MatchIndex, now: Date): { label: string; tooltip: string } | undefined {
  if (!match.target.ok) return undefined;
  if (match.target.kind === 'serialnumber') {
    const label = serialLabel(match, index, now);
    return {
      label,
      tooltip:
        match.matches.length === 0 && match.candidates === 0
          ? `No certificate of the inventory (${plural(index.certificates.length, 'certificate')}) has this serial number.`
          : `This entry ${entryCounts(match).title} of the inventory.`,
    };
  }
  const title = entryCounts(match).title;
  return {
    label: title,
    tooltip: `This entry ${title} of the ${plural(index.certificates.length, 'certificate')} in the inventory.`,
  };
}

/**
 * The hints of the entries whose value ends in the range; none while the inventory is empty (as
 * with the code lenses: "not in the inventory" would only mean the scan has not finished).
 */
export function getInlayHints(
  file: FileModel,
  range: Range,
  inventory: InventoryContext | undefined,
  now: Date,
  stats?: InlayHintStats,
): InlayHint[] {
  if (!inventory || inventory.snapshot.certificates.length === 0 || file.manifests.length === 0) return [];
  const index = matchIndexFor(inventory.snapshot);
  const start = file.lineIndex.offsetAt(range.start);
  const end = file.lineIndex.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const { manifest, entry } of entriesBetween(file, start, end)) {
    const field = entry.valueField;
    if (!field || field.valueEnd < start || field.valueEnd > end) continue;
    if (stats) stats.entriesMatched++;
    const hint = hintFor(matchEntry(index, manifest, entry), index, now);
    if (hint) hints.push({ position: file.lineIndex.positionAt(field.valueEnd), ...hint });
  }
  return hints;
}
