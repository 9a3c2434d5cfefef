// A RenewRevocation manifest (a document, or a List item) as plain data for the validator. `toJS`
// on a 10,000-entry manifest
// is the biggest single cost of validation, and after an incremental edit all but one entry are
// the very entries of the previous version: so entries made only of scalars are converted here,
// once per entry model (kept on it), and the rest of the document (small) through `toJS`. The
// list of converted entries is carried on the manifest's model (which the incremental parse
// keeps) from one check to the next, so a keystroke converts and visits the edited entry alone.
// Anything unusual (aliases, anchors, merge keys, nested collections in an entry) takes `toJS`
// whole, which is what this must always equal.
import { isMap, isScalar, type YAMLSeq } from 'yaml';
import type { EntryModel, ManifestModel } from '../../manifest/manifestModel';
import { MAX_ALIAS_COUNT } from '../../parse/fileModel';
import { differingIndices } from '../replacedEntries';

/** Plain data of an entry made of scalar keys and scalar values; undefined for anything else. */
function scalarEntryData(entry: EntryModel): Record<string, unknown> | undefined {
  if (entry.plainData === undefined) entry.plainData = readScalarEntry(entry.node);
  return entry.plainData ?? undefined;
}

function readScalarEntry(node: unknown): Record<string, unknown> | null {
  if (!isMap(node)) return null;
  const data: Record<string, unknown> = {};
  for (const pair of node.items) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string' || key.value === '__proto__' || key.value === '<<') return null;
    const value = pair.value;
    if (value === null) data[key.value] = null;
    else if (isScalar(value)) data[key.value] = value.value;
    else return null;
  }
  return data;
}

const MAY_LINK = /[&*]|<</;

export function documentData(manifest: ManifestModel, text: string): unknown {
  return readDocumentData(manifest, text).value;
}

export interface DocumentData {
  value: unknown;
  /**
   * Set when every entry of `spec.revocations` is scalar data read from its model (in list order):
   * `value.spec.revocations[i]` is then `entries[i].plainData`, and the entries can be checked one by one.
   */
  entries?: readonly EntryModel[];
}

export function readDocumentData(manifest: ManifestModel, text: string): DocumentData {
  const { root } = manifest;
  const whole = (): unknown => root.toJS(manifest.document.yaml, { maxAliasCount: MAX_ALIAS_COUNT });
  const [start, , end] = root.range ?? [0, 0, text.length];
  const revocations = manifest.revocationsField?.node as YAMLSeq | undefined;
  const items = revocations?.items;
  const range = revocations?.range;
  // Anchors, aliases and merge keys outside the list could reach into it: then toJS whole. Inside
  // it, each entry is checked on its own below (an alias or a merge key is not a scalar entry), so
  // a `*.example.com` value does not cost a full conversion.
  if (
    !revocations ||
    !Array.isArray(items) ||
    !range ||
    MAY_LINK.test(text.slice(start, range[0])) ||
    MAY_LINK.test(text.slice(range[2], end))
  ) {
    return { value: whole() };
  }
  const scalar = scalarEntries(manifest, items);
  if (!scalar) return { value: whole() };
  // The rest of the document through toJS, with the (already converted) entries set aside.
  revocations.items = [];
  let value: unknown;
  try {
    value = whole();
  } finally {
    revocations.items = items;
  }
  const spec = (value as { spec?: { revocations?: unknown } } | null)?.spec;
  if (!spec || !Array.isArray(spec.revocations)) return { value: whole() };
  // Shared with later versions: the compiled validator only reads its input (no defaults, no
  // coercion, no removal: see scripts/compile-schema.mjs).
  spec.revocations = scalar.data;
  return { value, entries: scalar.models };
}

/** The entries of a list as converted at the last check of its manifest: each node, its model, its data. */
interface ScalarEntries {
  nodes: unknown[];
  models: EntryModel[];
  data: Record<string, unknown>[];
}

const carried = new WeakMap<ManifestModel, ScalarEntries>();

/**
 * Every item of the list as scalar data read from its model, or undefined when one is not. The
 * arrays are the manifest's carried ones, brought up to date in place: a later check of the same
 * manifest model changes them, so they are read, never kept, by whoever asks.
 */
function scalarEntries(manifest: ManifestModel, items: readonly unknown[]): ScalarEntries | undefined {
  const models = manifest.entries;
  const known = carried.get(manifest);
  if (known && known.nodes.length === items.length) {
    const replaced = differingIndices(known.nodes, items, known.models, models);
    if (replaced) {
      for (const i of replaced) {
        const model = models[i];
        const data = model?.node === items[i] ? scalarEntryData(model) : undefined;
        if (!data) {
          carried.delete(manifest);
          return undefined;
        }
        known.nodes[i] = items[i];
        known.models[i] = model;
        known.data[i] = data;
      }
      return known;
    }
  }
  const fresh: ScalarEntries = { nodes: [], models: [], data: [] };
  for (let i = 0; i < items.length; i++) {
    const model = models[i];
    const data = model?.node === items[i] ? scalarEntryData(model) : undefined;
    if (!data) {
      carried.delete(manifest);
      return undefined;
    }
    fresh.nodes.push(items[i]);
    fresh.models.push(model);
    fresh.data.push(data);
  }
  carried.set(manifest, fresh);
  return fresh;
}
