// The entries of a manifest grouped by kind and normalised value, kept per manifest across
// versions: after a keystroke the incremental parse (parse/incremental.ts) keeps the manifest's
// model and replaces one entry in it, so only the replaced entries move between groups instead of
// every entry being keyed again (about 130 ms for 100,000 entries). A manifest read afresh, or
// whose entries changed in number or in many places, is grouped from scratch.
import type { EntryKind, EntryModel, ManifestModel } from '../manifest/manifestModel';
import { differingIndices } from './replacedEntries';

/** An entry's kind and normalised value; undefined when it takes part in no group. */
export type GroupKey = (entry: EntryModel) => { kind: EntryKind; value: string } | undefined;

interface Grouping {
  keyOf: GroupKey;
  /** The manifest's entries when the grouping was last brought up to date. */
  entries: EntryModel[];
  /** Every keyed entry, by kind and value, in the manifest's order. */
  byKey: Map<EntryKind, Map<string, EntryModel[]>>;
  /** The groups of two entries or more. */
  repeated: Set<EntryModel[]>;
  /** `repeated` in the order `repeatedEntries` gives, until a group comes, goes or changes its second entry's place. */
  sorted: EntryModel[][] | undefined;
}

const groupings = new WeakMap<ManifestModel, Grouping>();

function groupOf(grouping: Grouping, entry: EntryModel): EntryModel[] | undefined {
  const key = grouping.keyOf(entry);
  if (!key) return undefined;
  let ofKind = grouping.byKey.get(key.kind);
  if (!ofKind) grouping.byKey.set(key.kind, (ofKind = new Map<string, EntryModel[]>()));
  let group = ofKind.get(key.value);
  if (!group) ofKind.set(key.value, (group = []));
  return group;
}

function fresh(manifest: ManifestModel, keyOf: GroupKey): Grouping {
  const grouping: Grouping = {
    keyOf,
    entries: manifest.entries.slice(),
    byKey: new Map(),
    repeated: new Set(),
    sorted: undefined,
  };
  for (const entry of manifest.entries) {
    const group = groupOf(grouping, entry);
    if (!group) continue;
    group.push(entry);
    if (group.length === 2) grouping.repeated.add(group);
  }
  return grouping;
}

/** Moves the entry at `index` from the group of `old` to that of the entry there now. */
function replace(grouping: Grouping, index: number, old: EntryModel, entry: EntryModel): void {
  const before = groupOf(grouping, old);
  const after = groupOf(grouping, entry);
  // Where the groups stand in `sorted` (by their second entry) before the move.
  const beforeSecond = secondIndex(before);
  const afterSecond = secondIndex(after);
  const at = before ? before.indexOf(old) : -1;
  if (before && at !== -1) {
    before.splice(at, 1);
    if (before.length < 2) grouping.repeated.delete(before);
  }
  if (after) insert(grouping, after, index, entry);
  if (secondIndex(before) !== beforeSecond || secondIndex(after) !== afterSecond) grouping.sorted = undefined;
}

/** The index of a group's second entry (where it stands in `sorted`); -1 when it is not repeated. */
function secondIndex(group: EntryModel[] | undefined): number {
  return group && group.length >= 2 ? group[1].index : -1;
}

function insert(grouping: Grouping, after: EntryModel[], index: number, entry: EntryModel): void {
  // In the manifest's order: after the entries of the group that come before `index`.
  let low = 0;
  let high = after.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (after[mid].index < index) low = mid + 1;
    else high = mid;
  }
  after.splice(low, 0, entry);
  if (after.length >= 2) grouping.repeated.add(after);
}

function upToDate(manifest: ManifestModel, keyOf: GroupKey): Grouping {
  const known = groupings.get(manifest);
  const entries = manifest.entries;
  if (known && known.keyOf === keyOf && known.entries.length === entries.length) {
    const replaced = differingIndices(known.entries, entries);
    if (replaced) {
      for (const i of replaced) {
        replace(known, i, known.entries[i], entries[i]);
        known.entries[i] = entries[i];
      }
      return known;
    }
  }
  const grouping = fresh(manifest, keyOf);
  groupings.set(manifest, grouping);
  return grouping;
}

/**
 * The groups of entries of `manifest` with the same key, each in the manifest's order, ordered by
 * where their second entry stands (the order in which one pass over the entries meets them).
 * `keyOf` must be the same function on every call for a manifest, and neither the list nor its
 * groups be changed: both are kept for the next call.
 */
export function repeatedEntries(manifest: ManifestModel, keyOf: GroupKey): readonly (readonly EntryModel[])[] {
  const grouping = upToDate(manifest, keyOf);
  // Sorted again only when the order may have changed: most keystrokes leave it as it was.
  grouping.sorted ??= [...grouping.repeated].sort((a, b) => a[1].index - b[1].index);
  return grouping.sorted;
}
