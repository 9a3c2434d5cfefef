// Reads a manifest's mapping (a document's root, or a List item) into the model the rules read:
// its entries and their fields as written, with their offsets and kinds resolved.
import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import {
  resolveKind,
  VALUE_FIELD,
  type EntryModel,
  type FieldRef,
  type ManifestModel,
  type YamlDocumentModel,
} from '../manifest/manifestModel';

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
  return {
    key: keyText,
    keyStart,
    keyEnd,
    node: valueNode,
    valueStart,
    valueEnd,
    value,
    source,
    isString,
    isPlain,
    parsedValue: undefined,
    parsedInstant: undefined,
  };
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
    findingsMemo: undefined,
  };
}

export function readManifest(
  root: YAMLMap,
  document: YamlDocumentModel,
  manifestIndex: number,
  item: number | undefined,
): ManifestModel {
  const spec = findField(readFields(root), 'spec');
  const revocationsField = spec ? findField(readFields(spec.node), 'revocations') : undefined;
  const entries: EntryModel[] = [];
  if (revocationsField && isSeq(revocationsField.node)) {
    revocationsField.node.items.forEach((item, index) => entries.push(readEntry((item ?? null) as Node | null, index)));
  }
  return { manifestIndex, document, item, root, revocationsField, entries };
}
