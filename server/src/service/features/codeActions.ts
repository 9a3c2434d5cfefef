// Quick fixes: the fixes that rules attached to their findings, for the findings under a range;
// with an inventory, the serial-number replacement of broad entries too. A finding kept from an
// earlier version carries the fixes of that version's clock; the rules whose fixes write "now" are
// asked again for the entries under the range, with this request's.
import type { FileModel } from '../parse/fileModel';
import { entryFindingsIn } from '../rules/entryFindings';
import { RULES } from '../rules/index';
import type { Finding } from '../rules/ruleTypes';
import type { CodeAction, Range } from '../types';
import type { InventoryContext } from './inventoryContext';
import { serialReplacementActions } from './revocationEdits/serialReplacement';
import { checkFile, type ValidationOptions } from './validation';

const CLOCK_FIXES = RULES.filter((rule) => rule.clock === 'fixes');
const sameFinding = (finding: Finding) =>
  `${finding.code}\u0000${finding.start}\u0000${finding.end}\u0000${finding.message}`;

export function getCodeActions(
  file: FileModel,
  range: Range,
  options: ValidationOptions,
  inventory?: InventoryContext,
): CodeAction[] {
  const start = file.lineIndex.offsetAt(range.start);
  const end = file.lineIndex.offsetAt(range.end);
  const actions: CodeAction[] = [];
  const current = new Map(
    entryFindingsIn(file, start, end, options.now, CLOCK_FIXES, options.settings).map((fresh) => [
      sameFinding(fresh),
      fresh,
    ]),
  );
  const inRange = checkFile(file, options).filter(({ finding }) => finding.end >= start && finding.start <= end);
  for (const { finding, diagnostic } of inRange) {
    const fixes = current.get(sameFinding(finding))?.fixes ?? finding.fixes;
    for (const fix of fixes ?? []) {
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
