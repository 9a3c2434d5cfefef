// Aligns rows of cells into columns for people (the text formats of every subcommand). Widths are
// measured on the plain text; styles are applied after padding so escape codes never skew them.

export interface Cell {
  text: string;
  /** Applied to the padded text (colour). */
  style?: (text: string) => string;
  align?: 'left' | 'right';
}

export interface AlignOptions {
  /** Spaces between cells. */
  gap?: number;
  /**
   * Widest a column is padded to, per column: a cell wider than that is written whole and the row
   * goes on after the gap, so one long message does not push every other row's last column far right.
   */
  maxWidths?: readonly (number | undefined)[];
}

/** One string per row, cells separated by `gap` spaces; the last cell is never padded. */
export function alignColumns(rows: readonly Cell[][], options: AlignOptions = {}): string[] {
  const gap = options.gap ?? 2;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      const limit = options.maxWidths?.[column] ?? Infinity;
      if (cell.text.length <= limit) widths[column] = Math.max(widths[column] ?? 0, cell.text.length);
      else widths[column] = widths[column] ?? 0;
    });
  }
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const isLast = column === row.length - 1;
        const padding = ' '.repeat(Math.max(0, widths[column] - cell.text.length));
        const padded = cell.align === 'right' ? padding + cell.text : isLast ? cell.text : cell.text + padding;
        return cell.style ? cell.style(padded) : padded;
      })
      .join(' '.repeat(gap)),
  );
}
