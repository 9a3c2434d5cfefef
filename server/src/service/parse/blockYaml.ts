// A fast reader for the YAML most manifests are written in: block mappings and sequences of
// one-line scalars, with blank lines and comments. It builds the very nodes the `yaml` package's
// `parseAllDocuments` builds (same classes, values, ranges, scalar types and formats), so every
// reader of the model works on either; for anything else (flow collections, block scalars,
// anchors, tags, multi-line or escaped scalars, tabs, directives, any error) it answers undefined
// and the caller parses with `yaml`. Nodes carry no comments (`comment`, `commentBefore`,
// `spaceBefore`): no rule reads them from nodes.
//
// Why it exists: on opening a 10,000-entry manifest the `yaml` package spends most of its time in
// its lexer and concrete-syntax-tree parser, before any node is built; a first open after start
// spends about 480 ms there of a budget of 630 (bench/README.md, "Why a reader of our own"). The
// tests compare this reader's output with `yaml`'s on every fixture and on generated documents
// (test/unit/parse/blockYaml.test.ts).
//
// Where `yaml` puts the blank lines and comments between two lines of content decides some range
// ends, and this reader follows its rules (read from its parser): a comment indented deeper than
// the collection holding a scalar just read joins that scalar's end; other blank and comment
// lines trail the innermost collection and, when it closes, move to its parent unless a comment
// among them is indented at least as deep as the closing collection, whose range then ends after
// them.
import {
  Document,
  isScalar,
  Pair,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type CollectionTag,
  type DocumentOptions,
  type ParseOptions,
  type ScalarTag,
  type SchemaOptions,
} from 'yaml';

export type BlockYamlOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** Thrown inside the reader when the text leaves the subset it reads; caught at its entry. */
class OutsideSubset extends Error {}
const outside = (): never => {
  throw new OutsideSubset();
};

type Schema = NonNullable<Document['schema']>;
type Collection = YAMLMap.Parsed | YAMLSeq.Parsed;
/** What a line can hold after `key: ` or `- `: a scalar, or an empty flow collection. */
type LineValue = Scalar.Parsed | Collection;

const isScalarTag = (tag: ScalarTag | CollectionTag): tag is ScalarTag => !tag.collection;

/** Blank and comment lines (and the next line's indentation) not yet given to any node. */
interface Trailing {
  end: number;
  /** The deepest indentation of a comment among them; -1 when there is none. */
  deepestComment: number;
}

interface EmptyLine {
  /** Where the line's newline stands (-1 at the end of the text). */
  newline: number;
  comment: boolean;
  indent: number;
}

interface Frame {
  kind: 'map' | 'seq';
  indent: number;
  node: Collection;
  start: number;
  /** Where the last item's node ends (its range[2]). */
  end: number;
  /**
   * What the last item holds: a scalar or `{}` or `[]` on its line (`value`, kept in `lineValue`), a
   * collection now closed (`closed`), nothing yet
   * after `key:` or `-` (`empty`, its empty scalar placed at `emptyAt`), or an open collection
   * (`nested`).
   */
  last: 'value' | 'closed' | 'empty' | 'nested';
  lineValue: LineValue | undefined;
  key: Scalar.Parsed | undefined;
  emptyAt: number;
  /** After `key:` or `-` alone: that line and the blank and comment lines since, which decide where its empty scalar ends. */
  emptyLines: EmptyLine[];
  trailing: Trailing | undefined;
  keys: Set<unknown> | undefined;
}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const QUOTE_DOUBLE = 0x22;
const QUOTE_SINGLE = 0x27;
const DOT = 0x2e;
const BRACE = 0x7b;
const BRACKET = 0x5b;
const PERCENT = 0x25;

/** Characters no plain scalar of the subset starts with (flow, anchors, tags, block scalars, reserved). */
const PLAIN_START_EXCLUDED = new Set([...'[]{}#&*!|>%@`,?:'].map((char) => char.charCodeAt(0)));

/** Characters this reader leaves to `yaml`: tabs, carriage returns, other controls and the byte-order mark. */
function checkCharacters(text: string): void {
  // One regular expression test is far quicker than a loop over the characters.
  if (/[\x00-\x09\x0b-\x1f\x7f\ufeff\u0085\u2028\u2029]/.test(text)) outside();
}

export function composeBlockYaml(text: string, options: BlockYamlOptions): Document.Parsed[] | undefined {
  if (options.keepSourceTokens || options.version === '1.1' || options.schema !== undefined) return undefined;
  try {
    checkCharacters(text);
    return new BlockReader(text, options).read();
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

class BlockReader {
  private readonly documents: Document.Parsed[] = [];
  private document: Document.Parsed | undefined;
  private schema: Schema | undefined;
  private documentStart = 0;
  private documentTrailingEnd: number | undefined;
  private stack: Frame[] = [];
  private scalarTags: ScalarTag[] = [];
  private keyTags: ScalarTag[] = [];
  private stringTag: ScalarTag | undefined;

  constructor(
    private readonly text: string,
    private readonly options: BlockYamlOptions,
  ) {}

  read(): Document.Parsed[] {
    const { text } = this;
    let lineStart = 0;
    while (lineStart < text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      const next = newline === -1 ? text.length : newline + 1;
      let at = lineStart;
      while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
      const first = at < lineEnd ? text.charCodeAt(at) : -1;
      if (
        at === lineStart &&
        (first === DASH || first === DOT || first === PERCENT) &&
        this.marker(lineStart, lineEnd)
      ) {
        // `---` closes the document before it (if any) and opens one.
        if (this.document) this.closeDocument(lineStart, true);
        this.openDocument(lineStart, true);
      } else if (first === -1 || first === HASH) {
        this.trivia(at - lineStart, first === HASH, lineEnd, next);
      } else {
        if (!this.document) this.openDocument(at, false);
        this.content(lineStart, at, lineEnd, next);
      }
      lineStart = next;
    }
    if (this.document) this.closeDocument(text.length, false);
    return this.documents;
  }

  /** Whether the line is a `---` marker alone; any other marker or directive is outside the subset. */
  private marker(lineStart: number, lineEnd: number): boolean {
    const { text } = this;
    const first = text.charCodeAt(lineStart);
    if (first !== PERCENT && (text.charCodeAt(lineStart + 1) !== first || text.charCodeAt(lineStart + 2) !== first))
      return false;
    const line = text.slice(lineStart, lineEnd);
    if (line === '---') return true;
    if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) {
      const after = line.charCodeAt(3);
      if (line.startsWith('%') || Number.isNaN(after) || after === SPACE) outside();
    }
    return false;
  }

  private openDocument(start: number, explicit: boolean): void {
    const document = new Document(undefined, this.options) as Document.Parsed;
    if (explicit) document.directives.docStart = true;
    this.document = document;
    this.documentStart = start;
    this.documentTrailingEnd = undefined;
    this.useSchema(document.schema);
  }

  private useSchema(schema: Schema): void {
    if (schema === this.schema) return;
    this.schema = schema;
    const scalarTags = schema.tags.filter(isScalarTag);
    this.scalarTags = scalarTags.filter((tag) => tag.default === true && tag.test);
    this.keyTags = scalarTags.filter((tag) => (tag.default === true || tag.default === 'key') && tag.test);
    this.stringTag = scalarTags.find((tag) => tag.tag === 'tag:yaml.org,2002:str');
    if (!this.stringTag || schema.compat) outside();
  }

  private closeDocument(end: number, marker: boolean): void {
    const document = this.document as Document.Parsed;
    // `---` with nothing after it: an empty document, which the subset leaves to `yaml`.
    if (this.stack.length === 0) outside();
    this.popAll(end, marker);
    const contents = document.contents as Collection;
    const contentEnd = contents.range[2];
    document.range = [this.documentStart, contentEnd, this.documentTrailingEnd ?? contentEnd];
    this.documents.push(document);
    this.document = undefined;
  }

  private get top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** A blank or comment-only line, `indent` spaces deep, ending (after its newline) at `next`. */
  private trivia(indent: number, comment: boolean, lineEnd: number, next: number): void {
    const frame = this.top;
    if (frame?.last === 'empty') frame.emptyLines.push({ newline: lineEnd === next ? -1 : lineEnd, comment, indent });
    if (!frame || frame.last !== 'value') return;
    if (
      comment &&
      indent > frame.indent &&
      frame.lineValue &&
      !(frame.trailing && frame.trailing.deepestComment >= 0)
    ) {
      // A comment indented deeper than the collection joins the scalar just read, with any blank lines before it.
      frame.lineValue.range[2] = next;
      frame.end = next;
      frame.trailing = undefined;
      return;
    }
    const trailing = frame.trailing ?? { end: next, deepestComment: -1 };
    trailing.end = next;
    if (comment) trailing.deepestComment = Math.max(trailing.deepestComment, indent);
    frame.trailing = trailing;
  }

  private content(lineStart: number, at: number, lineEnd: number, next: number): void {
    const indent = at - lineStart;
    const dash = this.isDash(at, lineEnd);
    let frame = this.top;
    let commentBefore = false;
    if (frame && frame.last === 'value' && indent > 0) {
      // The line's indentation trails the scalar just read, like a blank line would.
      const trailing = frame.trailing ?? { end: at, deepestComment: -1 };
      trailing.end = at;
      frame.trailing = trailing;
    }
    while (frame && this.closes(frame, indent, dash)) {
      this.pop(frame, at, false);
      frame = this.top;
    }
    if (!frame) {
      if (this.document?.contents || indent !== 0) outside();
      this.openFrame(dash ? 'seq' : 'map', indent, at);
    } else if (
      frame.last === 'empty' &&
      (indent > frame.indent || (dash && frame.kind === 'map' && indent === frame.indent))
    ) {
      frame.last = 'nested';
      this.openFrame(dash ? 'seq' : 'map', indent, at);
    } else if (indent !== frame.indent || dash !== (frame.kind === 'seq')) {
      outside();
    } else {
      this.endEmpty(frame, at, frame.kind === 'map');
      // The trailing lines become the start of this item: a comment among them counts for an empty `-`.
      commentBefore = (frame.trailing?.deepestComment ?? -1) >= 0;
      frame.trailing = undefined;
    }
    this.item(this.top as Frame, lineStart, at, lineEnd, next, commentBefore);
  }

  private isDash(at: number, lineEnd: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    return at + 1 === lineEnd || this.text.charCodeAt(at + 1) === SPACE;
  }

  /** Whether a line of content at `indent` closes `frame`. */
  private closes(frame: Frame, indent: number, dash: boolean): boolean {
    if (indent < frame.indent) return true;
    return frame.kind === 'seq' && indent === frame.indent && !dash;
  }

  private openFrame(kind: 'map' | 'seq', indent: number, start: number): void {
    const schema = this.schema as Schema;
    const node = (kind === 'map' ? new YAMLMap(schema) : new YAMLSeq(schema)) as Collection;
    this.stack.push({
      kind,
      indent,
      node,
      start,
      end: start,
      last: 'closed',
      lineValue: undefined,
      key: undefined,
      emptyAt: start,
      emptyLines: [],
      trailing: undefined,
      keys: kind === 'map' ? new Set() : undefined,
    });
  }

  /**
   * Gives a `key:` or `-` with nothing after it its empty scalar, once the next item (at
   * `closeAt`) or the collection's end is known. Its range ends where it starts, unless comments
   * follow it: then `yaml` ends it after the lines it keeps for it, which are all of them, or
   * (`split`, the next key of the same mapping follows) those before the second line break of the
   * last run not broken by a comment indented deeper than the mapping.
   */
  private endEmpty(frame: Frame, closeAt: number, split: boolean): void {
    if (frame.last !== 'empty') return;
    const lines = frame.emptyLines;
    let kept = lines.length;
    let end = closeAt;
    if (split) {
      let run = 0;
      for (let index = 1; index < lines.length; index++)
        if (lines[index].comment && lines[index].indent > frame.indent) run = index;
      if (lines.length - run >= 2) {
        kept = run + 2;
        end = lines[run + 1].newline;
      }
    }
    let comment = false;
    for (let index = 0; index < kept; index++) comment ||= lines[index].comment;
    const rangeEnd = comment ? end : frame.emptyAt;
    const empty = this.scalar('', frame.emptyAt, frame.emptyAt, rangeEnd, 'PLAIN', false);
    this.add(frame, empty);
    frame.end = rangeEnd;
    frame.last = 'value';
    frame.lineValue = undefined;
  }

  private add(frame: Frame, node: Scalar.Parsed | Collection): void {
    if (frame.kind === 'seq') (frame.node as YAMLSeq.Parsed).items.push(node);
    else (frame.node as YAMLMap.Parsed).items.push(new Pair(frame.key as Scalar.Parsed, node));
  }

  private pop(frame: Frame, closeAt: number, split: boolean): void {
    this.endEmpty(frame, closeAt, split);
    this.stack.pop();
    const trailing = frame.trailing;
    let moved: Trailing | undefined;
    let commentEnd: number | undefined;
    if (trailing) {
      if (frame.indent === 0 || trailing.deepestComment < frame.indent) moved = trailing;
      else commentEnd = trailing.end;
    }
    frame.node.range = [frame.start, frame.end, commentEnd ?? frame.end];
    const parent = this.top;
    if (!parent) {
      (this.document as Document.Parsed).contents = frame.node;
      this.documentTrailingEnd = moved?.end;
      return;
    }
    this.add(parent, frame.node);
    parent.end = frame.node.range[2];
    parent.last = 'closed';
    parent.lineValue = undefined;
    parent.trailing = moved;
  }

  /** Closes every collection at the end of a document, `end`: the text's end or a `---` line (`marker`). */
  private popAll(end: number, marker: boolean): void {
    while (this.top) this.pop(this.top, end, marker && this.top.indent === 0 && this.top.kind === 'map');
  }

  /** One item of `frame` starting at `at`: `key: …` in a mapping, `- …` in a sequence. */
  private item(
    frame: Frame,
    lineStart: number,
    at: number,
    lineEnd: number,
    next: number,
    commentBefore: boolean,
  ): void {
    if (frame.kind === 'map') {
      const colon = this.keyEnd(at, lineEnd);
      if (colon === -1) outside();
      this.pair(frame, at, colon, lineEnd, next);
      return;
    }
    const { text } = this;
    let content = at + 1;
    while (content < lineEnd && text.charCodeAt(content) === SPACE) content++;
    if (content === lineEnd || text.charCodeAt(content) === HASH) {
      this.expectEmpty(frame, content, lineEnd, next);
      frame.emptyLines[0].comment ||= commentBefore;
      return;
    }
    if (this.isDash(content, lineEnd)) outside();
    const colon = this.keyEnd(content, lineEnd);
    if (colon !== -1) {
      // `- key: …`: a mapping whose keys stand at the column of this first one.
      frame.last = 'nested';
      this.openFrame('map', content - lineStart, content);
      this.pair(this.top as Frame, content, colon, lineEnd, next);
      return;
    }
    const value = this.lineValue(content, lineEnd, next);
    this.add(frame, value);
    this.valueRead(frame, value);
  }

  /** `key: …` from `at`, its `:` at `colon`. */
  private pair(frame: Frame, at: number, colon: number, lineEnd: number, next: number): void {
    const { text } = this;
    const key = this.scalar(text.slice(at, colon), at, colon, colon, 'PLAIN', true);
    if (typeof key.value !== 'string' || (frame.keys as Set<unknown>).has(key.value)) outside();
    (frame.keys as Set<unknown>).add(key.value);
    frame.key = key;
    let value = colon + 1;
    while (value < lineEnd && text.charCodeAt(value) === SPACE) value++;
    if (value === lineEnd || text.charCodeAt(value) === HASH) {
      this.expectEmpty(frame, value, lineEnd, next);
      return;
    }
    if (this.isDash(value, lineEnd)) outside();
    const node = this.lineValue(value, lineEnd, next);
    this.add(frame, node);
    this.valueRead(frame, node);
  }

  private expectEmpty(frame: Frame, at: number, lineEnd: number, next: number): void {
    frame.last = 'empty';
    frame.emptyAt = at;
    frame.emptyLines = [
      { newline: lineEnd === next ? -1 : lineEnd, comment: this.text.charCodeAt(at) === HASH, indent: frame.indent },
    ];
    frame.lineValue = undefined;
  }

  private valueRead(frame: Frame, value: LineValue): void {
    frame.last = 'value';
    frame.lineValue = value;
    frame.end = value.range[2];
  }

  /** The value on a line from `at`: `{}` or `[]` (as kubectl writes empty fields), else a scalar. */
  private lineValue(at: number, lineEnd: number, next: number): LineValue {
    const { text } = this;
    const first = text.charCodeAt(at);
    if (first !== BRACE && first !== BRACKET) return this.lineScalar(at, lineEnd, next);
    if (text.charCodeAt(at + 1) !== first + 2) outside();
    const valueEnd = at + 2;
    this.checkLineRest(valueEnd, lineEnd);
    const schema = this.schema as Schema;
    const node = (first === BRACE ? new YAMLMap(schema) : new YAMLSeq(schema)) as Collection;
    node.flow = true;
    node.range = [at, valueEnd, next];
    return node;
  }

  /** After a quoted scalar or `{}`: nothing, or spaces and a comment. */
  private checkLineRest(valueEnd: number, lineEnd: number): void {
    const { text } = this;
    let rest = valueEnd;
    while (rest < lineEnd && text.charCodeAt(rest) === SPACE) rest++;
    if (rest < lineEnd && (text.charCodeAt(rest) !== HASH || rest === valueEnd)) outside();
  }

  /**
   * Where the `:` of a plain key starting at `at` stands (followed by a space or the line's end),
   * or -1 when the line holds no such key.
   */
  private keyEnd(at: number, lineEnd: number): number {
    const { text } = this;
    const first = text.charCodeAt(at);
    if (first === QUOTE_DOUBLE || first === QUOTE_SINGLE) {
      // A quoted key is outside the subset; a quoted scalar is not a key.
      const close = text.indexOf(String.fromCharCode(first), at + 1);
      if (close !== -1 && close < lineEnd && text.charCodeAt(close + 1) === COLON) outside();
      return -1;
    }
    for (let colon = at; colon < lineEnd; colon++) {
      if (text.charCodeAt(colon) !== COLON) continue;
      const after = colon + 1;
      if (after === lineEnd || text.charCodeAt(after) === SPACE) {
        if (this.commentStart(at, colon) !== -1) return -1;
        if (text.charCodeAt(colon - 1) === SPACE || colon === at) outside();
        this.checkPlain(at, colon);
        return colon;
      }
    }
    return -1;
  }

  /** Where ` #` (a comment after a plain scalar) starts between `from` and `to`, or -1. */
  private commentStart(from: number, to: number): number {
    const { text } = this;
    for (let at = from + 1; at < to; at++)
      if (text.charCodeAt(at) === HASH && text.charCodeAt(at - 1) === SPACE) return at - 1;
    return -1;
  }

  private checkPlain(start: number, end: number): void {
    const { text } = this;
    const first = text.charCodeAt(start);
    if (PLAIN_START_EXCLUDED.has(first)) outside();
    if (first === DASH && (start + 1 === end || text.charCodeAt(start + 1) === SPACE)) outside();
  }

  /** The scalar on a line from `at` to its end or comment; `next` is where the line ends, after its newline. */
  private lineScalar(at: number, lineEnd: number, next: number): Scalar.Parsed {
    const { text } = this;
    const first = text.charCodeAt(at);
    let valueEnd: number;
    let source: string;
    let type: Scalar.Type;
    if (first === QUOTE_DOUBLE || first === QUOTE_SINGLE) {
      const quote = String.fromCharCode(first);
      let close = text.indexOf(quote, at + 1);
      if (first === QUOTE_SINGLE)
        while (close !== -1 && text.charCodeAt(close + 1) === QUOTE_SINGLE) close = text.indexOf(quote, close + 2);
      if (close === -1 || close >= lineEnd) outside();
      source = text.slice(at + 1, close);
      if (first === QUOTE_DOUBLE) {
        if (source.includes('\\')) outside();
        type = 'QUOTE_DOUBLE';
      } else {
        source = source.replaceAll("''", "'");
        type = 'QUOTE_SINGLE';
      }
      valueEnd = close + 1;
      this.checkLineRest(valueEnd, lineEnd);
    } else {
      const hash = this.commentStart(at, lineEnd);
      let end = hash !== -1 ? hash : lineEnd;
      while (end > at && text.charCodeAt(end - 1) === SPACE) end--;
      this.checkPlain(at, end);
      source = text.slice(at, end);
      // `a: b: c` and a scalar ending in `:` are errors or keys: `yaml` reports them.
      if (source.includes(': ') || source.charCodeAt(source.length - 1) === COLON) outside();
      valueEnd = end;
      type = 'PLAIN';
    }
    return this.scalar(source, at, valueEnd, next, type, false);
  }

  /** A scalar node as `yaml` composes it: the value its schema resolves, the source, the type and format. */
  private scalar(
    source: string,
    start: number,
    valueEnd: number,
    end: number,
    type: Scalar.Type,
    atKey: boolean,
  ): Scalar.Parsed {
    let tag = this.stringTag as ScalarTag;
    if (type === 'PLAIN') {
      const tags = atKey ? this.keyTags : this.scalarTags;
      for (const candidate of tags) {
        if (candidate.test?.test(source)) {
          tag = candidate;
          break;
        }
      }
    }
    const resolved = tag.resolve(source, outside, (this.document as Document.Parsed).options);
    // The null tag answers with a node of its own, as `yaml`'s composer allows.
    if (!isScalar(resolved) && typeof resolved === 'object' && resolved !== null) outside();
    const scalar = (isScalar(resolved) ? resolved : new Scalar(resolved)) as Scalar.Parsed;
    scalar.range = [start, valueEnd, end];
    scalar.source = source;
    scalar.type = type;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }
}
