// What the value rules read of a field: its text when YAML read a string, what YAML read
// otherwise (for "YAML reads `1234` as a number"), where a finding about it goes, and how to
// rewrite it without changing its type.
import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { FieldRef } from '../manifest/manifestModel';
import type { FileModel } from '../parse/fileModel';
import type { OffsetEdit } from './ruleTypes';
import { abbreviate } from '../text/abbreviate';

/** The field's text when YAML read a string (a `%YAML 1.1` timestamp counts, as written), else undefined. */
export function fieldText(field: FieldRef): string | undefined {
  if (typeof field.value === 'string') return field.value;
  if (field.value instanceof Date && field.source !== undefined) return field.source;
  return undefined;
}

/** A field with no value at all: `key:`, `key: null`, `key: ~`. */
export function isEmptyField(field: FieldRef): boolean {
  return field.node === null || (field.value === null && !isMap(field.node) && !isSeq(field.node));
}

/** What YAML read, for a field that is not a string: `a number (31)`, `a boolean`, `a mapping`… */
export function describeNonString(field: FieldRef): string {
  if (isMap(field.node)) return 'a mapping';
  if (isSeq(field.node)) return 'a list';
  if (typeof field.value === 'number' || typeof field.value === 'bigint') return `the number ${String(field.value)}`;
  if (typeof field.value === 'boolean') return `the boolean ${String(field.value)}`;
  return 'a value that is not text';
}

/** A value field that is empty or not text: the message, naming what to write instead. */
export function notTextMessage(key: string, examples: string, field: FieldRef): string {
  return isEmptyField(field)
    ? `\`${key}\` is empty: write ${examples}`
    : `\`${key}\` must be text, ${examples}; YAML reads ${describeNonString(field)} here`;
}

/** Where a finding about the field's value goes: the value, or the key when nothing is written after it. */
export function valueSpan(field: FieldRef): [number, number] {
  return field.valueEnd > field.valueStart ? [field.valueStart, field.valueEnd] : [field.keyStart, field.keyEnd];
}

/** A value as a message shows it: in backticks, long ones cut (a 1 MB line stays out of the Problems view). */
export function shown(text: string): string {
  return `\`${abbreviate(text)}\``;
}

/** The 1-based line of an offset, as messages name lines. */
export function lineNumber(file: FileModel, offset: number): number {
  return file.lineIndex.positionAt(offset).line + 1;
}

/** `value` as a YAML scalar that reads back as exactly that string: plain when it can be, else double-quoted. */
export function yamlString(value: string): string {
  if (value === '' || value.trim() !== value || /[#\n]/.test(value)) return JSON.stringify(value);
  // Hex digits (canonical serials, the common case, thousands of fixes in a large manifest) are
  // text unless they read as a YAML 1.2 int or float (`1234`, `1e5`): no parse needed.
  if (/^[0-9a-f]+$/.test(value)) return /^[0-9]+(e[0-9]+)?$/.test(value) ? JSON.stringify(value) : value;
  const document = parseDocument(value);
  const readsBack =
    document.errors.length === 0 &&
    document.warnings.length === 0 &&
    isScalar(document.contents) &&
    document.contents.value === value;
  return readsBack ? value : JSON.stringify(value);
}

/**
 * Replaces a scalar value with the string `value`, keeping its quotes (`'…'`, `"…"`), and
 * quoting a plain value only when YAML would otherwise read it as something else (`1234`).
 * Undefined for block scalars (`|`, `>`), which a one-line rewrite would break.
 */
export function replaceStringValue(field: FieldRef, value: string): OffsetEdit | undefined {
  const node = field.node;
  if (!isScalar(node) || field.valueEnd <= field.valueStart) return undefined;
  const { valueStart: start, valueEnd: end } = field;
  if (node.type === Scalar.QUOTE_DOUBLE) return { start, end, newText: JSON.stringify(value) };
  if (node.type === Scalar.QUOTE_SINGLE) return { start, end, newText: `'${value.replace(/'/g, "''")}'` };
  if (node.type === Scalar.PLAIN) return { start, end, newText: yamlString(value) };
  return undefined;
}
