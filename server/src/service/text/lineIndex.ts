// Offset <-> position conversion with a table of line starts: lookups are a binary search, so
// mapping thousands of findings in a large manifest stays cheap.
import type { Position, Range } from '../types';

/** An edit not yet written into the table: the lines after `line` start `delta` later. */
interface LineShift {
  line: number;
  delta: number;
}

// Edits kept aside before the table is written again: each costs every lookup one comparison,
// and writing the table costs a pass over every line (300,000 in a 100,000-entry manifest).
const MOST_PENDING = 16;

export class LineIndex {
  private readonly lineStarts: number[];

  constructor(
    readonly text: string,
    lineStarts?: number[],
    private readonly pending: readonly LineShift[] = [],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    if (!text.includes('\r')) {
      // The usual case, and a native search instead of a walk over every character.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /**
   * The index of `text`, made from this one after an edit at `offset` that changed the length by
   * `delta` and added or removed no line break: line starts after the edit just move. The table
   * is shared with this index and the move kept aside, so a keystroke does not copy every line.
   */
  shifted(text: string, offset: number, delta: number): LineIndex {
    const pending = [...this.pending, { line: this.positionAt(offset).line, delta }];
    if (pending.length <= MOST_PENDING) return new LineIndex(text, this.lineStarts, pending);
    pending.sort((a, b) => a.line - b.line);
    const starts = this.lineStarts.slice();
    let moved = 0;
    for (let line = 0, next = 0; line < starts.length; line++) {
      while (next < pending.length && pending[next].line < line) moved += pending[next++].delta;
      starts[line] += moved;
    }
    return new LineIndex(text, starts);
  }

  /** Where line `line` starts (a line of the table). */
  private startOf(line: number): number {
    let start = this.lineStarts[line];
    for (const shift of this.pending) if (line > shift.line) start += shift.delta;
    return start;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.startOf(mid) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.startOf(low) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.startOf(position.line);
    const nextLineStart =
      position.line + 1 < this.lineStarts.length ? this.startOf(position.line + 1) : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextLineStart));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset of the start of the line holding `offset`. */
  lineStartOf(offset: number): number {
    return this.offsetAt({ line: this.positionAt(offset).line, character: 0 });
  }

  /** The text of line `line` without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    const start = this.startOf(line);
    const end = line + 1 < this.lineStarts.length ? this.startOf(line + 1) : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}
