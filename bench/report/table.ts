// The results as people read them: one table, grouped by measurement, each figure with its
// target and whether it is met; reasons and notes as numbered footnotes below.
import type { Figure, Unit } from './figures';

function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'ms':
      return value >= 1000
        ? `${(value / 1000).toFixed(2)} s`
        : value >= 10
          ? `${value.toFixed(0)} ms`
          : `${value.toFixed(2)} ms`;
    case 'certificates/s':
      return `${Math.round(value).toLocaleString('en-US')}/s`;
    case '×':
      return value >= 10 ? `${value.toFixed(1)}×` : `${value.toFixed(3)}×`;
    case 'MiB':
      return `${value.toFixed(0)} MiB`;
    case 'KiB':
      return `${value.toFixed(0)} KiB`;
    case 'check':
      return value === 1 ? 'yes' : 'NO';
  }
}

const STATUS_TEXT = { met: 'met', missed: 'MISSED', info: '', 'n/a': 'n/a' } as const;

export function renderTable(figures: readonly Figure[]): string {
  const footnotes: string[] = [];
  const rows: string[][] = [];
  let group = '';
  for (const figure of figures) {
    if (figure.group !== group) {
      group = figure.group;
      rows.push([group]);
    }
    const notes = [figure.reason, figure.note].filter((text): text is string => Boolean(text));
    let mark = '';
    if (notes.length) {
      footnotes.push(notes.join('; '));
      mark = ` [${footnotes.length}]`;
    }
    rows.push([
      `  ${figure.label}${mark}`,
      formatValue(figure.value, figure.unit),
      figure.target?.text ?? '',
      STATUS_TEXT[figure.status],
    ]);
  }
  const header = ['Figure', 'Value', 'Target', 'Status'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.filter((row) => row.length > 1).map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((width) => '-'.repeat(width)).join('  ')];
  for (const row of rows) out.push(row.length === 1 ? row[0] : line(row));
  if (footnotes.length) {
    out.push('');
    footnotes.forEach((text, index) => out.push(`[${index + 1}] ${text}`));
  }
  return out.join('\n');
}

/** The table as Markdown, for bench/README.md. */
export function renderMarkdown(figures: readonly Figure[]): string {
  const out = ['| Figure | Value | Target | Status |', '|---|---:|---|---|'];
  let group = '';
  for (const figure of figures) {
    if (figure.group !== group) {
      group = figure.group;
      out.push(`| **${group}** | | | |`);
    }
    const notes = [figure.reason, figure.note].filter(Boolean).join('; ');
    out.push(
      `| ${figure.label}${notes ? ` (${notes.replace(/\|/g, '\\|')})` : ''} | ${formatValue(figure.value, figure.unit)} | ${figure.target?.text ?? ''} | ${STATUS_TEXT[figure.status]} |`,
    );
  }
  return out.join('\n');
}
