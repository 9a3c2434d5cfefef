// One YAML mistake, one error where it is. A tab used as indentation, or a line dedented to a
// column no level above it has, makes the parser report errors elsewhere (at the end of the line
// before, on the lines after, "Map keys must be unique", "Implicit keys need to be on a single
// line") and the rules misread the entry around it. This finds the mistake itself from the lines'
// columns (as YAML decides what a line belongs to), with the region of lines it throws off: the
// syntax rule reports the mistake once, with a fix, and drops the errors and findings in its
// region (they are the same mistake seen from elsewhere).
import type { FileModel, YamlDocumentModel } from '../parse/fileModel';
import { memo } from '../parse/fileModel';
import type { Fix } from './ruleTypes';

export interface IndentationMistake {
  kind: 'tab' | 'dedent';
  /** The finding's range: the tabs, or the dedented line's indentation and first word. */
  start: number;
  end: number;
  message: string;
  fix: Fix;
  /** The rules' findings in [regionStart, regionEnd) follow from this mistake: the lines of its block. */
  regionStart: number;
  regionEnd: number;
  /**
   * The parser's errors follow from it up to here: the end of the collection that holds its block
   * (a tab in one entry can make the parser misread the entries after it).
   */
  errorsEnd: number;
}

/** A document with more mistakes than this is read no further: one screen of them is enough. */
const MAX_MISTAKES = 20;

interface Level {
  column: number;
  /** The start of the latest line at this column. */
  lineStart: number;
}

interface ContentLine {
  start: number;
  /** The leading blanks (spaces and tabs). */
  indent: string;
  content: string;
}

const KEY_AFTER_DASH = /^-( +)(?=[^#\s])(?:[^#]*?):(?:\s|$)/;

function contentLines(file: FileModel, document: YamlDocumentModel): ContentLine[] {
  const { lineIndex } = file;
  const first = lineIndex.positionAt(document.start).line;
  const last = lineIndex.positionAt(document.end).line;
  const lines: ContentLine[] = [];
  for (let line = first; line <= last; line++) {
    const text = lineIndex.lineText(line);
    const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
    const content = text.slice(indent.length);
    if (content === '' || content.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(content) || content.startsWith('%'))
      continue;
    lines.push({ start: lineIndex.offsetAt({ line, character: 0 }), indent, content });
  }
  return lines;
}

function withoutComment(content: string): string {
  const comment = content.search(/\s#/);
  return (comment >= 0 ? content.slice(0, comment) : content).trimEnd();
}

/** The line opens a block below it: `key:` or a lone `-`. */
function opensBlock(content: string): boolean {
  const bare = withoutComment(content);
  return bare === '-' || (bare.endsWith(':') && !bare.startsWith('"') && !bare.startsWith("'"));
}

/** For `- key: …` at `column`: the column of the item's keys. */
function itemKeyColumn(content: string, column: number): number | undefined {
  const match = KEY_AFTER_DASH.exec(content);
  return match ? column + 1 + match[1].length : undefined;
}

function spaces(count: number): string {
  return ' '.repeat(count);
}

/** The deepest level under `column`, if any. */
function parentOf(levels: readonly Level[], column: number): Level | undefined {
  for (let i = levels.length - 1; i >= 0; i--) if (levels[i].column < column) return levels[i];
  return undefined;
}

/** The start of the first content line after `from` indented less than `column` + 1 (or than `column` when `strictly`). */
function firstLineLeftOf(
  lines: readonly ContentLine[],
  from: number,
  column: number,
  strictly: boolean,
  documentEnd: number,
): number {
  for (let i = from + 1; i < lines.length; i++) {
    const indent = lines[i].indent;
    if (!indent.includes('\t') && (strictly ? indent.length < column : indent.length <= column)) return lines[i].start;
  }
  return documentEnd;
}

function regionOf(
  lines: readonly ContentLine[],
  from: number,
  parent: Level | undefined,
  document: YamlDocumentModel,
): Pick<IndentationMistake, 'regionStart' | 'regionEnd' | 'errorsEnd'> {
  if (!parent) return { regionStart: document.start, regionEnd: document.end, errorsEnd: document.end };
  return {
    regionStart: parent.lineStart,
    regionEnd: firstLineLeftOf(lines, from, parent.column, false, document.end),
    errorsEnd: firstLineLeftOf(lines, from, parent.column, true, document.end),
  };
}

function mistakesOf(file: FileModel, document: YamlDocumentModel): IndentationMistake[] {
  const tabLines = new Set<number>();
  for (const error of document.errors) {
    if (error.code === 'TAB_AS_INDENT') tabLines.add(file.lineIndex.lineStartOf(error.start));
  }
  const lines = contentLines(file, document);
  const mistakes: IndentationMistake[] = [];
  const levels: Level[] = [{ column: 0, lineStart: document.start }];
  // The column the previous content line's children go to, and whether it opened a block.
  let previousChildColumn = 0;
  let previousSiblingColumn = 0;
  let previousOpens = false;
  for (let index = 0; index < lines.length && mistakes.length < MAX_MISTAKES; index++) {
    const line = lines[index];
    let column = line.indent.length;
    if (line.indent.includes('\t')) {
      if (!tabLines.has(line.start)) continue;
      column = previousOpens ? previousChildColumn : previousSiblingColumn;
      const firstTab = line.start + line.indent.indexOf('\t');
      const lastTab = line.start + line.indent.lastIndexOf('\t') + 1;
      const parent = parentOf(levels, column);
      while (levels.length > 1 && levels[levels.length - 1].column > column) levels.pop();
      if (levels[levels.length - 1].column < column) levels.push({ column, lineStart: line.start });
      mistakes.push({
        kind: 'tab',
        start: firstTab,
        end: lastTab,
        message: `Tabs are not allowed as indentation: indent this line with spaces (${column} to line up with the line above)`,
        fix: {
          title: 'Convert tabs to spaces',
          edits: [{ start: line.start, end: line.start + line.indent.length, newText: spaces(column) }],
          isPreferred: true,
        },
        ...regionOf(lines, index, parent, document),
      });
    } else {
      let popped: Level | undefined;
      while (levels.length > 1 && levels[levels.length - 1].column > column) popped = levels.pop();
      const top = levels[levels.length - 1];
      if (popped && top.column < column) {
        const word = /^[^\s:#]*/.exec(line.content)?.[0] ?? '';
        mistakes.push({
          kind: 'dedent',
          start: line.start,
          end: line.start + column + word.length,
          message: `This line is indented ${column} spaces, which lines up with no level above it (${top.column} or ${popped.column}): YAML cannot tell what it belongs to. Indent it by ${popped.column} spaces to keep it with the lines above, or by ${top.column}`,
          fix: {
            title: `Indent by ${popped.column} spaces, like the line above`,
            edits: [{ start: line.start, end: line.start + column, newText: spaces(popped.column) }],
            isPreferred: true,
          },
          ...regionOf(lines, index, top, document),
        });
        // Read on as if it were where the fix puts it.
        column = popped.column;
        levels.push(popped);
      } else if (top.column < column) {
        // Deeper: a child of a line that opened a block, else the continuation of a value.
        if (!previousOpens) continue;
        levels.push({ column, lineStart: line.start });
      }
    }
    const top = levels[levels.length - 1];
    if (top.column === column) top.lineStart = line.start;
    const keyColumn = itemKeyColumn(line.content, column);
    if (keyColumn !== undefined) levels.push({ column: keyColumn, lineStart: line.start });
    previousSiblingColumn = keyColumn ?? column;
    previousChildColumn = previousSiblingColumn + 2;
    previousOpens = opensBlock(line.content);
  }
  return mistakes;
}

/** Whether the syntax rule reports on this document (manifests, and broken documents of unknown kind). */
export function isCheckedDocument(document: YamlDocumentModel): boolean {
  return document.isManifest || document.topKind === undefined;
}

/** The indentation mistakes of the file's checked documents that have parse errors. */
export function indentationMistakes(file: FileModel): readonly IndentationMistake[] {
  if (file.manifests.length === 0) return [];
  return memo(file, 'indentationMistakes', () =>
    file.documents.flatMap((document) =>
      document.errors.length > 0 && isCheckedDocument(document) ? mistakesOf(file, document) : [],
    ),
  );
}

/** The finding at `offset` follows from an indentation mistake (its error already says it). */
export function followsFromIndentation(file: FileModel, offset: number): boolean {
  return indentationMistakes(file).some((mistake) => offset >= mistake.regionStart && offset < mistake.regionEnd);
}
