// Quick fixes: the fixes that rules attached to their findings, for the findings under a range.
import type { FileModel } from '../parse/fileModel';
import type { CodeAction, Range } from '../types';
import { checkFile, type ValidationOptions } from './validation';

export function getCodeActions(file: FileModel, range: Range, options: ValidationOptions): CodeAction[] {
  const start = file.lineIndex.offsetAt(range.start);
  const end = file.lineIndex.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const { finding, diagnostic } of checkFile(file, options)) {
    if (finding.end < start || finding.start > end) continue;
    for (const fix of finding.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostic,
        isPreferred: fix.isPreferred,
        edits: fix.edits.map((edit) => ({ range: file.lineIndex.range(edit.start, edit.end), newText: edit.newText })),
      });
    }
  }
  return actions;
}
