// Completion from the schema: the keys a mapping still lacks, the documented values of `kind`
// and `apiVersion`, `notBefore` as the current UTC time, a whole entry per kind and a whole
// manifest as snippets; and from the certificate inventory, the values of `serialNumber`,
// `group`, `dns` and `ip` (inventoryCompletion.ts). Reads the model of the current version only
// (see cursorContext).
import { ENTRY_KINDS, VALUE_FIELD, VALUE_FIELDS, type ValueFieldName } from '../manifest/manifestModel';
import type { FileModel } from '../parse/fileModel';
import type { CompletionItem, Position, Range } from '../types';
import { formatIsoUtc } from '../values/time';
import { offsetOfPosition } from './locate';
import {
  completionContextAt,
  type EntrySnippetPlace,
  type KeySuggestions,
  type ValueSuggestions,
} from './cursorContext';
import type { InventoryContext } from './inventoryContext';
import { inventoryValueItems } from './inventoryCompletion';
import { propertiesOf, propertyOf, type PropertyInfo } from './schemaScopes';
import { ENTRY_TEMPLATES, entrySnippet, layOut, manifestSnippet, resolveSnippet } from './snippets';

/** Run by the editor after an item is inserted: opens completion again at the cursor. */
const TRIGGER_SUGGEST = { title: 'Suggest the value', id: 'editor.action.triggerSuggest' };

/** Written by the cluster, not by the person applying the manifest: never offered. */
const NOT_OFFERED = new Set(['status']);

function markdown(value: string): { kind: 'markdown'; value: string } {
  return { kind: 'markdown', value };
}

function yamlBlock(snippet: string): { kind: 'markdown'; value: string } {
  return markdown('```yaml\n' + resolveSnippet(snippet) + '\n```');
}

function sortKey(group: number, index: number): string {
  return `${group}${String(index).padStart(3, '0')}`;
}

function isValueField(name: string): name is ValueFieldName {
  return (VALUE_FIELDS as readonly string[]).includes(name);
}

/** The keys worth offering: not written yet, and for an entry only the value field its kind needs. */
function offeredKeys(keys: KeySuggestions): PropertyInfo[] {
  const valueFieldWritten = VALUE_FIELDS.some((field) => keys.present.has(field));
  return propertiesOf(keys.scope).filter((property) => {
    if (NOT_OFFERED.has(property.name) || keys.present.has(property.name)) return false;
    if (keys.scope !== 'entry' || !isValueField(property.name)) return true;
    if (keys.entryKind) return VALUE_FIELD[keys.entryKind] === property.name;
    return !valueFieldWritten;
  });
}

function keyItem(
  property: PropertyInfo,
  index: number,
  keys: KeySuggestions,
  column: number,
  range: Range,
): CompletionItem {
  const base = {
    label: property.name,
    kind: 'property' as const,
    ...(property.description ? { documentation: markdown(property.description) } : {}),
    range,
    sortText: sortKey(1, index),
  };
  if (keys.colonFollows) return { ...base, insertText: property.name, isSnippet: false };
  switch (property.child) {
    case 'scalar':
      // One valid value (`apiVersion`, the top-level `kind`): offer it as soon as the key is in.
      return property.values.length === 1
        ? { ...base, insertText: `${property.name}: `, isSnippet: false, command: TRIGGER_SUGGEST }
        : { ...base, insertText: `${property.name}: `, isSnippet: false };
    case 'revocations':
      // The list sits at the key's own column, as in the documented manifest.
      return { ...base, insertText: layOut([`${property.name}:`, '- $0'], column), isSnippet: true };
    default:
      return { ...base, insertText: layOut([`${property.name}:`, '  $0'], column), isSnippet: true };
  }
}

function keyItems(keys: KeySuggestions, column: number, range: Range): CompletionItem[] {
  return offeredKeys(keys).map((property, index) => keyItem(property, index, keys, column, range));
}

function valueItems(values: ValueSuggestions, now: Date, range: Range): CompletionItem[] {
  const lead = values.spaceBefore ? ' ' : '';
  if (values.scope === 'entry' && values.key === 'notBefore') {
    const instant = formatIsoUtc(now);
    const quoted = `"${instant}"`;
    return [
      {
        label: instant,
        kind: 'value',
        detail: 'now (UTC)',
        documentation: markdown('Only certificates issued before this instant are revoked; later ones are kept.'),
        insertText: lead + quoted,
        isSnippet: false,
        range,
        filterText: values.typed.startsWith('"') ? quoted : instant,
      },
    ];
  }
  const property = propertyOf(values.scope, values.key);
  if (!property) return [];
  return property.values.map((value, index) => {
    const kind =
      values.scope === 'entry' && values.key === 'kind'
        ? ENTRY_KINDS.find((entryKind) => entryKind === value)
        : undefined;
    const item: CompletionItem = {
      label: value,
      kind: 'enum',
      insertText: lead + value,
      isSnippet: false,
      range,
      sortText: sortKey(0, index),
    };
    if (kind) {
      item.detail = `needs ${VALUE_FIELD[kind]}`;
      item.documentation = markdown(propertyOf('entry', VALUE_FIELD[kind])?.description ?? '');
    }
    return item;
  });
}

function entrySnippetItems(place: EntrySnippetPlace, now: Date, range: Range): CompletionItem[] {
  const notBefore = formatIsoUtc(now);
  return ENTRY_KINDS.map((kind, index) => {
    const insertText = entrySnippet(kind, notBefore, place.entryColumn, place.withDash);
    return {
      label: `${kind} entry`,
      kind: 'snippet',
      detail: `${ENTRY_TEMPLATES[kind].description} (kind: ${kind})`,
      documentation: yamlBlock(insertText),
      insertText,
      isSnippet: true,
      range,
      sortText: sortKey(0, index),
    };
  });
}

function manifestItem(now: Date, column: number, range: Range): CompletionItem {
  const insertText = manifestSnippet(formatIsoUtc(now), column);
  return {
    label: 'new RenewRevocation manifest',
    kind: 'snippet',
    detail: 'A RenewRevocation manifest with one entry',
    documentation: yamlBlock(insertText),
    insertText,
    isSnippet: true,
    range,
    sortText: sortKey(0, 0),
  };
}

export interface CompletionResult {
  items: CompletionItem[];
  /** Not every match was sent (a large inventory): the editor should ask again as the user types. */
  isIncomplete: boolean;
}

/**
 * The completion items at `position`. Multi-line items carry the indentation of their column on
 * every line: the server sends them with `insertTextMode: asIs`. With an inventory, the values of
 * `serialNumber`, `group`, `dns` and `ip` are the inventory's.
 */
export function doComplete(
  file: FileModel,
  position: Position,
  now: Date,
  inventory?: InventoryContext,
): CompletionResult {
  const context = completionContextAt(file, offsetOfPosition(file, position));
  if (!context) return { items: [], isIncomplete: false };
  const range = file.lineIndex.range(context.replaceStart, context.replaceEnd);
  const items: CompletionItem[] = [];
  let isIncomplete = false;
  if (context.newManifest) items.push(manifestItem(now, context.column, range));
  if (context.entrySnippets) items.push(...entrySnippetItems(context.entrySnippets, now, range));
  if (context.keys) items.push(...keyItems(context.keys, context.column, range));
  if (context.values) {
    const { scope, key, typed, spaceBefore } = context.values;
    if (scope === 'entry' && isValueField(key) && inventory) {
      const found = inventoryValueItems({ field: key, typed, spaceBefore }, inventory, now, range);
      items.push(...found.items);
      isIncomplete = found.isIncomplete;
    } else items.push(...valueItems(context.values, now, range));
  }
  return { items, isIncomplete };
}
