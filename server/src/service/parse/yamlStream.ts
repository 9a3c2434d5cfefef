// Every document of a text: a YAML stream (`---` between documents), or several JSON values back
// to back, which is what `kubectl … -o json` prints for several objects (`{…}{…}` or `{…}\n{…}`)
// and YAML cannot read as one stream. Each JSON value is parsed alone and its nodes moved to
// where it sits in the whole text, so every range (and every line and column) is the file's.
import {
  parseAllDocuments,
  visit,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';

import { composeBlockYaml } from './blockYaml';

type StreamOptions = ParseOptions & DocumentOptions & SchemaOptions;

function skipWhitespace(text: string, from: number): number {
  let at = from;
  while (at < text.length && /[\s\uFEFF]/.test(text[at])) at++;
  return at;
}

/** Where the JSON object or array starting at `start` ends (after its closing bracket), or -1 when it does not. */
function jsonValueEnd(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === '"') {
      for (at++; at < text.length && text[at] !== '"'; at++) if (text[at] === '\\') at++;
    } else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return at + 1;
    }
  }
  return -1;
}

const opensJsonValue = (char: string | undefined) => char === '{' || char === '[';

/**
 * The start of each value when the text is two or more JSON objects or arrays back to back;
 * undefined for anything else (one value, YAML). What follows the last whole value, whatever it
 * is, belongs to the last part, so the parse reports it.
 */
export function jsonStreamStarts(text: string): number[] | undefined {
  let start = skipWhitespace(text, 0);
  if (!opensJsonValue(text[start])) return undefined;
  const starts = [0];
  for (;;) {
    const end = jsonValueEnd(text, start);
    if (end === -1) break;
    const next = skipWhitespace(text, end);
    if (!opensJsonValue(text[next])) break;
    starts.push(end);
    start = next;
  }
  return starts.length > 1 ? starts : undefined;
}

function shift(document: Document.Parsed, by: number): void {
  const move = (range: [number, number, number]): [number, number, number] => [
    range[0] + by,
    range[1] + by,
    range[2] + by,
  ];
  document.range = move(document.range);
  visit(document, {
    Node(_, node) {
      if (node.range) node.range = move(node.range);
    },
  });
  for (const problem of [...document.errors, ...document.warnings])
    problem.pos = [problem.pos[0] + by, problem.pos[1] + by];
}

function parseAll(text: string, options: StreamOptions): Document.Parsed[] {
  // Most manifests are plain block YAML, which our own reader builds the same nodes for, faster.
  const quick = composeBlockYaml(text, options);
  if (quick) return quick;
  const parsed = parseAllDocuments(text, options);
  // parseAllDocuments returns an EmptyStream (no documents) for empty text.
  return Array.isArray(parsed) ? parsed : [];
}

export function parseDocumentStream(text: string, options: StreamOptions): Document.Parsed[] {
  const starts = jsonStreamStarts(text);
  if (!starts) return parseAll(text, options);
  return starts.flatMap((start, index) => {
    const documents = parseAll(text.slice(start, starts[index + 1] ?? text.length), options);
    for (const document of documents) shift(document, start);
    return documents;
  });
}
