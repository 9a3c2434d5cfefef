// The outline: one node per RenewRevocation manifest (a document, or a List item), named by
// `metadata.name`, one child per entry named by its kind and value, with its `notBefore` as
// detail. Computed once per model.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { VALUE_FIELDS, type EntryModel, type FieldRef, type ManifestModel } from '../manifest/manifestModel';
import { memo, type FileModel } from '../parse/fileModel';
import type { DocumentSymbol } from '../types';
import { isEmptyValue } from './locate';

/** Where a node's text ends: its last value written, without the line breaks that follow it. */
export function contentEnd(node: unknown, fallback: number): number {
  let current: unknown = node;
  // Walks down the last items only: as deep as the nesting, never across the file.
  for (let depth = 0; depth < 64; depth++) {
    if (isMap(current)) {
      const pair = current.items[current.items.length - 1];
      if (!pair) return current.range?.[1] ?? fallback;
      // `key:` with nothing after it ends where its (empty) value sits, after the colon.
      if (isEmptyValue(pair.value))
        return (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node | null)?.range?.[1] ?? fallback;
      current = pair.value;
    } else if (isSeq(current)) {
      const item = current.items[current.items.length - 1];
      if (item === undefined) return current.range?.[1] ?? fallback;
      current = item;
    } else {
      return (current as Node | null)?.range?.[1] ?? fallback;
    }
  }
  return fallback;
}

/** A range for the outline: the selection must lie inside the whole, or the editor refuses the symbol. */
function ranges(
  file: FileModel,
  start: number,
  end: number,
  selectionStart: number,
  selectionEnd: number,
): Pick<DocumentSymbol, 'range' | 'selectionRange'> {
  const inside = selectionStart >= start && selectionEnd <= end && selectionStart <= selectionEnd;
  return {
    range: file.lineIndex.range(start, end),
    selectionRange: inside ? file.lineIndex.range(selectionStart, selectionEnd) : file.lineIndex.range(start, start),
  };
}

function text(field: FieldRef | undefined): string | undefined {
  if (!field || field.value === null || field.value === undefined || typeof field.value === 'object') return undefined;
  const written = typeof field.value === 'string' ? field.value : (field.source ?? String(field.value));
  return written === '' ? undefined : written;
}

function entrySymbol(file: FileModel, entry: EntryModel): DocumentSymbol {
  const valueField =
    entry.valueField ?? entry.fields.find((field) => (VALUE_FIELDS as readonly string[]).includes(field.key));
  const kind = entry.kind ?? text(entry.kindField) ?? 'entry';
  const value = text(valueField);
  const end = Math.max(entry.start, contentEnd(entry.node, entry.start));
  const selection = valueField ?? entry.kindField;
  const notBefore = text(entry.notBefore);
  return {
    name: value === undefined ? kind : `${kind} ${value}`,
    detail: notBefore ?? 'no notBefore',
    kind: 'object',
    ...ranges(file, entry.start, end, selection?.valueStart ?? entry.start, selection?.valueEnd ?? entry.start),
  };
}

function topLevelValue(manifest: ManifestModel, path: readonly string[]): Node | undefined {
  let node: unknown = manifest.root;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    node = node.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.value;
  }
  return isScalar(node) ? node : undefined;
}

function manifestSymbol(file: FileModel, manifest: ManifestModel): DocumentSymbol {
  const root = manifest.root;
  const start = root.range?.[0] ?? manifest.document.start;
  const end = Math.max(start, contentEnd(root, start));
  const nameNode = topLevelValue(manifest, ['metadata', 'name']);
  const name =
    isScalar(nameNode) && typeof nameNode.value === 'string' && nameNode.value !== '' ? nameNode.value : undefined;
  const selectionNode =
    name !== undefined ? nameNode : (topLevelValue(manifest, ['kind']) ?? topLevelValue(manifest, ['apiVersion']));
  const [selectionStart, selectionEnd] = selectionNode?.range ?? [start, start];
  const count = manifest.entries.length;
  return {
    name: name ?? 'RenewRevocation',
    detail: `${count} ${count === 1 ? 'revocation' : 'revocations'}`,
    kind: 'module',
    ...ranges(file, start, end, selectionStart, selectionEnd),
    children: manifest.entries.map((entry) => entrySymbol(file, entry)),
  };
}

export function findDocumentSymbols(file: FileModel): DocumentSymbol[] {
  return memo(file, 'documentSymbols', () => file.manifests.map((manifest) => manifestSymbol(file, manifest)));
}
