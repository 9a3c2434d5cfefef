// Where the cursor is, for completion, on text that is often half typed: the shape of the
// current line (a key being typed, `key: value`, `- `) comes from its text; what that line
// belongs to comes from the columns of the well-formed mappings and lists around it in the AST,
// which is how YAML itself decides (a line belongs to the mapping whose keys share its column).
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { resolveKind, type EntryKind } from '../manifest/manifestModel';
import type { FileModel, YamlDocumentModel } from '../parse/fileModel';
import {
  collectionScope,
  documentAt,
  framesAt,
  isEmptyValue,
  lastPairAtOrBefore,
  startOf,
  type FrameScope,
  type MapFrame,
  type SeqFrame,
} from './locate';
import { childScopeOf, type ObjectScope } from './schemaScopes';

export interface KeySuggestions {
  scope: ObjectScope;
  /** Keys already written in that mapping (the cursor's own line excepted). */
  present: ReadonlySet<string>;
  /** For an entry: its kind, when written and known. */
  entryKind: EntryKind | undefined;
  /** A `:` already follows the word: insert the key alone. */
  colonFollows: boolean;
}

export interface ValueSuggestions {
  scope: ObjectScope;
  key: string;
  /** What is typed of the value so far (from its start to the cursor). */
  typed: string;
  /** The cursor is right after the `:`: insert a space first. */
  spaceBefore: boolean;
}

export interface EntrySnippetPlace {
  /** The column of the entry's keys. */
  entryColumn: number;
  /** The text must bring its own `- ` (none typed yet on this line). */
  withDash: boolean;
}

export interface CompletionContext {
  /** The text the chosen item replaces: the word (or value) under the cursor. */
  replaceStart: number;
  replaceEnd: number;
  /** The column of `replaceStart`. */
  column: number;
  keys?: KeySuggestions;
  values?: ValueSuggestions;
  entrySnippets?: EntrySnippetPlace;
  /** The document has nothing yet: offer a whole manifest. */
  newManifest?: boolean;
}

const KEY_LINE = /^( *)(?:-( +))?([A-Za-z0-9_]*)$/;
const VALUE_LINE = /^( *)(?:-( +))?([A-Za-z0-9_]+) *:(?:( +)(.*))?$/;
const WORD_AFTER = /^[A-Za-z0-9_]*/;

function isObjectScope(scope: FrameScope | undefined): scope is ObjectScope {
  return scope === 'root' || scope === 'metadata' || scope === 'spec' || scope === 'entry';
}

/** A document with no content yet, or only the word being typed on the cursor's line. */
function hasNothingYet(doc: YamlDocumentModel | undefined, lineStart: number, lineEnd: number): boolean {
  if (!doc) return true;
  const contents = doc.yaml.contents;
  if (isEmptyValue(contents)) return true;
  if (!isScalar(contents)) return false;
  const start = startOf(contents) ?? -1;
  return start >= lineStart && start <= lineEnd;
}

/** The keys of a mapping, leaving out the pair on the cursor's line (that key is being typed). */
function presentKeys(map: YAMLMap, lineStart: number, lineEnd: number): Set<string> {
  const present = new Set<string>();
  for (const pair of map.items) {
    const start = startOf(pair.key as Node | null);
    if (!isScalar(pair.key) || (start !== undefined && start >= lineStart && start <= lineEnd)) continue;
    present.add(String(pair.key.value));
  }
  return present;
}

function entryKindOf(map: YAMLMap | undefined): EntryKind | undefined {
  const pair = map?.items.find((item) => isScalar(item.key) && item.key.value === 'kind');
  return pair && isScalar(pair.value) && typeof pair.value.value === 'string'
    ? resolveKind(pair.value.value)
    : undefined;
}

function deepestMap(
  frames: readonly (MapFrame | SeqFrame)[],
  test: (frame: MapFrame) => boolean,
): MapFrame | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    if (frame.type === 'map' && test(frame)) return frame;
  }
  return undefined;
}

function deepestSeq(
  frames: readonly (MapFrame | SeqFrame)[],
  test: (frame: SeqFrame) => boolean,
): SeqFrame | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    if (frame.type === 'seq' && test(frame)) return frame;
  }
  return undefined;
}

interface Line {
  file: FileModel;
  offset: number;
  lineStart: number;
  lineEnd: number;
}

function keysFor(
  scope: FrameScope,
  map: YAMLMap | undefined,
  line: Line,
  colonFollows: boolean,
): KeySuggestions | undefined {
  if (!isObjectScope(scope)) return undefined;
  return {
    scope,
    present: map ? presentKeys(map, line.lineStart, line.lineEnd) : new Set(),
    entryKind: scope === 'entry' ? entryKindOf(map) : undefined,
    colonFollows,
  };
}

/** The column of a block collection's first key or dash. */
function columnOf(line: Line, node: unknown): number | undefined {
  const start = startOf(node as Node | null);
  return start === undefined ? undefined : line.file.lineIndex.positionAt(start).character;
}

/** Suggestions for a key typed at `column` on a line of its own (no `- `). */
function keyLineContext(
  frames: (MapFrame | SeqFrame)[],
  column: number,
  line: Line,
  colonFollows: boolean,
): Pick<CompletionContext, 'keys' | 'entrySnippets'> {
  const beforeLine = line.lineStart - 1;
  const map = deepestMap(frames, (frame) => frame.column === column);
  if (map) {
    const result: Pick<CompletionContext, 'keys' | 'entrySnippets'> = {};
    const index = frames.indexOf(map);
    const next = frames[index + 1];
    const previous = lastPairAtOrBefore(map.node, beforeLine);
    const previousOpensList =
      previous !== undefined &&
      isObjectScope(map.scope) &&
      isScalar(previous.key) &&
      childScopeOf(map.scope, String(previous.key.value)) === 'revocations';
    // `revocations:` then a line at its own column: YAML takes a `- ` there as its list, whether
    // the list already runs past the cursor, starts below it, or is not written yet.
    const listHere = next?.type === 'seq' && next.scope === 'revocations' && next.column === column;
    const listBelow =
      previousOpensList &&
      isSeq(previous.value) &&
      !previous.value.flow &&
      (startOf(previous.value) ?? 0) > line.offset &&
      columnOf(line, previous.value) === column;
    const emptyListBefore = previousOpensList && isEmptyValue(previous.value);
    if (listHere || listBelow || emptyListBefore) result.entrySnippets = { entryColumn: column + 2, withDash: true };
    // Between two entries a key of the mapping would cut the list in two: offer entries only.
    const itemsAfter =
      listHere &&
      next.type === 'seq' &&
      (startOf(next.node.items[next.node.items.length - 1] as Node | null) ?? 0) > line.offset;
    const insideList = itemsAfter || listBelow;
    if (!insideList) result.keys = keysFor(map.scope, map.node, line, colonFollows);
    return result;
  }
  const list = deepestSeq(frames, (frame) => frame.column === column);
  if (list) return list.scope === 'revocations' ? { entrySnippets: { entryColumn: column + 2, withDash: true } } : {};
  // Deeper than every mapping around: the value of the last key above, on lines of its own.
  const parent = deepestMap(frames, (frame) => frame.column < column);
  const pair = parent ? lastPairAtOrBefore(parent.node, beforeLine) : undefined;
  if (!parent || !pair || !isObjectScope(parent.scope) || !isScalar(pair.key)) return {};
  const scope = collectionScope(childScopeOf(parent.scope, String(pair.key.value)));
  const value = pair.value;
  if (isEmptyValue(value)) {
    if (scope === 'revocations') return { entrySnippets: { entryColumn: column + 2, withDash: true } };
    return { keys: keysFor(scope, undefined, line, colonFollows) };
  }
  // The value starts below the cursor (an empty line inserted above its first key).
  if (columnOf(line, value) !== column) return {};
  if (isMap(value) && !value.flow) return { keys: keysFor(scope, value, line, colonFollows) };
  if (isSeq(value) && !value.flow && scope === 'revocations')
    return { entrySnippets: { entryColumn: column + 2, withDash: true } };
  return {};
}

/** Suggestions after a `- ` at `dashColumn`: the first key of a list item. */
function dashLineContext(
  frames: (MapFrame | SeqFrame)[],
  dashColumn: number,
  keyColumn: number,
  line: Line,
  colonFollows: boolean,
): Pick<CompletionContext, 'keys' | 'entrySnippets'> {
  const list = deepestSeq(frames, (frame) => frame.column === dashColumn);
  if (!list || list.scope !== 'revocations') return {};
  const next = frames[frames.indexOf(list) + 1];
  const item = next?.type === 'map' && next.column === keyColumn ? next.node : undefined;
  const keys = keysFor('entry', item, line, colonFollows);
  // A whole entry only where the item is still empty, else it would repeat keys.
  return keys && keys.present.size === 0
    ? { keys, entrySnippets: { entryColumn: keyColumn, withDash: false } }
    : { keys };
}

function valueScope(
  frames: (MapFrame | SeqFrame)[],
  keyColumn: number,
  dashColumn: number | undefined,
  nothingYet: boolean,
): ObjectScope | undefined {
  if (dashColumn !== undefined) {
    const list = deepestSeq(frames, (frame) => frame.column === dashColumn);
    return list?.scope === 'revocations' ? 'entry' : undefined;
  }
  const map = deepestMap(frames, (frame) => frame.column === keyColumn);
  if (map) return isObjectScope(map.scope) ? map.scope : undefined;
  return nothingYet && keyColumn === 0 ? 'root' : undefined;
}

/** Where a value on the cursor's line ends: before a comment, without trailing spaces. */
function valueEnd(lineText: string, from: number): number {
  const rest = lineText.slice(from);
  const comment = rest.search(/\s#/);
  return from + (comment >= 0 ? rest.slice(0, comment) : rest).trimEnd().length;
}

/** What completion can offer at `offset`, or undefined where it offers nothing (comments, other YAML). */
export function completionContextAt(file: FileModel, offset: number): CompletionContext | undefined {
  if (file.languageId !== 'yaml') return undefined;
  const { lineIndex } = file;
  const position = lineIndex.positionAt(offset);
  const lineText = lineIndex.lineText(position.line);
  const lineStart = offset - position.character;
  const lineEnd = lineStart + lineText.length;
  const prefix = lineText.slice(0, position.character);
  const suffix = lineText.slice(position.character);
  if (/(^|\s)#/.test(prefix)) return undefined;
  const doc = documentAt(file, offset);
  const nothingYet = hasNothingYet(doc, lineStart, lineEnd);
  const frames = doc && !nothingYet ? framesAt(file, doc, offset) : [];
  // Only inside a manifest: the document's root, or an item of a List.
  if (!nothingYet && !frames.some((frame) => frame.scope === 'root')) return undefined;
  const line: Line = { file, offset, lineStart, lineEnd };

  const valueMatch = VALUE_LINE.exec(prefix);
  if (valueMatch) {
    const [, indent, dashSpaces, key, spaces, typed = ''] = valueMatch;
    const dashColumn = dashSpaces === undefined ? undefined : indent.length;
    const keyColumn = dashSpaces === undefined ? indent.length : indent.length + 1 + dashSpaces.length;
    const scope = valueScope(frames, keyColumn, dashColumn, nothingYet);
    if (!scope) return undefined;
    const replaceStart = offset - typed.length;
    return {
      replaceStart,
      replaceEnd: Math.max(offset, valueEnd(lineText, position.character) + lineStart),
      column: replaceStart - lineStart,
      values: { scope, key, typed, spaceBefore: spaces === undefined },
    };
  }

  const keyMatch = KEY_LINE.exec(prefix);
  if (!keyMatch) return undefined;
  const [, indent, dashSpaces, word] = keyMatch;
  const wordAfter = WORD_AFTER.exec(suffix)?.[0] ?? '';
  const colonFollows = /^\s*:/.test(suffix.slice(wordAfter.length));
  const replaceStart = offset - word.length;
  const base = { replaceStart, replaceEnd: offset + wordAfter.length, column: replaceStart - lineStart };
  if (nothingYet) {
    if (dashSpaces !== undefined) return undefined;
    return {
      ...base,
      newManifest: true,
      keys: { scope: 'root', present: new Set(), entryKind: undefined, colonFollows },
    };
  }
  const found =
    dashSpaces === undefined
      ? keyLineContext(frames, indent.length, line, colonFollows)
      : dashLineContext(frames, indent.length, indent.length + 1 + dashSpaces.length, line, colonFollows);
  return found.keys || found.entrySnippets ? { ...base, ...found } : undefined;
}
