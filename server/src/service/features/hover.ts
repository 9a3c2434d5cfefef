// Hover in manifests: what is under the cursor (a key, or the value of a key, in a mapping the
// schema knows), then the sections that have something to say about it, joined in order. Each
// section is a small function; the inventory's facts (the certificates an entry matches) are a
// section too, added to HOVER_SECTIONS with what it needs in HoverContext.
import { isScalar, type Node } from 'yaml';
import type { FieldRef } from '../manifest/manifestModel';
import { manifestAt, type FileModel } from '../parse/fileModel';
import type { Hover, Position } from '../types';
import { parseSerial, serialColonForm, serialDecimal, serialOctetCount, serialOpensslForm } from '../values/serial';
import { entryMeaning, notBeforeFacts } from './entryHover';
import { inventoryHoverMarkdown } from './entryMatchFeatures';
import type { HoverContext, HoverSection, HoverTarget } from './hoverSection';
import { documentAt, entryAt, framesAt, offsetOfPosition, startOf } from './locate';
import { propertyOf, type ObjectScope } from './schemaScopes';

function keyDescription(target: HoverTarget): string | undefined {
  if (target.part !== 'key') return undefined;
  const description = propertyOf(target.scope, target.key)?.description;
  return description ? `**${target.key}**\n\n${description}` : undefined;
}

/** The serial as YAML gave it: a string's text, or what was written when YAML read a number. */
function writtenSerial(field: FieldRef): string {
  return typeof field.value === 'string' ? field.value : (field.source ?? '');
}

function serialFacts(target: HoverTarget): string | undefined {
  if (target.part !== 'value' || target.scope !== 'entry' || target.key !== 'serialNumber' || !target.field)
    return undefined;
  if (target.field.value === null || target.field.value === undefined || typeof target.field.value === 'object')
    return undefined;
  const written = writtenSerial(target.field);
  const parsed = parseSerial(written);
  const lines = ['**Serial number**', ''];
  if (!parsed.ok) lines.push(`Not a valid serial number: ${parsed.reason}.`);
  const serial = parsed.serial;
  if (serial) {
    if (!parsed.ok) lines.push('');
    lines.push(
      `- hex: \`${serial.canonical}\``,
      `- openssl: \`${serialOpensslForm(serial)}\``,
      `- colon form: \`${serialColonForm(serial)}\``,
      `- decimal: \`${serialDecimal(serial)}\``,
      `- length: ${serialOctetCount(serial)} octets`,
    );
    const notes: string[] = [];
    if (!target.field.isString)
      notes.push('YAML reads this unquoted value as a number: quote it so that it stays the serial written.');
    else if (parsed.ok && written !== serial.canonical)
      notes.push(`Written \`${written}\`; the canonical form is \`${serial.canonical}\`.`);
    if (notes.length) lines.push('', ...notes);
  }
  return lines.join('\n');
}

function inventoryMatches(target: HoverTarget, context: HoverContext): string | undefined {
  return context.inventory && inventoryHoverMarkdown(context.inventory.file, target, context.inventory);
}

/** The sections of a hover, in the order they are shown. */
export const HOVER_SECTIONS: readonly HoverSection[] = [
  keyDescription,
  serialFacts,
  notBeforeFacts,
  entryMeaning,
  inventoryMatches,
];

function isObjectScope(scope: string): scope is ObjectScope {
  return scope === 'root' || scope === 'metadata' || scope === 'spec' || scope === 'entry';
}

function within(offset: number, node: Node | null | undefined): boolean {
  const range = node?.range;
  return range !== undefined && range !== null && offset >= range[0] && offset < range[1];
}

/** The key or scalar value at `offset` in a RenewRevocation document, with what it belongs to. */
export function hoverTargetAt(file: FileModel, offset: number): HoverTarget | undefined {
  const doc = documentAt(file, offset);
  const manifest = doc && manifestAt(doc, offset);
  if (!doc || !manifest) return undefined;
  const frames = framesAt(file, doc, offset);
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    if (frame.type !== 'map' || !frame.lastPair || !isObjectScope(frame.scope) || !isScalar(frame.lastPair.key))
      continue;
    const key = frame.lastPair.key;
    const value = frame.lastPair.value as Node | null;
    const part = within(offset, key) ? 'key' : isScalar(value) && within(offset, value) ? 'value' : undefined;
    if (!part) return undefined;
    const node = part === 'key' ? key : (value as Node);
    const [start, end] = node.range ?? [offset, offset];
    const entry = frame.scope === 'entry' ? entryAt(manifest, offset) : undefined;
    const keyStart = startOf(key);
    const field = entry?.fields.find((candidate) => candidate.keyStart === keyStart);
    return { manifest, scope: frame.scope, key: String(key.value), part, start, end, entry, field };
  }
  return undefined;
}

export function doHover(file: FileModel, position: Position, context: HoverContext): Hover | null {
  const target = hoverTargetAt(file, offsetOfPosition(file, position));
  if (!target) return null;
  const sections: string[] = [];
  for (const section of HOVER_SECTIONS) {
    const markdown = section(target, context);
    if (markdown) sections.push(markdown);
  }
  if (sections.length === 0) return null;
  return {
    contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') },
    range: file.lineIndex.range(target.start, target.end),
  };
}
