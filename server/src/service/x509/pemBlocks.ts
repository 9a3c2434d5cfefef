// Every PEM block in any text (a .pem file, YAML with PEM in a block scalar, Markdown, a JSON
// string with `\n` escapes), with its exact offsets. Tolerant of what real files hold: CRLF line
// ends, indentation, RFC 1421 headers (`Proc-Type`, `DEK-Info`), and blocks cut short. The body is
// left as text: decoding it is the caller's step, and a key's body is never looked at beyond that.

/** What a block holds, by its label. */
export type BlockKind = 'certificate' | 'csr' | 'key' | 'unknown';

export interface PemHeader {
  name: string;
  value: string;
}

export interface PemBlock {
  /** The label as written: `CERTIFICATE`, `RSA PRIVATE KEY`… */
  label: string;
  kind: BlockKind;
  /** Offset of the first `-` of the BEGIN line. */
  start: number;
  /** Offset just past the END line's last `-` (or past the last body line when there is no END line). */
  end: number;
  /** Offset just past the BEGIN line's last `-` (hover and symbols select the armor line). */
  beginEnd: number;
  headers: PemHeader[];
  /** The base64 body with line breaks, indentation and `\n` escapes left in (the decoder skips whitespace). */
  body: string;
  /** An armor problem (no END line, a different END label); undefined when the armor is whole. */
  problem: string | undefined;
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';
const LABEL = /^[A-Z0-9][A-Z0-9 ._-]*$/;

const KINDS: ReadonlyMap<string, BlockKind> = new Map([
  ['CERTIFICATE', 'certificate'],
  ['X509 CERTIFICATE', 'certificate'],
  ['X.509 CERTIFICATE', 'certificate'],
  ['TRUSTED CERTIFICATE', 'certificate'],
  ['CERTIFICATE REQUEST', 'csr'],
  ['NEW CERTIFICATE REQUEST', 'csr'],
  ['PRIVATE KEY', 'key'],
  ['RSA PRIVATE KEY', 'key'],
  ['EC PRIVATE KEY', 'key'],
  ['DSA PRIVATE KEY', 'key'],
  ['ENCRYPTED PRIVATE KEY', 'key'],
  ['OPENSSH PRIVATE KEY', 'key'],
  ['PUBLIC KEY', 'key'],
  ['RSA PUBLIC KEY', 'key'],
]);

export function blockKindOf(label: string): BlockKind {
  return KINDS.get(label) ?? 'unknown';
}

/** True for labels whose body is private key material (whatever else is said of them). */
export function isPrivateKeyLabel(label: string): boolean {
  return label.endsWith('PRIVATE KEY');
}

function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** The label between `-----BEGIN `/`-----END ` at `labelStart` and the closing dashes on the same line. */
function readLabel(text: string, labelStart: number): { label: string; after: number } | undefined {
  const lineEnd = lineEndAt(text, labelStart);
  const close = text.indexOf(DASHES, labelStart);
  if (close === -1 || close > lineEnd) return undefined;
  const label = text.slice(labelStart, close);
  if (!LABEL.test(label)) return undefined;
  return { label, after: close + DASHES.length };
}

/** Only spaces and tabs (indentation) between the line start and `offset`. */
function startsItsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const char = text[i];
    if (char === '\n') return true;
    if (char !== ' ' && char !== '\t') return false;
  }
  return true;
}

/** A body line of a block without END line: base64 characters only (after indentation). */
function isBodyLine(line: string): boolean {
  return line.length > 0 && /^[A-Za-z0-9+/=]+$/.test(line);
}

// `Name: value`, RFC 1421 style; only before the body.
const HEADER = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$/;

/** Splits RFC 1421 headers from the body of the text between the armor lines. */
function splitHeaders(inner: string): { headers: PemHeader[]; body: string } {
  // A header needs a `:` and an escape a `\`; base64 has neither (the bulk of blocks, read as is).
  if (!inner.includes(':') && !inner.includes('\\')) return { headers: [], body: inner };
  const headers: PemHeader[] = [];
  // A JSON string carries line breaks as `\n` escapes: read them as line breaks.
  const lines = inner.replace(/\\r\\n|\\n/g, '\n').split('\n');
  let index = 0;
  while (index < lines.length && lines[index].trim() === '') index++;
  for (; index < lines.length; index++) {
    const match = HEADER.exec(lines[index].trim());
    if (!match) break;
    headers.push({ name: match[1], value: match[2].trim() });
  }
  if (headers.length === 0) return { headers, body: inner.replace(/\\r\\n|\\n/g, '\n') };
  return { headers, body: lines.slice(index).join('\n') };
}

/** Every PEM block of `text` in order. Never throws; a block cut short carries its `problem`. */
export function findPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let from = 0;
  while (from < text.length) {
    const start = text.indexOf(BEGIN, from);
    if (start === -1) break;
    const begin = readLabel(text, start + BEGIN.length);
    if (!begin) {
      from = start + BEGIN.length;
      continue;
    }
    const { label } = begin;
    const nextBegin = text.indexOf(BEGIN, begin.after);
    const limit = nextBegin === -1 ? text.length : nextBegin;
    const endAt = text.indexOf(END, begin.after);
    if (endAt !== -1 && endAt < limit) {
      const endLabel = readLabel(text, endAt + END.length);
      const end = endLabel ? endLabel.after : lineEndAt(text, endAt);
      const { headers, body } = splitHeaders(text.slice(begin.after, endAt));
      // Prose that names both armor lines ("starts with -----BEGIN X----- and ends with…") is no block.
      if (!startsItsLine(text, start) && !/^[A-Za-z0-9+/=\s]*$/.test(body)) {
        from = begin.after;
        continue;
      }
      let problem: string | undefined;
      if (!endLabel) problem = `the END line of this ${label} block is malformed`;
      else if (endLabel.label !== label) {
        problem = `the block begins as \`${label}\` but ends as \`${endLabel.label}\``;
      }
      blocks.push({ label, kind: blockKindOf(label), start, end, beginEnd: begin.after, headers, body, problem });
      from = end;
      continue;
    }
    // No END line before the next block or the end of the text: take the body lines that follow.
    // Unless the BEGIN line is prose: mid-line, with words after it ("paste the `-----BEGIN
    // CERTIFICATE-----` block here"); a JSON string's `\n` escape after it is a real block.
    const restOfLine = text.slice(begin.after, lineEndAt(text, begin.after)).trim();
    if (!startsItsLine(text, start) && restOfLine !== '' && !/^\\(?:r\\)?n/.test(restOfLine)) {
      from = begin.after;
      continue;
    }
    let position = lineEndAt(text, begin.after) + 1;
    let end = begin.after;
    let seenBody = false;
    while (position <= text.length && position < limit) {
      const lineEnd = lineEndAt(text, position);
      const line = text.slice(position, lineEnd).trim();
      const isHeader = !seenBody && HEADER.test(line);
      if (!isHeader && !isBodyLine(line)) break;
      if (!isHeader) seenBody = true;
      end = position + text.slice(position, lineEnd).trimEnd().length;
      position = lineEnd + 1;
    }
    // A mention in prose ("files that start with -----BEGIN CERTIFICATE-----") is no block.
    if (seenBody || startsItsLine(text, start)) {
      const { headers, body } = splitHeaders(text.slice(begin.after, end));
      blocks.push({
        label,
        kind: blockKindOf(label),
        start,
        end,
        beginEnd: begin.after,
        headers,
        body,
        problem: `the ${label} block has no \`-----END ${label}-----\` line: it is cut short`,
      });
    }
    from = Math.max(end, begin.after);
  }
  return blocks;
}
