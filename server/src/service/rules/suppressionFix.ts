// The quick fix that silences one finding where it stands: a
// `# renew-revocation-disable-next-line CODE` comment on its own line above the finding's line, at
// that line's indentation (the README, "Diagnostics", describes the comments). A disable-next-line
// comment already there gets the code added, so the comment keeps pointing at the same line.
import { isMap } from 'yaml';
import type { EntryModel } from '../manifest/manifestModel';
import type { FileModel } from '../parse/fileModel';
import { lineBreakOf } from './entryEdits';
import type { Fix } from './ruleTypes';

const NEXT_LINE_COMMENT = /^[ \t]*#\s*renew-revocation-disable-next-line\b([A-Za-z0-9_,\- \t]*)$/;

/**
 * "Suppress for this entry": the comment above the line of `offset` (where the entry's finding
 * is). Undefined for a flow-style entry, whose line may hold other entries the comment would
 * silence too.
 */
export function suppressEntryFix(file: FileModel, entry: EntryModel, code: string, offset: number): Fix | undefined {
  if (!isMap(entry.node) || entry.node.flow) return undefined;
  const { text, lineIndex } = file;
  const line = lineIndex.positionAt(offset).line;
  const lineStart = lineIndex.lineStartOf(offset);
  const title = `Suppress ${code} for this entry`;
  if (line > 0) {
    const previous = NEXT_LINE_COMMENT.exec(lineIndex.lineText(line - 1));
    if (previous) {
      const [comment, codes] = previous;
      // No code listed silences every code already.
      if (codes.trim() === '') return undefined;
      const at = lineIndex.offsetAt({ line: line - 1, character: comment.trimEnd().length });
      return { title, edits: [{ start: at, end: at, newText: `,${code}` }] };
    }
  }
  const indent = /^[ \t]*/.exec(lineIndex.lineText(line))?.[0] ?? '';
  return {
    title,
    edits: [
      {
        start: lineStart,
        end: lineStart,
        newText: `${indent}# renew-revocation-disable-next-line ${code}${lineBreakOf(text)}`,
      },
    ],
  };
}
