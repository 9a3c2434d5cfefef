// Glob patterns as VS Code reads them in `files.exclude` and `renewRevocation.certificateGlobs`,
// matched against a path relative to a workspace folder with `/` between segments: `**` (any
// number of segments, none included), `*` and `?` within a segment, `{a,b}` alternatives (nested
// too), `[abc]`, `[a-z]` and `[!abc]` classes. A pattern that does not compile matches nothing.

export type GlobMatcher = (relativePath: string) => boolean;

const NEVER: GlobMatcher = () => false;

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

/** The index of the `}` closing the `{` at `open`, or -1. */
function closingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits `a,{b,c},d` at its top-level commas. */
function alternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** The regular expression source of a glob (no anchors). */
function translate(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        let j = i;
        while (pattern[j] === '*') j++;
        if (atSegmentStart && pattern[j] === '/') {
          // `**/`: zero or more whole segments.
          out += '(?:[^/]*/)*';
          i = j + 1;
          continue;
        }
        if (atSegmentStart && j === pattern.length) {
          // A trailing `**`: everything below (and the folder itself).
          out += '.*';
          i = j;
          continue;
        }
        out += '[^/]*';
        i = j;
        continue;
      }
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '{') {
      const close = closingBrace(pattern, i);
      if (close < 0) {
        out += '\\{';
      } else {
        out += `(?:${alternatives(pattern.slice(i + 1, close))
          .map(translate)
          .join('|')})`;
        i = close;
      }
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
      } else {
        let body = pattern.slice(i + 1, close);
        const negated = body.startsWith('!') || body.startsWith('^');
        if (negated) body = body.slice(1);
        out += `[${negated ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
        i = close;
      }
    } else {
      out += escapeRegExp(char);
    }
    i++;
  }
  return out;
}

/** A matcher for one glob; `/` and `\` in the pattern both separate segments. */
export function compileGlob(pattern: string): GlobMatcher {
  const normalized = pattern.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (normalized === '') return NEVER;
  try {
    const regex = new RegExp(`^${translate(normalized)}$`);
    return (relativePath) => regex.test(relativePath);
  } catch {
    return NEVER;
  }
}

/** A matcher that accepts a path any of the patterns accepts. */
export function compileGlobs(patterns: readonly string[]): GlobMatcher {
  const matchers = patterns.map(compileGlob);
  return (relativePath) => matchers.some((matches) => matches(relativePath));
}
