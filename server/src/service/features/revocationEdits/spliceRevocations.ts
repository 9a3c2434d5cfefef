// The one edit every revocation change is made of: in one manifest's `spec.revocations`, remove
// `deleteCount` entries at `start` and put new entries there (append: start = the entry count,
// deleteCount = 0). Made on the CST, so comments, blank lines, quoting and the order of everything
// else stay as written; the answer is the new text and the single text edit that reaches it, for
// an editor to apply as one undoable change. Reused by every feature that writes entries.
import { CST, Parser } from 'yaml';
import type { ManifestModel } from '../../manifest/manifestModel';
import type { FileModel } from '../../parse/fileModel';
import { lineBreakOf } from '../../rules/entryEdits';
import type { OffsetEdit } from '../../rules/ruleTypes';
import { draftsYaml, type RevocationEntryDraft } from './entryDraft';
import { revocationsCst, tokensText } from './revocationsCst';

export type SpliceResult = { ok: true; text: string; edit: OffsetEdit } | { ok: false; reason: string };

type SeqItem = CST.BlockSequence['items'][number];

/** The column of the token at `offset` in `source`. */
function columnAt(source: string, offset: number): number {
  const lineStart = Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf('\r', offset - 1)) + 1;
  return offset - lineStart;
}

/** The sequence items of `drafts`, written at `column`, ready to go into a block sequence. */
function draftItems(drafts: readonly RevocationEntryDraft[], column: number, lineBreak: string): SeqItem[] {
  const parsed = [...new Parser().parse(draftsYaml(drafts, column, lineBreak).replace(/\r(?!\n)/g, '\n'))];
  const document = parsed.find((token): token is CST.Document => token.type === 'document');
  if (!document?.value || document.value.type !== 'block-seq') return [];
  const items = document.value.items;
  // The first item's indentation is the document's, not the item's: give it back to the item.
  if (items.length > 0) items[0] = { ...items[0], start: [...document.start, ...items[0].start] };
  return items;
}

/** The smallest single edit from `before` to `after`. */
export function singleEdit(before: string, after: string): OffsetEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

/** The seq's items' column: its first `-`. */
function sequenceColumn(source: string, sequence: CST.BlockSequence): number | undefined {
  const dash = sequence.items[0]?.start.find((token) => token.type === 'seq-item-ind');
  return dash && 'offset' in dash ? columnAt(source, dash.offset) : undefined;
}

function spliceBlockSequence(
  source: string,
  sequence: CST.BlockSequence,
  start: number,
  deleteCount: number,
  drafts: readonly RevocationEntryDraft[],
  lineBreak: string,
): boolean {
  const column = sequenceColumn(source, sequence);
  if (column === undefined) return false;
  const items = draftItems(drafts, column, lineBreak);
  if (items.length !== drafts.length) return false;
  if (deleteCount > 0 && items.length > 0) {
    // The first new entry takes the place of the first removed one, with the comments and
    // indentation written before it.
    items[0] = { ...items[0], start: sequence.items[start].start };
  } else if (start > 0 && items.length > 0) {
    // After an entry whose last line has no line break (the end of the file), start a new line.
    if (!/[\r\n]$/.test(CST.stringify(sequence.items[start - 1])))
      items[0] = {
        ...items[0],
        start: [{ type: 'newline', offset: 0, indent: 0, source: lineBreak }, ...items[0].start],
      };
  }
  sequence.items.splice(start, deleteCount, ...items);
  return true;
}

/** `revocations:` with nothing, `null` or `[]` after it: the new entries become its block sequence. */
function fillEmptyRevocations(
  source: string,
  pair: CST.BlockMap['items'][number],
  drafts: readonly RevocationEntryDraft[],
  lineBreak: string,
): boolean {
  const value = pair.value;
  const empty =
    !value ||
    (value.type === 'flow-collection' && value.items.length === 0 && value.start.source === '[') ||
    (value.type === 'scalar' && /^(null|~|)$/i.test(value.source));
  const key = pair.key;
  if (!empty || !key || !('offset' in key)) return false;
  const items = draftItems(drafts, columnAt(source, key.offset), lineBreak);
  if (items.length === 0) return false;
  const indicator = pair.sep?.find((token) => token.type === 'map-value-ind');
  if (!indicator) return false;
  pair.sep = [indicator, { type: 'newline', offset: 0, indent: 0, source: lineBreak }];
  pair.value = { type: 'block-seq', offset: 0, indent: 0, items };
  return true;
}

/**
 * Removes `deleteCount` entries at `start` of the manifest's `spec.revocations` and writes
 * `drafts` in their place. Refused (with the reason) for shapes that cannot be edited in place:
 * JSON, a flow-style `spec` or list with entries, no `spec.revocations` at all.
 */
export function spliceRevocations(
  file: FileModel,
  manifest: ManifestModel,
  start: number,
  deleteCount: number,
  drafts: readonly RevocationEntryDraft[],
): SpliceResult {
  // The model reads a lone CR as a line break; so must the CST (same length: offsets hold).
  const source = file.text.includes('\r') ? file.text.replace(/\r(?!\n)/g, '\n') : file.text;
  const lineBreak = lineBreakOf(file.text);
  const cst = revocationsCst(source, manifest, file.documents.length);
  if (!cst) return { ok: false, reason: 'the manifest is not written as block YAML (JSON or flow style)' };
  if (!cst.pair) return { ok: false, reason: 'the manifest has no spec.revocations to add entries to' };
  const value = cst.pair.value;
  if (value?.type === 'block-seq') {
    if (start < 0 || start + deleteCount > value.items.length)
      return { ok: false, reason: 'the entries to replace are not in spec.revocations' };
    if (!spliceBlockSequence(source, value, start, deleteCount, drafts, lineBreak))
      return { ok: false, reason: 'spec.revocations could not be read as a block list' };
  } else if (deleteCount > 0 || !fillEmptyRevocations(source, cst.pair, drafts, lineBreak)) {
    return { ok: false, reason: 'spec.revocations is written in flow style ([…]): write it as a block list (- …)' };
  }
  const edited = tokensText(cst.tokens);
  const edit = singleEdit(source, edited);
  return { ok: true, text: file.text.slice(0, edit.start) + edit.newText + file.text.slice(edit.end), edit };
}
