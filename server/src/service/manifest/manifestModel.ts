// What the rules, hover and preview read of a RenewRevocation document: its entries, each with
// the fields as written (key and value offsets) and its kind resolved case-insensitively.
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { SchemaError } from '../generated/validateManifest';
import type { YamlDocumentModel } from '../parse/fileModel';
import type { ParsedValue } from '../rules/parsedValues';
import type { TimeParse } from '../values/time';

export type EntryKind = 'serialnumber' | 'Group' | 'DNS' | 'IP';
export type ValueFieldName = 'serialNumber' | 'group' | 'dns' | 'ip';

export const ENTRY_KINDS: readonly EntryKind[] = ['serialnumber', 'Group', 'DNS', 'IP'];

/** The value field each kind needs. */
export const VALUE_FIELD: Record<EntryKind, ValueFieldName> = {
  serialnumber: 'serialNumber',
  Group: 'group',
  DNS: 'dns',
  IP: 'ip',
};

export const VALUE_FIELDS: readonly ValueFieldName[] = ['serialNumber', 'group', 'dns', 'ip'];

export const KIND_OF_VALUE_FIELD: Record<ValueFieldName, EntryKind> = {
  serialNumber: 'serialnumber',
  group: 'Group',
  dns: 'DNS',
  ip: 'IP',
};

/** The documented spelling of a kind written in any case, or undefined. */
export function resolveKind(written: string): EntryKind | undefined {
  return KINDS_BY_LOWER_CASE.get(written.toLowerCase());
}

const KINDS_BY_LOWER_CASE: ReadonlyMap<string, EntryKind> = new Map(ENTRY_KINDS.map((kind) => [kind.toLowerCase(), kind]));

/** One `key: value` pair as written. */
export interface FieldRef {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** The value node; null for `key:` with nothing after it. */
  node: Node | null;
  /** Offsets of the value as written (for a missing value: the end of the key). */
  valueStart: number;
  valueEnd: number;
  /** The parsed scalar value (string, number, boolean, null…); undefined for maps and sequences. */
  value: unknown;
  /** The value's source text for scalars (quotes removed), else undefined. */
  source: string | undefined;
  /** A scalar YAML read as a string (quoted, or plain text that is not a number, bool or null). */
  isString: boolean;
  /** A plain (unquoted) scalar. */
  isPlain: boolean;
  /**
   * Memo slots of rules/parsedValues.ts (undefined until first read; null: YAML read no text).
   * Fields rather than a WeakMap: a WeakMap of 20,000 fields costs more to look up and to
   * collect than the parse it saves.
   */
  parsedValue: ParsedValue | null | undefined;
  parsedInstant: TimeParse | null | undefined;
}

export interface EntryModel {
  /** Position in `spec.revocations`, from 0. */
  index: number;
  /** The entry node (a mapping for well-formed entries). */
  node: Node | null;
  start: number;
  end: number;
  /** Fields by key as written, in order. Empty when the entry is not a mapping. */
  fields: FieldRef[];
  kindField: FieldRef | undefined;
  /** The kind, resolved case-insensitively; undefined when missing or unknown. */
  kind: EntryKind | undefined;
  /** The value field of its kind, when present. */
  valueField: FieldRef | undefined;
  notBefore: FieldRef | undefined;
  description: FieldRef | undefined;
  /** Where findings about the whole entry go: its value field's value, else its kind value, else the entry. */
  anchorStart: number;
  anchorEnd: number;
  /** Memo slot of rules/schema/documentData.ts: the entry as plain data when it is made of scalars only (null: it is not). */
  plainData: Record<string, unknown> | null | undefined;
  /** Memo slot of rules/schema/entryValidation.ts: the schema errors of `plainData`, paths relative to the entry (undefined until checked). */
  schemaErrors: readonly SchemaError[] | undefined;
}

export interface ManifestModel {
  /** Position among the RenewRevocation manifests of the file, from 0 (each item of a List counts as one). */
  manifestIndex: number;
  /** The YAML document that holds it: the manifest itself, or the List it is an item of. */
  document: YamlDocumentModel;
  /** Its position in the `items` of a List (`v1 List` or `RenewRevocationList`), from 0; undefined when it is a document of its own. */
  item: number | undefined;
  /** The manifest's mapping: the document's root, or the List item. */
  root: YAMLMap;
  /** `spec.revocations`, when it is a sequence. */
  revocationsField: FieldRef | undefined;
  entries: EntryModel[];
}

function nodeRange(node: Node | null | undefined): [number, number] | undefined {
  const range = node?.range;
  return range ? [range[0], range[1]] : undefined;
}

export function readField(pair: Pair<unknown, unknown>): FieldRef | undefined {
  const key = pair.key;
  if (!isScalar(key) || !key.range) return undefined;
  const keyText = typeof key.value === 'string' ? key.value : String(key.value);
  const keyStart = key.range[0];
  const keyEnd = key.range[1];
  const valueNode = (pair.value ?? null) as Node | null;
  const valueRange = valueNode?.range;
  // `key:` with no value parses as a null scalar positioned after the colon: keep its offsets.
  const valueStart = valueRange ? valueRange[0] : keyEnd;
  const valueEnd = valueRange ? valueRange[1] : keyEnd;
  let value: unknown;
  let source: string | undefined;
  let isString = false;
  let isPlain = false;
  if (isScalar(valueNode)) {
    value = valueNode.value;
    source = typeof valueNode.source === 'string' ? valueNode.source : String(valueNode.value ?? '');
    isString = typeof valueNode.value === 'string';
    isPlain = valueNode.type === Scalar.PLAIN;
  }
  return { key: keyText, keyStart, keyEnd, node: valueNode, valueStart, valueEnd, value, source, isString, isPlain, parsedValue: undefined, parsedInstant: undefined };
}

export function readFields(node: Node | null | undefined): FieldRef[] {
  if (!isMap(node)) return [];
  const fields: FieldRef[] = [];
  for (const pair of node.items) {
    const field = readField(pair);
    if (field) fields.push(field);
  }
  return fields;
}

function findField(fields: FieldRef[], key: string): FieldRef | undefined {
  return fields.find((field) => field.key === key);
}

export function readEntry(node: Node | null, index: number): EntryModel {
  const [start, end] = nodeRange(node) ?? [0, 0];
  const fields = readFields(node);
  const kindField = findField(fields, 'kind');
  const kind = kindField && typeof kindField.value === 'string' ? resolveKind(kindField.value) : undefined;
  const valueField = kind ? findField(fields, VALUE_FIELD[kind]) : undefined;
  const anchor = valueField ?? kindField;
  return {
    index,
    node,
    start,
    end,
    fields,
    kindField,
    kind,
    valueField,
    notBefore: findField(fields, 'notBefore'),
    description: findField(fields, 'description'),
    anchorStart: anchor ? anchor.valueStart : start,
    anchorEnd: anchor ? anchor.valueEnd : end,
    plainData: undefined,
    schemaErrors: undefined,
  };
}

export function readManifest(root: YAMLMap, document: YamlDocumentModel, manifestIndex: number, item: number | undefined): ManifestModel {
  const spec = findField(readFields(root), 'spec');
  const revocationsField = spec ? findField(readFields(spec.node), 'revocations') : undefined;
  const entries: EntryModel[] = [];
  if (revocationsField && isSeq(revocationsField.node)) {
    revocationsField.node.items.forEach((item, index) => entries.push(readEntry((item ?? null) as Node | null, index)));
  }
  return { manifestIndex, document, item, root, revocationsField, entries };
}
