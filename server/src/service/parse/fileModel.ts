// The parsed model of one text: every YAML document with its AST and offsets, and for each
// RenewRevocation manifest (a document, or an item of a List) the entries the rules read. Built
// once per document version and shared by every feature (validation, hover, completion, symbols,
// preview).
import { lastStartingAtOrBefore } from '../text/binarySearch';
import { LineIndex } from '../text/lineIndex';
import type { FileModel, ManifestModel, YamlDocumentModel } from '../manifest/manifestModel';
import { documentManifests, topLevelString } from './documentManifests';
import { readManifest } from './readManifest';
import { parseDocumentStream } from './yamlStream';

// The model's types live in the model layer (manifest/manifestModel.ts); they are named here too
// because most readers reach the model through parseFile.
export type { FileModel, YamlDocumentModel, YamlProblem } from '../manifest/manifestModel';

/** Aliases expanded (by `toJS`) per document before we stop: enough for any real manifest, far below a bomb. */
export const MAX_ALIAS_COUNT = 100;

export function parseFile(text: string, languageId = 'yaml'): FileModel {
  const lineIndex = new LineIndex(text);
  if (languageId !== 'yaml') return { text, languageId, lineIndex, documents: [], manifests: [], cache: new Map() };
  // YAML reads a lone CR (old Mac line endings) as a line break, as Kubernetes' YAML reader does,
  // but the `yaml` package does not: it gets LF in its place. Same length, so every offset holds,
  // and the line index already counts a lone CR as a line break.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  // A stream of YAML documents, or of JSON values back to back (kubectl's `-o json` of several objects).
  const yamlDocuments = parseDocumentStream(source, {
    prettyErrors: false,
    keepSourceTokens: false,
    uniqueKeys: true,
    // Else converting a document with a collection as a key (`? [a, b]: x`) prints a Node warning
    // on stderr (the command line's, the server's): the rules report such keys themselves.
    logLevel: 'error',
  });
  const documents: YamlDocumentModel[] = [];
  const manifests: ManifestModel[] = [];
  yamlDocuments.forEach((yaml, index) => {
    const [start, , end] = yaml.range;
    const errors = yaml.errors.map((error) => ({
      message: error.message,
      start: error.pos[0],
      end: Math.max(error.pos[1], error.pos[0]),
      code: error.code,
    }));
    const topKind = topLevelString(yaml.contents, 'kind');
    const { roots, list } = documentManifests(yaml, topKind);
    const model: YamlDocumentModel = {
      index,
      yaml,
      start,
      end,
      errors,
      topKind,
      isManifest: roots.length > 0 || list?.kind === 'RenewRevocationList',
      manifests: [],
      list,
    };
    for (const { root, item } of roots) {
      const manifest = readManifest(root, model, manifests.length, item);
      model.manifests.push(manifest);
      manifests.push(manifest);
    }
    documents.push(model);
  });
  return { text, languageId, lineIndex, documents, manifests, cache: new Map() };
}

// Memo keys whose values may be carried to the next version after a splice (they hold no model,
// so a chain of versions is never kept alive through them).
const carriedKeys = new Set<string>();

/** Lets the memo of `key` be seen by the next version's `splice.previousCache`. */
export function carryAcrossSplices(key: string): void {
  carriedKeys.add(key);
}

/** The memos of `model` that the next version may carry over. */
export function carriedMemos(model: FileModel): ReadonlyMap<string, unknown> {
  const carried = new Map<string, unknown>();
  for (const key of carriedKeys) if (model.cache.has(key)) carried.set(key, model.cache.get(key));
  return carried;
}

/** Computes `compute(model)` once per model (that is, once per document version). */
export function memo<T>(model: FileModel, key: string, compute: (model: FileModel) => T): T {
  if (model.cache.has(key)) return model.cache.get(key) as T;
  const value = compute(model);
  model.cache.set(key, value);
  return value;
}

/** The manifest of a document whose text holds `offset`: the document's own, or the List item there. */
export function manifestAt(doc: YamlDocumentModel, offset: number): ManifestModel | undefined {
  const manifests = doc.manifests;
  if (!doc.list) return manifests[0];
  const index = lastStartingAtOrBefore(manifests, offset, (manifest) => manifest.root.range?.[0] ?? 0);
  const manifest = index >= 0 ? manifests[index] : undefined;
  return manifest && offset <= (manifest.root.range?.[2] ?? 0) ? manifest : undefined;
}
