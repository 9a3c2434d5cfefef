// `lint --format text`, for people: the findings grouped by file, in aligned columns
// (`line:col  severity  message  code`, one-based positions as editors show them), then one
// summary line, which says when some input could not be checked. In a List (`kubectl get … -o
// yaml`), each item's findings follow a line naming the item as kubectl does (`item 1:
// kube-system/revoke-nodes`). Coloured only when the terminal allows it.
import { type ManifestPlace, placeName, type Severity } from '../../service';
import { palette, type Palette } from '../colours';
import { alignColumns, type Cell } from '../columns';
import type { LintResult } from './lintFiles';
import type { SeverityCounts } from './lintSummary';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

function severityStyle(severity: Severity, colours: Palette): (text: string) => string {
  switch (severity) {
    case 'error':
      return colours.red;
    case 'warning':
      return colours.yellow;
    case 'information':
      return colours.blue;
    case 'hint':
      return colours.dim;
  }
}

/** Messages up to this long line their codes up; a longer one is followed by its code directly. */
const MESSAGE_COLUMN_WIDTH = 100;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `5 problems (1 error, 4 warnings, 0 infos)`; hints are named only when there are some. */
export function summaryLine(counts: SeverityCounts): string {
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.information, 'info')];
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}

export function formatLintText(result: LintResult, counts: SeverityCounts, colour: boolean): string {
  const colours = palette(colour);
  const lines: string[] = [];
  for (const file of result.files) {
    if (file.diagnostics.length === 0) continue;
    const rows: Cell[][] = file.diagnostics.map((diagnostic) => [
      { text: `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`, style: colours.dim },
      { text: LABEL[diagnostic.severity], style: severityStyle(diagnostic.severity, colours) },
      // One finding, one line: a message is never split across the columns.
      { text: diagnostic.message.replace(/\s*[\r\n]+\s*/g, ' ') },
      { text: diagnostic.code, style: colours.dim },
    ]);
    lines.push(colours.underline(file.path));
    let heading: ManifestPlace | undefined;
    alignColumns(rows, { maxWidths: [undefined, undefined, MESSAGE_COLUMN_WIDTH] }).forEach((row, index) => {
      const place = file.places[index];
      if (place && place.item !== null && place.document !== heading?.document)
        lines.push(`  ${colours.bold(`item ${place.item}: ${placeName(place)}`)}`);
      heading = place;
      lines.push(`  ${row}`);
    });
    lines.push('');
  }
  // Nothing was read (every path failed) or nothing was checked (no manifest): the errors on
  // stderr say it all, a "0 problems" would mislead.
  if (result.problems.length > 0 && (result.files.length === 0 || result.manifests === 0)) return lines.join('\n');
  const incomplete =
    result.problems.length > 0
      ? ` in the files read; INCOMPLETE: ${plural(result.problems.length, 'input')} could not be checked (see the errors)`
      : '';
  const summary = summaryLine(counts) + incomplete;
  const summaryStyle =
    counts.error > 0 || incomplete ? colours.red : counts.warning > 0 ? colours.yellow : colours.green;
  lines.push(colours.bold(summaryStyle(summary)));
  return `${lines.join('\n')}\n`;
}
