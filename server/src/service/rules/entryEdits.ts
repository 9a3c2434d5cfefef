// Quick-fix edits on whole entries of `spec.revocations`: add a field line to an entry, remove an
// entry. Both keep the YAML valid in block style (the usual) and in flow style (`[{…}, {…}]`).
import { isMap, isSeq } from 'yaml';
import type { EntryModel, ManifestModel } from '../manifest/manifestModel';
import type { FileModel } from '../parse/fileModel';
import type { OffsetEdit } from './ruleTypes';

/** The line break the file uses (CRLF files stay CRLF, lone-CR files lone CR). */
export function lineBreakOf(text: string): string {
  const first = text.search(/[\r\n]/);
  if (first === -1 || text[first] === '\n') return '\n';
  return text[first + 1] === '\n' ? '\r\n' : '\r';
}

/** The line break that ends just before `end`, if one does. */
function lineBreakBefore(text: string, end: number): string | undefined {
  if (text[end - 1] === '\n') return end > 1 && text[end - 2] === '\r' ? '\r\n' : '\n';
  return text[end - 1] === '\r' ? '\r' : undefined;
}

function isFlow(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && node.flow === true;
}

/**
 * Where a block entry's lines end. After an empty last value and a comment line, the parser ends
 * the mapping inside the next line's indentation (just before the next `- `): the end is the start
 * of that line, else an edit there would cut the next entry's indentation.
 */
function blockEntryEnd(file: FileModel, entry: EntryModel): number {
  const lineStart = file.lineIndex.lineStartOf(entry.end);
  return lineStart < entry.end && file.text.slice(lineStart, entry.end).trim() === '' ? lineStart : entry.end;
}

/**
 * Adds `key: value` (`value` already written as YAML) to a mapping entry: a new line after the
 * entry's last line, at the column of its keys; in a flow mapping, `, key: value` before the `}`.
 */
export function addFieldEdit(file: FileModel, entry: EntryModel, key: string, value: string): OffsetEdit | undefined {
  if (!isMap(entry.node) || entry.fields.length === 0) return undefined;
  const text = file.text;
  const last = entry.fields[entry.fields.length - 1];
  if (isFlow(entry.node)) {
    const at = Math.max(last.valueEnd, last.keyEnd);
    return { start: at, end: at, newText: `, ${key}: ${value}` };
  }
  const indent = ' '.repeat(file.lineIndex.positionAt(entry.fields[0].keyStart).character);
  const line = `${indent}${key}: ${value}`;
  const end = blockEntryEnd(file, entry);
  // A block mapping's range ends after the line break of its last line (comments included).
  const lineBreak = lineBreakBefore(text, end);
  if (lineBreak) return { start: end, end, newText: `${line}${lineBreak}` };
  return { start: end, end, newText: `${lineBreakOf(text)}${line}` };
}

/**
 * Removes an entry from `spec.revocations`: the `- …` item's whole lines in block style, the
 * item and the comma before it in flow style. Undefined for the first entry of a flow sequence
 * (no comma before it) and for shapes we cannot remove cleanly.
 */
export function removeEntryEdit(file: FileModel, manifest: ManifestModel, entry: EntryModel): OffsetEdit | undefined {
  const text = file.text;
  if (isFlow(manifest.revocationsField?.node)) {
    const previous = manifest.entries[entry.index - 1];
    return previous ? { start: previous.end, end: entry.end, newText: '' } : undefined;
  }
  let dash = entry.start - 1;
  while (dash >= 0 && /\s/.test(text[dash])) dash--;
  if (text[dash] !== '-') return undefined;
  const lineStart = file.lineIndex.lineStartOf(dash);
  const start = text.slice(lineStart, dash).trim() === '' ? lineStart : dash;
  let end = blockEntryEnd(file, entry);
  // A flow mapping item (`- {…}`) ends at its `}`: take the rest of its line too.
  if (text[end - 1] !== '\n') {
    const lineEnd = text.indexOf('\n', end);
    const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd).trim();
    if (rest === '' || rest.startsWith('#')) end = lineEnd < 0 ? text.length : lineEnd + 1;
  }
  return { start, end, newText: '' };
}
