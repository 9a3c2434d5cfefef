// Which RenewRevocation manifests a YAML document holds: the document itself, or the items of a
// List, as the cluster hands them out (`kubectl get renewrevocations -o yaml|json` prints a
// `v1 List`; the API itself answers with a `RenewRevocationList`). Each item becomes a manifest of
// its own, so every rule and feature reads it unchanged. Only the top level and the items are
// looked at, never the entries: the cost does not grow with a manifest's length.
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';

import type { ListKind, ListModel } from '../manifest/manifestModel';

export type { ListKind, ListModel } from '../manifest/manifestModel';

/** A manifest's mapping and, for a List item, its position in `items`. */
export interface ManifestRoot {
  root: YAMLMap;
  item: number | undefined;
}

export interface DocumentManifests {
  roots: ManifestRoot[];
  list: ListModel | undefined;
}

export function topLevelString(node: unknown, key: string): string | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value === key && isScalar(pair.value) && typeof pair.value.value === 'string') {
      return pair.value.value;
    }
  }
  return undefined;
}

/** A RenewRevocation object: `kind: RenewRevocation`, or an `apiVersion` of certificates.microsoft.com/…. */
export function isRenewRevocation(node: unknown): node is YAMLMap {
  if (topLevelString(node, 'kind') === 'RenewRevocation') return true;
  const apiVersion = topLevelString(node, 'apiVersion');
  return apiVersion !== undefined && apiVersion.startsWith('certificates.microsoft.com/');
}

function isListKind(kind: string | undefined): kind is ListKind {
  return kind === 'List' || kind === 'RenewRevocationList';
}

function itemsNode(root: YAMLMap): Node | null {
  const pair = root.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === 'items');
  return pair ? ((pair.value ?? null) as Node | null) : null;
}

/**
 * The manifests of one document. A `v1 List` holds the items that are RenewRevocations (a List of
 * Secrets or ConfigMaps holds none: it stays what it was, a source of certificates); every mapping
 * of a `RenewRevocationList` is one, so an item that lost its `kind` is still checked.
 */
export function documentManifests(yaml: Document.Parsed, topKind: string | undefined): DocumentManifests {
  const contents = yaml.contents;
  if (!isMap(contents)) return { roots: [], list: undefined };
  if (!isListKind(topKind))
    return { roots: isRenewRevocation(contents) ? [{ root: contents, item: undefined }] : [], list: undefined };
  const list: ListModel = { kind: topKind, root: contents, items: itemsNode(contents) };
  const roots: ManifestRoot[] = [];
  const items = list.items;
  if (isSeq(items)) {
    items.items.forEach((item, index) => {
      if (topKind === 'RenewRevocationList' ? isMap(item) : isRenewRevocation(item))
        roots.push({ root: item as YAMLMap, item: index });
    });
  }
  return { roots, list };
}
