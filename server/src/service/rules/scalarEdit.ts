// Quick fixes that rewrite a key or a scalar value keep the way it was written: `'dns'` becomes
// `'DNS'`, `"ipp":` becomes `"ip":`, a plain word stays plain.
import type { OffsetEdit } from './ruleTypes';

/**
 * An edit that replaces the scalar written at [start, end) of `text` with `value` (a plain word:
 * a kind or a field name), in the same quoting style. Undefined for block scalars (`|`, `>`),
 * whose layout a one-word rewrite would break.
 */
export function rewriteScalar(text: string, start: number, end: number, value: string): OffsetEdit | undefined {
  const first = text[start];
  if (first === '"' || first === "'") return { start, end, newText: `${first}${value}${first}` };
  if (first === '|' || first === '>' || start >= end) return undefined;
  return { start, end, newText: value };
}
