// Findings are kept across versions (entryFindings.ts), so their strings are made flat as they are
// reported: see text/flatString.ts for why.
import { flat } from '../text/flatString';
import type { Finding } from './ruleTypes';

/** The finding, its message, related messages, fix titles and edit texts made flat. */
export function flatFinding(finding: Finding): Finding {
  flat(finding.message);
  if (finding.related) for (const related of finding.related) flat(related.message);
  if (finding.fixes)
    for (const fix of finding.fixes) {
      flat(fix.title);
      for (const edit of fix.edits) flat(edit.newText);
    }
  return finding;
}
