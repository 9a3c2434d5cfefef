// The YAML nodes of the entries after an edit, moved late. A keystroke in the middle of a
// 100,000-entry manifest would otherwise walk some 400,000 nodes to add the edit's length change
// to their offsets (about 70 ms), though validation reads none of them: each kept entry's
// findings are kept on its model. So the incremental parse (parse/incremental.ts) moves the
// entries' models and everything outside the entries at once, and leaves the entries' nodes
// behind; they are moved when anything other than validation first reads the model's
// `documents` or `manifests`, the only ways to them. An entry's node tree is behind by exactly
// `entry.start` minus the node's own start (no edit lands inside a kept entry, and an edited
// entry gets new nodes), so settling needs no record of the edits in between.
import { isMap, isNode, isPair, isSeq } from 'yaml';
import type { EntryModel, FileModel, ManifestModel, StaleEntries, YamlDocumentModel } from '../manifest/manifestModel';

/** Adds `delta` to every position in a syntax tree. */
export function moveTree(node: unknown, delta: number): void {
  if (isPair(node)) {
    moveTree(node.key, delta);
    moveTree(node.value, delta);
    return;
  }
  if (!isNode(node)) return;
  const range = node.range;
  if (range) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  if (isMap(node) || isSeq(node)) for (const item of node.items) moveTree(item, delta);
}

/** Moves one entry's nodes to where its model says it is (for a rule that checks it afresh). */
export function settleEntry(entry: EntryModel): void {
  const node = entry.node;
  const start = node?.range?.[0];
  if (start !== undefined && start !== entry.start) moveTree(node, entry.start - start);
}

/** Moves every stale entry's nodes to where its model says the entry is. */
export function settleEntries(stale: StaleEntries): void {
  for (const [manifest, from] of stale.from) {
    const entries = manifest.entries;
    for (let k = from; k < entries.length; k++) settleEntry(entries[k]);
  }
  stale.from.clear();
}

/** The documents of `model` as they are, stale entries and all (the incremental parse moves them on). */
export function documentsAsTheyAre(model: FileModel): YamlDocumentModel[] {
  return model.staleEntries?.documents ?? model.documents;
}

export function manifestsAsTheyAre(model: FileModel): ManifestModel[] {
  return model.staleEntries?.manifests ?? model.manifests;
}

type ModelParts = Omit<FileModel, 'documents' | 'manifests' | 'staleEntries'>;

/** A model whose `documents` and `manifests` settle the stale entries before anyone reads them. */
export function settlingModel(parts: ModelParts, stale: StaleEntries): FileModel {
  return {
    ...parts,
    staleEntries: stale,
    get documents(): YamlDocumentModel[] {
      if (stale.from.size > 0) settleEntries(stale);
      return stale.documents;
    },
    get manifests(): ManifestModel[] {
      if (stale.from.size > 0) settleEntries(stale);
      return stale.manifests;
    },
  };
}

/**
 * The model as validation reads it: the same text, memos and models, without settling. Rules read
 * the spine of each document, the entries' models and the edited entry's nodes, never a kept
 * entry's nodes; a rule that must walk a whole document calls `settled` first.
 */
export function unsettled(model: FileModel): FileModel {
  const stale = model.staleEntries;
  if (!stale || stale.from.size === 0) return model;
  return {
    text: model.text,
    languageId: model.languageId,
    lineIndex: model.lineIndex,
    cache: model.cache,
    splice: model.splice,
    staleEntries: stale,
    documents: stale.documents,
    manifests: stale.manifests,
  };
}

/** The model with every entry's nodes where they are in its text (for a walk over whole documents). */
export function settled(model: FileModel): FileModel {
  const stale = model.staleEntries;
  if (stale && stale.from.size > 0) settleEntries(stale);
  return model;
}
