// duplicate-entry: two entries of one manifest with the same kind and the same value after
// normalisation (serial canonical form, DNS name lowercased without its trailing dot, IP address
// under its equality key, group exactly), whatever their `notBefore`. Every later occurrence is
// marked and points at the first; the message says which entry is effective, since a certificate
// is revoked when any entry matches it: one without `notBefore` covers the others, else the
// latest `notBefore` does.
//
// A finding names three entries (the duplicate, the first, the effective one) and nothing else:
// it is kept, keyed by the duplicate's model, while those three are the same models (the
// incremental parse keeps every entry but the edited one), its offsets moved with theirs; a
// group whose entries are all as they were gives its findings without looking any entry up.
import type { EntryModel, ManifestModel } from '../manifest/manifestModel';
import type { FileModel } from '../parse/fileModel';
import { formatIsoUtc } from '../values/time';
import { repeatedEntries, type GroupKey } from './duplicateIndex';
import { removeEntryEdit } from './entryEdits';
import { parsedNotBefore, parsedValue } from './parsedValues';
import type { Finding, Fix, Report, Rule } from './ruleTypes';
import { fieldText, lineNumber, shown } from './valueFields';

export const duplicateRule: Rule = {
  name: 'duplicate',
  meta: [
    {
      code: 'duplicate-entry',
      severity: 'warning',
      title: 'The same kind and value twice.',
      docs: [
        'The same kind and value twice, after normalisation (canonical serial, DNS name in',
        'lower case without its trailing dot, IPv4-mapped IPv6 equal to IPv4, group exactly), whatever',
        'their `notBefore`. Every later occurrence is marked and points at the first; the message says',
        'which one is effective (one without `notBefore`, else the latest `notBefore`). The quick fix',
        'removes the redundant entry, never narrowing what the manifest revokes.',
      ].join('\n'),
    },
  ],
  // A manifest at a time: a duplicate is a relation between its entries.
  create: ({ file }, report) => ({
    manifest: (manifest) => checkManifest(file, manifest, report),
  }),
};

/**
 * The entry's normalised value, among entries of its kind; undefined when its value is invalid
 * (other rules say so). Kept apart from the kind (one map per kind) so that no key is built.
 */
function duplicateKey(entry: EntryModel): string | undefined {
  const parsed = entry.kind && entry.valueField ? parsedValue(entry.valueField) : undefined;
  // The value field is always the entry's own kind's, so the field names the kind.
  switch (parsed?.field) {
    case 'serialNumber':
      return parsed.serial.ok ? parsed.serial.serial.canonical : undefined;
    case 'group':
      return parsed.text === '' ? undefined : parsed.text;
    case 'dns':
      return parsed.dns.ok ? parsed.dns.normalized : undefined;
    case 'ip':
      return parsed.ip.ok ? parsed.ip.key : undefined;
    default:
      return undefined;
  }
}

/**
 * How far back an entry reaches: no `notBefore` reaches everything (Infinity); a valid one, its
 * instant; an invalid one, nothing we can claim (-Infinity, so it is never called effective).
 */
function reach(entry: EntryModel): number {
  if (!entry.notBefore) return Number.POSITIVE_INFINITY;
  const parsed = parsedNotBefore(entry.notBefore);
  return parsed?.ok ? parsed.epochMs : Number.NEGATIVE_INFINITY;
}

/** The entry's kind and normalised value, for grouping (duplicateIndex.ts). */
const groupKey: GroupKey = (entry) => {
  const value = duplicateKey(entry);
  return value === undefined || entry.kind === undefined ? undefined : { kind: entry.kind, value };
};

function checkManifest(file: FileModel, manifest: ManifestModel, report: Report): void {
  for (const group of repeatedEntries(manifest, groupKey)) {
    // A group of the very entries as at the last check: its findings, moved (no entry looked up).
    const record = groupRecords.get(group);
    if (record && sameEntries(record.entries, group)) {
      for (const kept of record.kept) report(moved(kept));
      continue;
    }
    // The first entry of greatest reach: the one that revokes everything the others do.
    const effective = group.reduce((best, entry) => (reach(entry) > reach(best) ? entry : best));
    const [first, ...later] = group;
    const keptOfGroup: KeptDuplicate[] = [];
    for (const entry of later) {
      const kept = keptFinding(entry, first, effective);
      if (kept) report(kept);
      else
        reportDuplicate(file, manifest, entry, first, effective, (finding) =>
          keep(finding, entry, first, effective, report),
        );
      const made = keptDuplicates.get(entry);
      if (made) keptOfGroup.push(made);
    }
    if (keptOfGroup.length === later.length) groupRecords.set(group, { entries: group.slice(), kept: keptOfGroup });
  }
}

/** A group's entries at its last check, and the finding of each of its later entries (in order). */
interface GroupRecord {
  entries: readonly EntryModel[];
  kept: readonly KeptDuplicate[];
}

// Keyed by the group (duplicateIndex.ts keeps each group's array while the manifest's model lives).
const groupRecords = new WeakMap<readonly EntryModel[], GroupRecord>();

function sameEntries(a: readonly EntryModel[], b: readonly EntryModel[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface KeptDuplicate {
  entry: EntryModel;
  finding: Finding;
  first: EntryModel;
  effective: EntryModel;
  /** Where the duplicate and the first entry started when the finding was made. */
  entryStart: number;
  firstStart: number;
  /** Whose entry the quick fix removes. */
  removes: EntryModel;
}

const keptDuplicates = new WeakMap<EntryModel, KeptDuplicate>();

function keep(finding: Finding, entry: EntryModel, first: EntryModel, effective: EntryModel, report: Report): void {
  keptDuplicates.set(entry, {
    entry,
    finding,
    first,
    effective,
    entryStart: entry.start,
    firstStart: first.start,
    removes: removedBy(entry, first, effective),
  });
  report(finding);
}

/** The entry the quick fix removes: the duplicate, unless it is the effective one and reaches further than the first. */
function removedBy(entry: EntryModel, first: EntryModel, effective: EntryModel): EntryModel {
  return entry === effective && reach(entry) > reach(first) ? first : entry;
}

/** The finding made for these three entries earlier, moved to where they are now; undefined when any of them changed. */
function keptFinding(entry: EntryModel, first: EntryModel, effective: EntryModel): Finding | undefined {
  const kept = keptDuplicates.get(entry);
  if (!kept || kept.first !== first || kept.effective !== effective) return undefined;
  return moved(kept);
}

/** The kept finding, moved as far as its duplicate and first entry have moved since. */
function moved(kept: KeptDuplicate): Finding {
  const { entry, first, finding } = kept;
  const entryDelta = entry.start - kept.entryStart;
  const firstDelta = first.start - kept.firstStart;
  if (entryDelta === 0 && firstDelta === 0) return finding;
  finding.start += entryDelta;
  finding.end += entryDelta;
  for (const related of finding.related ?? []) {
    related.start += firstDelta;
    related.end += firstDelta;
  }
  const fixDelta = kept.removes === entry ? entryDelta : firstDelta;
  for (const fix of finding.fixes ?? [])
    for (const edit of fix.edits) {
      edit.start += fixDelta;
      edit.end += fixDelta;
    }
  kept.entryStart = entry.start;
  kept.firstStart = first.start;
  return finding;
}

function effectiveSentence(file: FileModel, entry: EntryModel, effective: EntryModel): string {
  const who =
    effective === entry
      ? 'This entry is the effective one'
      : `The entry at line ${lineNumber(file, effective.anchorStart)} is the effective one`;
  const reachOf = reach(effective);
  if (reachOf === Number.POSITIVE_INFINITY) return `${who}: without \`notBefore\` it revokes everything the others do`;
  return `${who}: its \`notBefore\` (${formatIsoUtc(reachOf)}) is the latest, so it revokes everything the others do`;
}

function reportDuplicate(
  file: FileModel,
  manifest: ManifestModel,
  entry: EntryModel,
  first: EntryModel,
  effective: EntryModel,
  report: Report,
): void {
  const firstLine = lineNumber(file, first.anchorStart);
  const value = entry.valueField ? (fieldText(entry.valueField) ?? '') : '';
  const firstValue = first.valueField ? (fieldText(first.valueField) ?? '') : '';
  const writtenThere = firstValue === value ? '' : ` as ${shown(firstValue)}`;
  const fixes: Fix[] = [];
  // Removing the effective entry would narrow what the manifest revokes: then the first one goes.
  if (removedBy(entry, first, effective) === first) {
    const edit = removeEntryEdit(file, manifest, first);
    if (edit)
      fixes.push({
        title: `Remove the entry at line ${firstLine}, which this one covers`,
        edits: [edit],
        isPreferred: true,
      });
  } else {
    const edit = removeEntryEdit(file, manifest, entry);
    if (edit) fixes.push({ title: 'Remove this duplicate entry', edits: [edit], isPreferred: true });
  }
  report({
    code: 'duplicate-entry',
    start: entry.anchorStart,
    end: entry.anchorEnd,
    message: `Duplicate entry: ${entry.kind} ${shown(value)} is already listed at line ${firstLine}${writtenThere}. ${effectiveSentence(file, entry, effective)}`,
    related: [
      {
        start: first.anchorStart,
        end: first.anchorEnd,
        message: `The first ${entry.kind} entry for ${shown(firstValue)}`,
      },
    ],
    fixes,
  });
}
