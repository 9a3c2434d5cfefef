// Quick fixes: the fixes that rules attached to their findings, for the findings under a range;
// with an inventory, the serial-number replacement of broad entries too.
import type { FileModel } from '../parse/fileModel';
import type { CodeAction, Range } from '../types';
import type { InventoryContext } from './inventoryContext';
import { serialReplacementActions } from './revocationEdits/serialReplacement';
import { checkFile, type ValidationOptions } from './validation';

export function getCodeActions(
  file: FileModel,
  range: Range,
  options: ValidationOptions,
  inventory?: InventoryContext,
): CodeAction[] {
  const start = file.lineIndex.offsetAt(range.start);
  const end = file.lineIndex.offsetAt(range.end);
  const actions: CodeAction[] = [];
  const inRange = checkFile(file, options).filter(({ finding }) => finding.end >= start && finding.start <= end);
  for (const { finding, diagnostic } of inRange) {
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
  actions.push(...serialReplacementActions(file, inRange, inventory, options.now));
  return actions;
}
