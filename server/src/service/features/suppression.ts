// Suppression comments (the README, "Diagnostics"):
//   # renew-revocation-disable-next-line [CODE[,CODE]]   the next line
//   # renew-revocation-disable [CODE[,CODE]]             the whole YAML document it stands in
// No code means every code.
import type { FileModel } from '../parse/fileModel';

const DIRECTIVE = /#\s*renew-revocation-(disable-next-line|disable)\b[ \t]*([A-Za-z0-9_,\- \t]*)/g;

export interface Suppressions {
  isSuppressed(code: string, offset: number): boolean;
}

type CodeSet = Set<string> | 'all';

function parseCodes(list: string): CodeSet {
  const codes = list.split(/[\s,]+/).filter((code) => code.length > 0);
  return codes.length === 0 ? 'all' : new Set(codes);
}

function covers(set: CodeSet | undefined, code: string): boolean {
  return set !== undefined && (set === 'all' || set.has(code));
}

function merge(existing: CodeSet | undefined, added: CodeSet): CodeSet {
  if (existing === 'all' || added === 'all') return 'all';
  return existing ? new Set([...existing, ...added]) : added;
}

export function readSuppressions(file: FileModel): Suppressions {
  const { text, lineIndex, documents } = file;
  const byLine = new Map<number, CodeSet>();
  const byDocument = new Map<number, CodeSet>();
  if (!text.includes('renew-revocation-disable')) return { isSuppressed: () => false };
  for (const match of text.matchAll(DIRECTIVE)) {
    const offset = match.index ?? 0;
    const codes = parseCodes(match[2] ?? '');
    if (match[1] === 'disable-next-line') {
      const line = lineIndex.positionAt(offset).line + 1;
      byLine.set(line, merge(byLine.get(line), codes));
    } else {
      // The document that holds the comment, or (for a comment before a document's content) the next one.
      const document = documents.find((doc) => offset < doc.end) ?? documents[documents.length - 1];
      if (document) byDocument.set(document.index, merge(byDocument.get(document.index), codes));
    }
  }
  return {
    isSuppressed(code, offset) {
      if (covers(byLine.get(lineIndex.positionAt(offset).line), code)) return true;
      if (byDocument.size === 0) return false;
      const document = documents.find((doc) => offset >= doc.start && offset <= doc.end);
      return document !== undefined && covers(byDocument.get(document.index), code);
    },
  };
}
