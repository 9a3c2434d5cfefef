// ajv's errors rephrased for people: one finding per real problem, on the tightest range, in
// words that say what is wrong, what was found and what to do. ajv reports an `anyOf` as three
// errors and a kind's missing value field as `must match "then" schema`; nobody should read those.
import { isMap, isScalar, type Node, type Scalar } from 'yaml';
import type { SchemaError } from '../../generated/validateManifest';
import { nearestName } from '../nearestName';
import type { Finding, Fix } from '../ruleTypes';
import { rewriteScalar } from '../scalarEdit';
import { documentedKinds, knownKeys, topLevelConst } from './schemaModel';
import {
  entrySpan,
  findPair,
  keySpan,
  locate,
  pointerSegments,
  valueSpan,
  visibleAround,
  type Located,
} from './yamlPath';

export interface SchemaSource {
  text: string;
  /** The document's root node. */
  root: Node | null;
  /** Where the document starts in the text (for findings with nowhere better to go). */
  documentStart: number;
  /** The document's data, as validated. */
  data: unknown;
}

/** The value rules (serial, notBefore, DNS, IP) own every error about these fields of an entry. */
const VALUE_RULES_PATH = /^\/spec\/revocations\/\d+\/(serialNumber|notBefore|dns|ip)(\/|$)/;
const ENTRY_PATH = /^\/spec\/revocations\/\d+$/;

/** ajv's `if`/`then` pair for a kind's value field: that is `field-kind-mismatch`, not `schema`. */
function isValueFieldRequirement(error: SchemaError): boolean {
  return error.keyword === 'if' || error.schemaPath.includes('/then/');
}

export function schemaFindings(errors: readonly SchemaError[], source: SchemaSource): Finding[] {
  const byPath = new Map<string, SchemaError[]>();
  for (const error of errors) {
    if (VALUE_RULES_PATH.test(error.instancePath) || isValueFieldRequirement(error)) continue;
    const group = byPath.get(error.instancePath) ?? [];
    group.push(error);
    byPath.set(error.instancePath, group);
  }
  const findings: Finding[] = [];
  for (const [path, group] of byPath) {
    const segments = pointerSegments(path);
    const unknown = new Map<string, UnknownField>();
    for (const error of group.filter((candidate) => candidate.keyword === 'additionalProperties')) {
      const property = String(error.params.additionalProperty);
      if (!unknown.has(property))
        unknown.set(
          property,
          unknownField(segments, property, error.schemaPath.replace(/\/additionalProperties$/, ''), source),
        );
    }
    // `Kind:` for `kind` is one problem, not two: the unknown key's rename also supplies the missing field.
    const renamedTo = new Set([...unknown.values()].map((field) => field.renamesTo));
    const missing = group
      .filter((error) => error.keyword === 'required')
      .map((error) => String(error.params.missingProperty))
      .filter((field) => !renamedTo.has(field));
    if (missing.length > 0) findings.push(missingFieldsFinding(segments, [...new Set(missing)], source));
    for (const field of unknown.values()) findings.push(field.finding);
    const aboutValue = group.filter(
      (error) => error.keyword !== 'required' && error.keyword !== 'additionalProperties',
    );
    if (aboutValue.length > 0) findings.push(valueFinding(path, segments, aboutValue, source));
  }
  return findings;
}

// ---- Names and values in messages -------------------------------------------------------------

function isEntryPath(segments: readonly string[]): boolean {
  return segments.length >= 3 && segments[0] === 'spec' && segments[1] === 'revocations';
}

/** `metadata.name`, `spec.revocations`; inside an entry just the field (`kind`, `group`). */
function displayName(segments: readonly string[]): string {
  return isEntryPath(segments) && segments.length > 3 ? segments.slice(3).join('.') : segments.join('.');
}

function whereIs(segments: readonly string[]): string {
  if (segments.length === 0) return 'at the top level';
  if (isEntryPath(segments) && segments.length === 3) return 'in this revocation entry';
  return `in \`${displayName(segments)}\``;
}

function dataAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

/** What was found, as written where we can see it (`0x1f`, not 31). */
function describeFound(value: unknown, located: Located): string {
  const written =
    located.exact && isScalar(located.node) && typeof located.node.source === 'string'
      ? located.node.source
      : undefined;
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `\`${clip(value)}\``;
  if (typeof value === 'number' || typeof value === 'bigint') return `\`${clip(written ?? String(value))}\` (a number)`;
  if (typeof value === 'boolean') return `\`${clip(written ?? String(value))}\` (a boolean)`;
  // A `%YAML 1.1` document reads `2020-01-01` as a timestamp.
  if (value instanceof Date) return `\`${clip(written ?? value.toISOString())}\` (a date)`;
  return Array.isArray(value) ? 'a list' : 'a mapping';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  object: 'a mapping',
  array: 'a list',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
};

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : [String(type)];
  return types.map((name) => TYPE_NAMES[name] ?? name).join(' or ');
}

function oneOrMany(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

// ---- Missing fields -----------------------------------------------------------------------------

const ADD_HINTS: Record<string, string> = {
  metadata: 'add `metadata:` with at least a `name`',
  spec: 'add `spec:` with the `revocations` list',
  name: 'add `name:` with the name of this object',
  revocations: 'add `revocations:` with at least one entry',
};

function addHint(segments: readonly string[], field: string): string {
  const constant = segments.length === 0 ? topLevelConst(field) : undefined;
  if (constant !== undefined) return `add \`${field}: ${constant}\``;
  if (field === 'kind') return `add \`kind:\` with one of ${documentedKinds().join(', ')}`;
  return ADD_HINTS[field] ?? `add \`${field}:\``;
}

function missingFieldsFinding(segments: readonly string[], missing: readonly string[], source: SchemaSource): Finding {
  const [start, end] = missingFieldSpan(segments, source);
  const what =
    missing.length === 1
      ? `Missing required field ${oneOrMany(missing)}`
      : `Missing required fields ${oneOrMany(missing)}`;
  const where = segments.length === 0 ? '' : ` ${whereIs(segments)}`;
  const hint =
    missing.length === 1
      ? addHint(segments, missing[0])
      : `a RenewRevocation manifest needs ${oneOrMany(knownRequired(segments, missing))}`;
  return { code: 'schema', start, end, message: `${what}${where}: ${hint}` };
}

/** For several missing top-level fields: every field the manifest needs, so the reader sees the whole shape. */
function knownRequired(segments: readonly string[], missing: readonly string[]): string[] {
  return segments.length === 0 ? ['apiVersion', 'kind', 'metadata', 'spec'] : [...missing];
}

/**
 * the README, "Diagnostics": a missing top-level field sits on the top-level `kind` (or the document start); one
 * inside `metadata` or `spec` on that key; a missing entry field where entry findings go.
 */
function missingFieldSpan(segments: readonly string[], source: SchemaSource): [number, number] {
  const located = locate(source.root, segments);
  if (segments.length === 0) {
    const kind = findPair(source.root, 'kind');
    if (kind)
      return valueSpan(
        { node: (kind.value ?? null) as Node | null, key: kind.key as Scalar, exact: true },
        source.text,
      );
    const first = isMap(source.root) ? source.root.items[0] : undefined;
    if (first && isScalar(first.key)) return keySpan(first.key, source.text, source.documentStart);
    return visibleAround(source.text, source.documentStart);
  }
  if (isEntryPath(segments) && segments.length === 3) return entrySpan(located.node, source.text);
  return located.key ? keySpan(located.key, source.text, source.documentStart) : valueSpan(located, source.text);
}

// ---- Unknown keys -------------------------------------------------------------------------------

/** The same typo tends to repeat through a large manifest: work out its suggestion once. */
const suggestions = new Map<string, string | undefined>();

function suggestKey(property: string, parentSchema: string, known: readonly string[]): string | undefined {
  const cacheKey = `${parentSchema}\u0000${property}`;
  if (!suggestions.has(cacheKey)) {
    if (suggestions.size > 1000) suggestions.clear();
    suggestions.set(cacheKey, nearestName(property, known));
  }
  return suggestions.get(cacheKey);
}

interface UnknownField {
  finding: Finding;
  /** The known key its quick fix renames it to, if any. */
  renamesTo: string | undefined;
}

function unknownField(
  segments: readonly string[],
  property: string,
  parentSchema: string,
  source: SchemaSource,
): UnknownField {
  const parent = locate(source.root, segments).node;
  const pair = findPair(parent, property);
  const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
  const [start, end] = keySpan(keyNode, source.text, parent?.range?.[0] ?? source.documentStart);
  const known = knownKeys(parentSchema);
  const suggestion = suggestKey(property, parentSchema, known);
  const base = `Unknown field \`${property}\` ${whereIs(segments)}`;
  const finding = (message: string, fixes?: Fix[]): Finding => ({
    code: 'unknown-field',
    start,
    end,
    message,
    ...(fixes ? { fixes } : {}),
  });
  if (suggestion === undefined) {
    return { finding: finding(`${base}; known fields are ${oneOrMany(known)}`), renamesTo: undefined };
  }
  if (findPair(parent, suggestion)) {
    return {
      finding: finding(`${base}: \`${suggestion}\` is already set here; remove \`${property}\``),
      renamesTo: undefined,
    };
  }
  const edit = keyNode ? rewriteScalar(source.text, start, end, suggestion) : undefined;
  const fixes: Fix[] = edit
    ? [{ title: `Rename \`${property}\` to \`${suggestion}\``, edits: [edit], isPreferred: true }]
    : [];
  return {
    finding: finding(`${base}: did you mean \`${suggestion}\`?`, fixes),
    renamesTo: edit ? suggestion : undefined,
  };
}

// ---- Wrong values -------------------------------------------------------------------------------

/** Which of several errors about one value says the most: the allowed values, then the type. */
const KEYWORD_ORDER = ['anyOf', 'const', 'enum', 'type', 'minItems', 'minLength'];

function rank(error: SchemaError): number {
  const at = KEYWORD_ORDER.indexOf(error.keyword);
  return at === -1 ? KEYWORD_ORDER.length : at;
}

function valueFinding(
  path: string,
  segments: readonly string[],
  errors: readonly SchemaError[],
  source: SchemaSource,
): Finding {
  const located = locate(source.root, segments);
  const [start, end] = valueSpan(located, source.text);
  const value = dataAt(source.data, segments);
  const found = describeFound(value, located);
  const name = displayName(segments);
  const error = [...errors].sort((a, b) => rank(a) - rank(b))[0];
  const finding = (message: string, fixes?: Fix[]): Finding => ({
    code: 'schema',
    start,
    end,
    message,
    ...(fixes?.length ? { fixes } : {}),
  });
  switch (error.keyword) {
    case 'anyOf':
    case 'enum': {
      const allowed = errors.flatMap((candidate) =>
        Array.isArray(candidate.params.allowedValues) ? candidate.params.allowedValues.map(String) : [],
      );
      if (allowed.length === 0) return finding(`\`${name}\` has none of the allowed forms; found ${found}`);
      return finding(
        `\`${name}\` must be one of ${allowed.join(', ')}; found ${found}`,
        typoFix(value, allowed, located, start, end, source.text),
      );
    }
    case 'const':
      return finding(`\`${name}\` must be \`${String(error.params.allowedValue)}\`; found ${found}`);
    case 'type': {
      if (ENTRY_PATH.test(path)) {
        // A bare `- ` is an entry being typed more often than a mistake: empty-entry (a hint in
        // the editor, an error in `lint`) rather than a red schema error at the first keystroke.
        if (value === null || value === undefined) {
          return {
            code: 'empty-entry',
            start,
            end,
            message:
              'An empty entry: write its `kind` and value field (Ctrl+Space offers a whole entry), or remove the `-`',
          };
        }
        return finding(
          `Each entry of \`spec.revocations\` must be a mapping with \`kind\` and its value field; found ${found}`,
        );
      }
      const quote =
        error.params.type === 'string' &&
        (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
          ? ': quote it'
          : '';
      return finding(`\`${name}\` must be ${describeType(error.params.type)}; found ${found}${quote}`);
    }
    case 'minItems':
      return finding(
        Number(error.params.limit) === 1
          ? `\`${name}\` must not be empty: add at least one entry`
          : `\`${name}\` must have at least ${String(error.params.limit)} items`,
      );
    case 'minLength':
      return finding(
        Number(error.params.limit) === 1
          ? `\`${name}\` must not be empty`
          : `\`${name}\` must have at least ${String(error.params.limit)} characters`,
      );
    default:
      return finding(`\`${name}\` does not match the schema (rule \`${error.keyword}\`); found ${found}`);
  }
}

/** `kind: DSN` → offer `DNS` when exactly one documented spelling is that near. */
function typoFix(
  value: unknown,
  allowed: readonly string[],
  located: Located,
  start: number,
  end: number,
  text: string,
): Fix[] {
  if (typeof value !== 'string' || !located.exact || !isScalar(located.node)) return [];
  const suggestion = nearestName(value, allowed);
  const edit = suggestion === undefined ? undefined : rewriteScalar(text, start, end, suggestion);
  const field = located.key ? String(located.key.value) : undefined;
  const title = field === 'kind' ? `Change kind to \`${suggestion}\`` : `Replace with \`${suggestion}\``;
  return edit && suggestion ? [{ title, edits: [edit] }] : [];
}
