// Incremental re-parsing: a small edit inside one revocation entry (of a manifest, or of a List
// item) re-parses that entry's lines alone and splices the new nodes into the previous model,
// instead of parsing a 10,000-entry manifest again (bench/README.md). Whenever an edit could
// change anything outside the entry (a line break, indentation, anchors and aliases, tags, an
// entry that stops being one mapping item), it falls back to a full parse: the result must always
// equal what `parseFile` makes of the same text, and a property test holds it to that. What
// follows the edit moves with it: the entries' models and every node outside the entries at
// once, the entries' own nodes when first read (staleEntries.ts), so a keystroke does not walk
// the nodes of every later entry.
import { isMap, isNode, isPair, isSeq, parseDocument, type Node } from 'yaml';
import type { EntryModel, FieldRef, ManifestModel } from '../manifest/manifestModel';
import { readEntry } from './readManifest';
import { carriedMemos, manifestAt, parseFile, type FileModel } from './fileModel';
import { documentsAsTheyAre, manifestsAsTheyAre, moveTree, settlingModel } from './staleEntries';

/** One change as the editor sends it: offsets into the text before this change. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/**
 * The model of `text`, reached from `previous` by `changes` (applied in order). Takes ownership
 * of `previous`: its syntax tree may be reused and shifted in place, so the caller must not use
 * the previous model afterwards.
 */
export function updateFile(previous: FileModel, changes: readonly TextChange[], text: string): FileModel {
  if (changes.length === 1 && previous.languageId === 'yaml') {
    const updated = spliceEntry(previous, changes[0], text);
    if (updated) return updated;
  }
  return parseFile(text, previous.languageId);
}

// Characters whose meaning reaches beyond one entry: anchors and aliases, tags, directives and
// line breaks. An edit that adds or removes any of them goes the slow, certain way.
const STRUCTURAL = /[\r\n&*!%]/;
const LONE_CR = /\r(?!\n)/;

function spliceEntry(previous: FileModel, change: TextChange, text: string): FileModel | undefined {
  const removed = previous.text.slice(change.start, change.end);
  if (STRUCTURAL.test(removed) || STRUCTURAL.test(change.text)) return undefined;
  // Read as they are: reading `previous.documents` would move the entries' nodes it leaves behind.
  const documents = documentsAsTheyAre(previous);
  const docIndex = documents.findIndex((doc) => change.start >= doc.start && change.end <= doc.end);
  const document = documents[docIndex];
  const manifest = document && manifestAt(document, change.start);
  if (!document || !manifest || document.errors.length > 0 || document.yaml.warnings.length > 0) return undefined;
  const entry = entryContaining(manifest.entries, change);
  if (!entry || !isSeq(manifest.revocationsField?.node)) return undefined;

  // The entry's lines run from its `- ` line to the line where the next entry starts: that way
  // the fragment ends where the full parse ends the entry (trailing blank and comment lines
  // included). The last entry borders on whatever follows the list, so it takes the full parse.
  const next = manifest.entries[entry.index + 1];
  if (!next) return undefined;
  const oldLines = previous.lineIndex;
  const itemStart = oldLines.lineStartOf(entry.start);
  const oldItemEnd = oldLines.lineStartOf(next.start);
  if (oldItemEnd <= change.end) return undefined;
  const oldItemText = previous.text.slice(itemStart, oldItemEnd);
  if (STRUCTURAL.test(oldItemText.replace(/\r?\n/g, ''))) return undefined;
  // Only indentation-free edits: the edit must not touch a line's leading white space.
  const editLineStart = oldLines.lineStartOf(change.start);
  if (previous.text.slice(editLineStart, change.start).trim() === '') return undefined;

  const delta = change.text.length - (change.end - change.start);
  const newItemEnd = oldItemEnd + delta;
  const itemText = text.slice(itemStart, newItemEnd);
  // Typing between a CR and its LF leaves a lone CR, a line break to parseFile (as to YAML): the
  // fragment parse would not see it, so the full parse decides.
  if (LONE_CR.test(itemText)) return undefined;
  const fragment = parseDocument(itemText, { prettyErrors: false, keepSourceTokens: false, uniqueKeys: true });
  if (fragment.errors.length > 0 || fragment.warnings.length > 0) return undefined;
  const sequence = fragment.contents;
  if (!isSeq(sequence) || sequence.items.length !== 1) return undefined;
  const newEntry = sequence.items[0] as Node;
  const [seqStart] = sequence.range ?? [0];
  const [fragmentStart] = newEntry.range ?? [0];
  // The item must start where the old one did, on the fragment's first line.
  if (fragmentStart + itemStart !== entry.start || lineStart(itemText, seqStart) !== 0) return undefined;

  // Move everything after the edit, in this document and the following ones, then put the new
  // entry (in absolute offsets) in place of the old. The previous model is ours: its nodes,
  // entries and fields are moved in place, so per-field caches (parsed values) stay warm. The
  // entries' own nodes are left behind, to be moved when something reads them (staleEntries.ts).
  const shift = (position: number) => (position >= change.end ? position + delta : position);
  const stale = previous.staleEntries?.from ?? new Map<ManifestModel, number>();
  const markStale = (manifest: ManifestModel, from: number) => {
    if (from < manifest.entries.length) stale.set(manifest, Math.min(from, stale.get(manifest) ?? from));
  };
  for (let i = docIndex; i < documents.length; i++) {
    const document = documents[i];
    const lists = new Set<unknown>(document.manifests.map((each) => each.revocationsField?.node));
    shiftOutsideEntries(document.yaml.contents, change.end, delta, lists);
    shiftRange(document.yaml.range, shift);
    document.start = shift(document.start);
    document.end = shift(document.end);
    for (const error of document.errors) {
      error.start = shift(error.start);
      error.end = shift(error.end);
    }
    // In the edited document, the List items before the edited one lie wholly before the edit.
    const firstManifest = i === docIndex ? document.manifests.indexOf(manifest) : 0;
    for (let m = firstManifest; m < document.manifests.length; m++) {
      const shiftedManifest = document.manifests[m];
      if (shiftedManifest.revocationsField) shiftField(shiftedManifest.revocationsField, shift);
      const firstMoved = shiftedManifest === manifest ? entry.index + 1 : 0;
      const entries = shiftedManifest.entries;
      for (let k = firstMoved; k < entries.length; k++) moveEntry(entries[k], delta, shift);
      markStale(shiftedManifest, firstMoved);
    }
  }
  moveTree(newEntry, itemStart);
  manifest.revocationsField.node.items[entry.index] = newEntry;
  manifest.entries[entry.index] = readEntry(newEntry, entry.index);

  return settlingModel(
    {
      text,
      languageId: previous.languageId,
      lineIndex: previous.lineIndex.shifted(text, change.start, delta),
      cache: new Map(),
      splice: {
        previousCache: carriedMemos(previous),
        start: itemStart,
        removed: oldItemText,
        inserted: itemText,
        delta,
      },
    },
    { documents, manifests: manifestsAsTheyAre(previous), from: stale },
  );
}

/** The entry whose text holds the whole change (binary search over entry offsets). */
function entryContaining(entries: readonly EntryModel[], change: TextChange): EntryModel | undefined {
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const entry = entries[mid];
    if (change.start < entry.start) high = mid - 1;
    else if (change.start > entry.end) low = mid + 1;
    else return change.start > entry.start && change.end <= entry.end && entry.fields.length > 0 ? entry : undefined;
  }
  return undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

type Shift = (position: number) => number;

function shiftRange(range: [number, number, number] | undefined | null, shift: Shift): void {
  if (!range) return;
  range[0] = shift(range[0]);
  range[1] = shift(range[1]);
  range[2] = shift(range[2]);
}

/**
 * Adds `delta` to every position at or after `from` in a syntax tree, except inside the revocation
 * lists `lists` (their entries' nodes are moved later, see staleEntries.ts). Subtrees that end
 * before `from` are skipped whole.
 */
function shiftOutsideEntries(node: unknown, from: number, delta: number, lists: ReadonlySet<unknown>): void {
  if (isPair(node)) {
    shiftOutsideEntries(node.key, from, delta, lists);
    shiftOutsideEntries(node.value, from, delta, lists);
    return;
  }
  if (!isNode(node)) return;
  const range = node.range;
  if (range) {
    if (range[2] < from) return;
    if (range[0] >= from) range[0] += delta;
    if (range[1] >= from) range[1] += delta;
    range[2] += delta;
  }
  if ((isMap(node) || isSeq(node)) && !lists.has(node))
    for (const item of node.items) shiftOutsideEntries(item, from, delta, lists);
}

function shiftField(field: FieldRef, shift: Shift): void {
  field.keyStart = shift(field.keyStart);
  field.keyEnd = shift(field.keyEnd);
  field.valueStart = shift(field.valueStart);
  field.valueEnd = shift(field.valueEnd);
}

/** Moves an entry that lies wholly after the edit, all but its nodes. */
function moveEntry(entry: EntryModel, delta: number, shift: Shift): void {
  entry.start += delta;
  entry.end += delta;
  entry.anchorStart += delta;
  entry.anchorEnd += delta;
  // kindField, valueField, notBefore and description are among the fields.
  for (const field of entry.fields) {
    field.keyStart += delta;
    field.keyEnd += delta;
    field.valueStart += delta;
    field.valueEnd += delta;
  }
  // The entry's lines and columns stay as they were (no line break was added or removed): its
  // findings keep their ranges, and only their offsets move (a finding may point before the entry).
  entry.findingsMemo?.shift(shift);
}
