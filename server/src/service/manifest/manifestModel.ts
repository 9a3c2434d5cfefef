// The model every feature reads, as types: a file's YAML documents, the RenewRevocation
// manifests among them (a document, or an item of a List), their entries and fields as written
// (key and value offsets, the kind resolved case-insensitively), and the memo slots readers fill.
// Types and the entry kinds' vocabulary only: parse/ builds the model, and nothing here imports a
// reader of it (docs/ARCHITECTURE.md, "Code map").
import type { Document, Node, YAMLMap } from 'yaml';
import type { SchemaError } from '../generated/validateManifest';
import type { LineIndex } from '../text/lineIndex';
import type { DnsCheck } from '../values/dns';
import type { IpParse } from '../values/ip';
import type { SerialParse } from '../values/serial';
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

const KINDS_BY_LOWER_CASE: ReadonlyMap<string, EntryKind> = new Map(
  ENTRY_KINDS.map((kind) => [kind.toLowerCase(), kind]),
);

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
  /**
   * Memo slot of rules/entryFindings.ts: what the rules found in this entry alone, kept while the
   * entry is unchanged across versions (parse/incremental.ts shifts its offsets with the entry's).
   */
  findingsMemo: ShiftableMemo | undefined;
}

/** A memo that holds text offsets: the incremental parse moves them when text before them changes length. */
export interface ShiftableMemo {
  shift(shift: (offset: number) => number): void;
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

/** A value field's text as the value rules read it (memo slot `parsedValue` of a field). */
export type ParsedValue =
  | { field: 'serialNumber'; text: string; serial: SerialParse }
  | { field: 'dns'; text: string; dns: DnsCheck }
  | { field: 'ip'; text: string; ip: IpParse }
  | { field: 'group'; text: string };

/** `List`: kubectl's list of anything; `RenewRevocationList`: the API's list of RenewRevocations. */
export type ListKind = 'List' | 'RenewRevocationList';

export interface ListModel {
  kind: ListKind;
  root: YAMLMap;
  /** The `items` node as written (a sequence when well formed), or null when `items` is missing. */
  items: Node | null;
}

export interface YamlProblem {
  message: string;
  start: number;
  end: number;
  /** The parser's error code (`TAB_AS_INDENT`, `BAD_INDENT`…). */
  code?: string;
}

export interface YamlDocumentModel {
  /** Position of this document among all YAML documents of the file, from 0. */
  index: number;
  yaml: Document.Parsed;
  start: number;
  end: number;
  errors: YamlProblem[];
  /** The top-level `kind` when it is a plain string. */
  topKind: string | undefined;
  /** The document is a RenewRevocation manifest, a List holding some, or a `RenewRevocationList`. */
  isManifest: boolean;
  /** Its RenewRevocation manifests, in order: itself, or the Lists' items that are manifests. */
  manifests: ManifestModel[];
  /** Present when the document is a List (`v1 List` or `RenewRevocationList`). */
  list: ListModel | undefined;
}

export interface FileModel {
  text: string;
  /** The editor's language id (`yaml`, `pem`, `markdown`, `plaintext`…): only YAML is parsed as YAML. */
  languageId: string;
  lineIndex: LineIndex;
  documents: YamlDocumentModel[];
  /** The RenewRevocation manifests (documents and List items), in order. */
  manifests: ManifestModel[];
  /** Memoised results of features that depend only on this text (see `memo`). */
  readonly cache: Map<string, unknown>;
  /**
   * Set when this version was reached by re-parsing one entry of the previous one
   * (parse/incremental.ts): a feature whose result is a whole-text scan carries the previous
   * version's over from here when the span holds nothing it looks for. Undefined after a full parse.
   */
  readonly splice?: SplicedSpan;
  /**
   * Set on a version reached by a splice while YAML nodes of entries after the edit still hold the
   * offsets of an earlier version (parse/staleEntries.ts): reading `documents` or `manifests`
   * moves them first. Undefined after a full parse.
   */
  readonly staleEntries?: StaleEntries;
}

/**
 * The entries whose YAML nodes an incremental parse has not moved yet. Their models (offsets,
 * fields, kept findings) are up to date; each node tree is behind by `entry.start` minus the
 * node's own start, the same for every node in it (no edit lands inside a kept entry).
 */
export interface StaleEntries {
  /** The model's documents and manifests, read without settling (validation reads no kept entry's nodes). */
  readonly documents: YamlDocumentModel[];
  readonly manifests: ManifestModel[];
  /** Per manifest, the first entry whose nodes may be behind. */
  readonly from: Map<ManifestModel, number>;
}

/** The span of the previous version that was re-parsed, and how everything after it moved. */
export interface SplicedSpan {
  /** The previous version's memos that may be carried over (see `carryAcrossSplices`). */
  readonly previousCache: ReadonlyMap<string, unknown>;
  /** Where the span starts (at a line start, the same in both versions). */
  readonly start: number;
  /** The span's text before and after the edit: whole lines, so nothing in them runs on past them. */
  readonly removed: string;
  readonly inserted: string;
  /** What every offset at or after the end of the removed span moved by. */
  readonly delta: number;
}
