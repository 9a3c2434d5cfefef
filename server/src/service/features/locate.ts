// Where an offset sits in the model of one version: its YAML document, its revocation entry, and
// the chain of mappings and lists that enclose it. Every lookup is a binary search or a walk down
// a few levels, never a scan of the file: hover and completion stay cheap on 10,000 entries.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EntryModel, ManifestModel } from '../manifest/manifestModel';
import { lastStartingAtOrBefore } from '../text/binarySearch';
import type { FileModel, YamlDocumentModel } from '../parse/fileModel';
import { childScopeOf, type ObjectScope, type PropertyChild } from './schemaScopes';

/** The YAML document an offset belongs to: the last one starting at or before it (the first when before all). */
export function documentAt(file: FileModel, offset: number): YamlDocumentModel | undefined {
  if (file.documents.length === 0) return undefined;
  const index = lastStartingAtOrBefore(file.documents, offset, (doc) => doc.start);
  return file.documents[Math.max(0, index)];
}

/** The revocation entry whose text holds `offset`, if any. */
export function entryAt(manifest: ManifestModel, offset: number): EntryModel | undefined {
  const index = lastStartingAtOrBefore(manifest.entries, offset, (entry) => entry.start);
  const entry = index >= 0 ? manifest.entries[index] : undefined;
  return entry && offset <= entry.end ? entry : undefined;
}

export function startOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** A scalar with nothing written (`key:` alone), or no node at all. */
export function isEmptyValue(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  return isScalar(node) && node.value === null && (node.source === undefined || node.source === '');
}

/**
 * The scope of a collection that encloses the offset: a schema mapping, the revocation list, a
 * List document and its `items` (whose manifests are `root`s), or anything else.
 */
export type FrameScope = ObjectScope | 'revocations' | 'list' | 'items' | 'other';

export interface MapFrame {
  type: 'map';
  scope: FrameScope;
  node: YAMLMap;
  /** The column of its first key: every key of a block mapping sits there. */
  column: number;
  /** Its last pair whose key starts at or before the offset. */
  lastPair: Pair<unknown, unknown> | undefined;
}

export interface SeqFrame {
  type: 'seq';
  scope: FrameScope;
  node: YAMLSeq;
  /** The column of its first `-`. */
  column: number;
}

export type Frame = MapFrame | SeqFrame;

function frameScopeOf(parent: FrameScope, key: unknown): FrameScope {
  if (parent === 'revocations') return 'entry';
  if (parent === 'list') return isScalar(key) && key.value === 'items' ? 'items' : 'other';
  if (parent === 'other' || parent === 'items' || !isScalar(key)) return 'other';
  return collectionScope(childScopeOf(parent, String(key.value)));
}

/** The frame scope of a property's value, when it is a collection we know. */
export function collectionScope(child: PropertyChild | undefined): FrameScope {
  return child === 'metadata' || child === 'spec' || child === 'entry' || child === 'revocations' ? child : 'other';
}

export function lastPairAtOrBefore(map: YAMLMap, offset: number): Pair<unknown, unknown> | undefined {
  // A pair written without a key (`: x`) sorts by its value.
  const pairStart = (pair: Pair<unknown, unknown>) =>
    startOf(pair.key as Node | null) ?? startOf(pair.value as Node | null) ?? -1;
  const index = lastStartingAtOrBefore(map.items, offset, pairStart);
  return index >= 0 ? map.items[index] : undefined;
}

/**
 * The block collections that enclose `offset`, outermost first: at each level the pair (or list
 * item) that starts last at or before the offset. Flow collections end the walk (no completion
 * inside `{…}` or `[…]`).
 */
export function framesAt(file: FileModel, doc: YamlDocumentModel, offset: number): Frame[] {
  const frames: Frame[] = [];
  let node: unknown = doc.yaml.contents;
  let scope: FrameScope = doc.list ? 'list' : doc.isManifest || looksLikeManifestStart(doc) ? 'root' : 'other';
  // Depth is bounded by the text, but a deeply nested document need not be walked further than this.
  for (let depth = 0; depth < 64; depth++) {
    const start = startOf(node as Node | null);
    if (start === undefined || start > offset) break;
    const column = file.lineIndex.positionAt(start).character;
    if (isMap(node) && !node.flow) {
      const lastPair = lastPairAtOrBefore(node, offset);
      frames.push({ type: 'map', scope, node, column, lastPair });
      if (!lastPair) break;
      scope = frameScopeOf(scope, lastPair.key);
      node = lastPair.value;
    } else if (isSeq(node) && !node.flow) {
      frames.push({ type: 'seq', scope, node, column });
      const index = lastStartingAtOrBefore(
        node.items,
        offset,
        (item) => startOf(item as Node | null) ?? Number.MAX_SAFE_INTEGER,
      );
      if (index < 0) break;
      const item = node.items[index];
      scope =
        scope === 'revocations'
          ? 'entry'
          : scope === 'items' && doc.manifests.some((manifest) => manifest.root === item)
            ? 'root'
            : 'other';
      node = item;
    } else break;
  }
  return frames;
}

const MANIFEST_START = { kind: 'renewrevocation', apiVersion: 'certificates.microsoft.com/v1' };

/**
 * A document being started that can only become a manifest: a mapping with top-level manifest
 * keys only, whose `kind` and `apiVersion` (if written) are beginnings of the manifest's. A
 * ConfigMap or a compose file is not one, so we stay quiet there.
 */
export function looksLikeManifestStart(doc: YamlDocumentModel): boolean {
  const contents = doc.yaml.contents;
  if (!isMap(contents) || contents.items.length === 0) return false;
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) return false;
    const key = String(pair.key.value);
    if (key !== 'apiVersion' && key !== 'kind' && key !== 'metadata' && key !== 'spec') return false;
    if (key === 'apiVersion' || key === 'kind') {
      const value = isScalar(pair.value) ? pair.value.value : null;
      if (value === null) continue;
      if (typeof value !== 'string' || !MANIFEST_START[key].startsWith(key === 'kind' ? value.toLowerCase() : value))
        return false;
    }
  }
  return true;
}

/** The offset of a position; a character past the end of its line means the end of that line, not the next one. */
export function offsetOfPosition(file: FileModel, position: { line: number; character: number }): number {
  const lineStart = file.lineIndex.offsetAt({ line: position.line, character: 0 });
  return lineStart + Math.min(Math.max(0, position.character), file.lineIndex.lineText(position.line).length);
}
