// Finding a manifest's `spec.revocations` in the `yaml` package's concrete syntax tree (CST), the
// tree that keeps every character of the source (comments, blank lines, quotes, indentation), so
// that an edit made on it and written back with CST.stringify changes nothing else.
import { CST, Parser } from 'yaml';
import type { ManifestModel } from '../../manifest/manifestModel';

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

/** The parsed stream and, for one manifest, the node that holds `spec.revocations` and that key's pair. */
export interface RevocationsCst {
  tokens: CST.Token[];
  /** The document token that holds the manifest. */
  document: CST.Document;
  /** The `revocations:` pair of `spec`; undefined when `spec` has no such key. */
  pair: CST.BlockMap['items'][number] | undefined;
  /** The `spec` mapping, when it is a block mapping. */
  spec: CST.BlockMap | undefined;
}

function keyOf(item: { key?: CST.Token | null }): string | undefined {
  if (!item.key) return undefined;
  const resolved = CST.resolveAsScalar(item.key);
  return resolved?.value ?? undefined;
}

function valueAt(map: CST.Token | null | undefined, key: string): CST.Token | null | undefined {
  if (!map || map.type !== 'block-map') return undefined;
  return map.items.find((item) => keyOf(item) === key)?.value;
}

function pairAt(map: CST.BlockMap, key: string): CST.BlockMap['items'][number] | undefined {
  return map.items.find((item) => keyOf(item) === key);
}

function isCollection(token: CST.Token | null | undefined): token is Collection {
  return !!token && (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection');
}

/** The manifest's mapping in the CST: the document's root, or the List item. */
function manifestRoot(document: CST.Document, item: number | undefined): CST.Token | null | undefined {
  if (item === undefined) return document.value;
  const items = valueAt(document.value, 'items');
  if (!items || items.type !== 'block-seq') return undefined;
  return items.items[item]?.value;
}

/**
 * The CST of `source` (the file's text as the model parsed it) around one manifest, or undefined
 * when the manifest is not written in block style down to `spec` (JSON, flow mappings): those are
 * edited through the Document instead.
 */
export function revocationsCst(
  source: string,
  manifest: ManifestModel,
  documentCount: number,
): RevocationsCst | undefined {
  const tokens = [...new Parser().parse(source)];
  const documents = tokens.filter((token): token is CST.Document => token.type === 'document');
  // JSON values back to back are documents to the model, not to the YAML parser: not ours to edit.
  if (documents.length !== documentCount) return undefined;
  const document = documents[manifest.document.index];
  if (!document) return undefined;
  const root = manifestRoot(document, manifest.item);
  if (!isCollection(root) || root.type !== 'block-map') return undefined;
  const spec = valueAt(root, 'spec');
  if (!spec || spec.type !== 'block-map') return { tokens, document, pair: undefined, spec: undefined };
  return { tokens, document, pair: pairAt(spec, 'revocations'), spec };
}

/** The source text of a run of tokens, as written. */
export function tokensText(tokens: readonly CST.Token[]): string {
  return tokens.map((token) => CST.stringify(token)).join('');
}
