// What the editor shows of one entry's matches: the numbers of its code lens, the Markdown of its
// hover (its matches up to a limit, then "and N more"), and what its notBefore keeps and revokes.
// Plain data and Markdown strings: the hover and code lens features place them.
import type { CertificateSource } from '../inventory/inventory';
import type { EntryMatch, MatchResult } from './matcher';
import { inlineCode } from '../text/inlineCode';
import { plural } from '../text/plural';
import { FUTURE_CERTIFICATES_REFUSED } from './previewWarnings';

/** The entry whose text contains the offset, or undefined. A scan: 10,000 entries take microseconds, and empty entries have no range to search by. */
export function entryMatchAt(result: MatchResult, offset: number): EntryMatch | undefined {
  return result.entries.find(({ entry }) => entry.end > entry.start && offset >= entry.start && offset <= entry.end);
}

export interface EntryCounts {
  document: number;
  index: number;
  /** The entry's text, for placing a lens over it. */
  start: number;
  end: number;
  /** False when the entry cannot match anything (invalid kind, value or notBefore). */
  valid: boolean;
  /** Every certificate it matches, not revocable ones included. */
  matches: number;
  /** Of those, the ones it revokes. */
  revokes: number;
  /** Of those, kubelet serving certificates, which cannot be revoked. */
  notRevocable: number;
  ca: number;
  /** A lens title: `revokes 3 certificates (1 CA)`. */
  title: string;
}

function countsTitle(match: EntryMatch, revokes: number): string {
  if (!match.target.ok) return 'matches nothing (invalid entry)';
  if (match.matches.length === 0) return 'matches no certificate of the inventory';
  const details: string[] = [];
  if (match.ca > 0) details.push(plural(match.ca, 'CA'));
  if (match.notRevocable > 0) details.push(`${match.notRevocable} not revocable`);
  const head = `revokes ${plural(revokes, 'certificate')}`;
  return details.length > 0 ? `${head} (${details.join(', ')})` : head;
}

export function entryCounts(match: EntryMatch): EntryCounts {
  const revokes = match.matches.length - match.notRevocable;
  return {
    document: match.document,
    index: match.index,
    start: match.entry.start,
    end: match.entry.end,
    valid: match.target.ok,
    matches: match.matches.length,
    revokes,
    notRevocable: match.notRevocable,
    ca: match.ca,
    title: countsTitle(match, revokes),
  };
}

/** One `EntryCounts` per entry of the file, in file order: the numbers the code lenses show. */
export function allEntryCounts(result: MatchResult): EntryCounts[] {
  return result.entries.map(entryCounts);
}

export interface NotBeforeEffect {
  /** Certificates the value matches that were issued before notBefore: revoked (or not revocable). */
  revokes: number;
  /** Certificates the value matches that were issued at or after notBefore: kept. */
  keeps: number;
}

/** What the entry's notBefore does to the certificates its value matches; undefined when invalid. */
export function notBeforeEffect(match: EntryMatch): NotBeforeEffect | undefined {
  if (!match.target.ok) return undefined;
  return { revokes: match.matches.length, keeps: match.candidates - match.matches.length };
}

/** The hover line about notBefore's effect on the inventory. */
export function notBeforeEffectMarkdown(match: EntryMatch): string {
  if (!match.target.ok) return `Matches nothing: ${match.target.reason}`;
  const effect = notBeforeEffect(match);
  if (!effect) return '';
  if (match.target.notBeforeCutoff === undefined) {
    return `No notBefore: every matching certificate is revoked (${effect.revokes} in the inventory), and ${FUTURE_CERTIFICATES_REFUSED}.`;
  }
  return `Of the ${plural(match.candidates, 'inventory certificate')} the value matches, notBefore keeps ${effect.keeps} (issued at or after it) and revokes ${effect.revokes} (issued before it).`;
}

export interface HoverOptions {
  /** Matches listed before "and N more" (default 10). */
  limit?: number;
  /** How to show a source path (the server makes workspace paths relative); default as is. */
  displayPath?: (path: string) => string;
}

function sourceText(sources: readonly CertificateSource[], displayPath: (path: string) => string): string {
  if (sources.length === 0) return '';
  const first = displayPath(sources[0].path);
  return sources.length > 1
    ? `${inlineCode(first)} and ${plural(sources.length - 1, 'other place')}`
    : inlineCode(first);
}

/** Markdown of what an entry revokes: a summary line, then its matches up to the limit, then "and N more". */
export function entryMatchesMarkdown(result: MatchResult, match: EntryMatch, options: HoverOptions = {}): string {
  const limit = options.limit ?? 10;
  const displayPath = options.displayPath ?? ((path: string) => path);
  if (!match.target.ok) return `**Matches nothing**: ${match.target.reason}`;
  const counts = entryCounts(match);
  const scanned = result.index.certificates.length;
  if (counts.matches === 0) {
    return `**Matches none of the ${plural(scanned, 'certificate')} of the inventory.** Certificates outside the inventory may still match.`;
  }
  const lines = [`**This entry ${counts.title}** of the ${plural(scanned, 'certificate')} in the inventory:`, ''];
  const shown = Math.min(limit, match.matches.length);
  for (let i = 0; i < shown; i++) {
    const ordinal = match.matches[i];
    const { certificate, sources } = result.index.certificates[ordinal];
    const tags: string[] = [];
    if (certificate.isCA) tags.push('**CA**');
    if (result.index.kubeletServing[ordinal]) tags.push('**not revocable** (kubelet serving certificate)');
    const where = sourceText(sources, displayPath);
    lines.push(
      `- ${inlineCode(certificate.subject)}${tags.length ? ` ${tags.join(' ')}` : ''} serial ${inlineCode(certificate.serialNumber)}, ` +
        `issued ${certificate.notBefore}${where ? `, in ${where}` : ''}`,
    );
  }
  if (match.matches.length > shown) lines.push(`- and ${match.matches.length - shown} more`);
  if (match.target.notBeforeCutoff !== undefined && match.candidates > match.matches.length) {
    lines.push(
      '',
      `notBefore keeps ${plural(match.candidates - match.matches.length, 'other matching certificate')} (issued at or after it).`,
    );
  }
  if (match.target.notBeforeCutoff === undefined && match.target.kind !== 'serialnumber')
    lines.push('', `No notBefore: ${FUTURE_CERTIFICATES_REFUSED}.`);
  return lines.join('\n');
}
