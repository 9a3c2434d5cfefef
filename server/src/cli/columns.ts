// Aligns rows of cells into columns for people (the text formats of every subcommand). Widths are
// measured on the plain text; styles are applied after padding so escape codes never skew them.

export interface Cell {
  text: string;
  /** Applied to the padded text (colour). */
  style?: (text: string) => string;
  align?: 'left' | 'right';
}

/** One string per row, cells separated by `gap` spaces; the last cell is never padded. */
export function alignColumns(rows: readonly Cell[][], gap = 2): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.text.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const isLast = column === row.length - 1;
        const padding = ' '.repeat(widths[column] - cell.text.length);
        const padded = cell.align === 'right' ? padding + cell.text : isLast ? cell.text : cell.text + padding;
        return cell.style ? cell.style(padded) : padded;
      })
      .join(' '.repeat(gap)),
  );
}
