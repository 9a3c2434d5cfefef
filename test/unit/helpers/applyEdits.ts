// Applies LSP-shaped text edits (as a quick fix returns them) to a text, the way an editor does:
// every range refers to the original text, so edits are applied from the last to the first.
import { LineIndex } from '../../../server/src/service/text/lineIndex';
import type { TextEdit } from '../../../server/src/service/types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const offsets = edits
    .map((edit) => ({
      start: index.offsetAt(edit.range.start),
      end: index.offsetAt(edit.range.end),
      newText: edit.newText,
    }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i].end > offsets[i - 1].start) throw new Error('overlapping edits');
  }
  let result = text;
  for (const edit of offsets) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
