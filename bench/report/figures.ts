// Every figure the bench reports, with its unit, its performance target when it has one, and whether
// the target is met. A figure that could not be measured stays in the results with the reason,
// so that nothing silently drops out of the table.

export type Unit = 'ms' | 'certificates/s' | '×' | 'MiB' | 'KiB' | 'check';
export type Status = 'met' | 'missed' | 'info' | 'n/a';

export interface Target {
  /** `value <op> limit` is met. */
  op: '<' | '<=' | '>=' | '=';
  limit: number;
  /** As a person reads it: `≤ 1.2× floor`, `< 5 ms`. */
  text: string;
}

export interface FigureSpec {
  group: string;
  label: string;
  unit: Unit;
  target?: Target;
  note?: string;
}

export interface Figure extends FigureSpec {
  id: string;
  /** The median (or the single reading); null when not measured. */
  value: number | null;
  /** Every timed sample, in the order taken. */
  samples?: number[];
  status: Status;
  /** Why there is no value (status n/a). */
  reason?: string;
}

export function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case '<':
      return value < target.limit;
    case '<=':
      return value <= target.limit;
    case '>=':
      return value >= target.limit;
    case '=':
      return value === target.limit;
  }
}

export class Figures {
  readonly list: Figure[] = [];

  /** A measured figure; `incomplete` says why it does not measure what its target is about (status n/a, value kept). */
  add(id: string, spec: FigureSpec, value: number, samples?: number[], incomplete?: string): Figure {
    if (!Number.isFinite(value))
      return this.push({ id, ...spec, value: null, samples, status: 'n/a', reason: 'no finite value' });
    if (incomplete) return this.push({ id, ...spec, value, samples, status: 'n/a', reason: incomplete });
    const status: Status = spec.target ? (meets(value, spec.target) ? 'met' : 'missed') : 'info';
    return this.push({ id, ...spec, value, samples, status });
  }

  /** A figure that could not be measured, and why. A missing target figure counts as missed. */
  unavailable(id: string, spec: FigureSpec, reason: string): Figure {
    return this.push({ id, ...spec, value: null, status: 'n/a', reason });
  }

  get(id: string): Figure | undefined {
    return this.list.find((figure) => figure.id === id);
  }

  valueOf(id: string): number | undefined {
    return this.get(id)?.value ?? undefined;
  }

  private push(figure: Figure): Figure {
    const existing = this.list.findIndex((known) => known.id === figure.id);
    if (existing >= 0) this.list[existing] = figure;
    else this.list.push(figure);
    return figure;
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const MIB = 1024 * 1024;
