// From a schema error's instancePath (a JSON pointer into the document's data) back to the YAML
// that was written: the node, and the key it sits under, so that a finding lands on the tightest
// range (a value on its value, a key on its key).
import { isCollection, isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { VALUE_FIELDS, type ValueFieldName } from '../../manifest/manifestModel';

export interface Located {
  /** The deepest node the walk reached (null for a pair written without a value). */
  node: Node | null;
  /** The key the node sits under, when it is a mapping value. */
  key: Scalar | undefined;
  /** False when the walk stopped early: an alias, or data the AST does not show. */
  exact: boolean;
}

/** `/spec/revocations/0/kind` → `['spec', 'revocations', '0', 'kind']`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function findPair(map: Node | null, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  // toJS keeps the last of repeated keys: so do we (repeats are also a yaml-syntax error).
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair;
  }
  return undefined;
}

export function locate(root: Node | null, segments: readonly string[]): Located {
  let node: Node | null = root;
  let key: Scalar | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = findPair(node, segment);
      if (!pair) return { node, key, exact: false };
      key = pair.key as Scalar;
      node = (pair.value ?? null) as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return { node, key, exact: false };
      key = undefined;
      node = (item ?? null) as Node | null;
    } else {
      // An alias (the data came from its anchor) or a scalar: the finding stays where we are.
      return { node, key, exact: false };
    }
  }
  return { node, key, exact: true };
}

type Span = [number, number];

function written(node: Node | null | undefined): Span | undefined {
  const range = node?.range;
  return range && range[1] > range[0] ? [range[0], range[1]] : undefined;
}

function isBlockCollection(node: Node | null): boolean {
  return isCollection(node) && !node.flow;
}

/**
 * Where a finding about a value goes: the value as written; its key when the value is empty or
 * a block mapping or list (a squiggle over a whole block helps nobody); else a character near.
 */
export function valueSpan(located: Located, text: string): Span {
  const { node, key } = located;
  const nodeSpan = written(node);
  const keySpan = written(key);
  if (nodeSpan && !(keySpan && isBlockCollection(node))) return nodeSpan;
  if (keySpan) return keySpan;
  return visibleAround(text, node?.range?.[0] ?? 0);
}

export function keySpan(key: Scalar | undefined, text: string, fallback: number): Span {
  return written(key) ?? visibleAround(text, fallback);
}

/**
 * Where a finding about a whole entry goes (the README, "Diagnostics"): the value of its value field, else its
 * kind value, else its first key, else the entry itself.
 */
export function entrySpan(entry: Node | null, text: string): Span {
  const located = (field: string): Located | undefined => {
    const pair = findPair(entry, field);
    return pair ? { node: (pair.value ?? null) as Node | null, key: pair.key as Scalar, exact: true } : undefined;
  };
  const valueField = VALUE_FIELDS.map((field: ValueFieldName) => located(field)).find((found) => found !== undefined);
  const anchor = valueField ?? located('kind');
  if (anchor) return valueSpan(anchor, text);
  if (isMap(entry) && entry.items.length > 0 && isScalar(entry.items[0].key))
    return keySpan(entry.items[0].key, text, 0);
  return written(entry) ?? visibleAround(text, entry?.range?.[0] ?? 0);
}

/**
 * A one-character range at or just before `offset` that shows in the editor: an empty list item
 * (`- ` with nothing after) has an empty range after its dash; mark the dash.
 */
export function visibleAround(text: string, offset: number): Span {
  let at = Math.min(Math.max(offset, 0), text.length);
  if (at < text.length && !/\s/.test(text[at])) return [at, at + 1];
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at > 0 ? [at - 1, at] : [0, Math.min(1, text.length)];
}
