// field-kind-mismatch: an entry must carry the value field of its kind (`kind: DNS` needs `dns`)
// and no other kind's value field (`kind: DNS` with `ip:` is a mix-up). Entries whose kind is
// missing or unknown are the schema rule's to report.
import {
  KIND_OF_VALUE_FIELD,
  VALUE_FIELD,
  VALUE_FIELDS,
  type EntryKind,
  type EntryModel,
  type FieldRef,
} from '../manifest/manifestModel';
import { nearestName } from './nearestName';
import type { Fix, Report, Rule } from './ruleTypes';
import { rewriteScalar } from './scalarEdit';
import { knownKeys } from './schema/schemaModel';

/** What each kind's value field holds, for "add `dns:` with …". */
const VALUE_HINT: Record<EntryKind, string> = {
  serialnumber: 'the serial number in hexadecimal',
  Group: 'the group (an O value of the certificate subject)',
  DNS: 'the DNS name, or a suffix that starts with `.`',
  IP: 'the IP address',
};

const ENTRY_KEYS = knownKeys('#/definitions/revocation');

export const fieldKindRule: Rule = {
  name: 'field-kind',
  meta: [
    {
      code: 'field-kind-mismatch',
      severity: 'error',
      title: "An entry lacks its kind's value field, or carries another kind's field.",
      docs: [
        "The entry lacks its kind's value field (`kind: DNS` without `dns:`), or carries",
        "another kind's field (`kind: DNS` with `ip:`). When the value sits under another kind's key,",
        'two quick fixes are offered: rename the key, or change the kind.',
      ].join('\n'),
    },
  ],
  create: ({ file }, report) => ({
    entry: (entry) => checkEntry(file.text, entry, report),
  }),
};

function checkEntry(text: string, entry: EntryModel, report: Report): void {
  const kindField = entry.kindField;
  const kind = entry.kind;
  if (!kindField || !kind) return;
  const own = VALUE_FIELD[kind];
  // The usual entry: its own value field and no other kind's.
  if (entry.valueField && !entry.fields.some((field) => field.key !== own && isValueField(field.key))) return;
  const others = entry.fields.filter((field) => field.key !== own && isValueField(field.key));
  // The one clear mix-up (the right value under another kind's key): two ways out, neither preferred.
  const swapped = !entry.valueField && others.length === 1 ? others[0] : undefined;
  const fixes = swapped ? mixUpFixes(text, kindField, swapped, own) : undefined;
  // `serialnumber:` in a serialnumber entry is a misspelt key: unknown-field says so, with its rename.
  const misspelt =
    !entry.valueField &&
    entry.fields.some((field) => !ENTRY_KEYS.includes(field.key) && nearestName(field.key, ENTRY_KEYS) === own);
  if (!entry.valueField && !misspelt) {
    const message = swapped
      ? `This \`kind: ${kind}\` entry has no \`${own}\` field but has \`${swapped.key}\`, the field of ${otherKind(swapped)} entries: rename \`${swapped.key}\` to \`${own}\`, or change the kind to \`${otherKind(swapped)}\``
      : `This \`kind: ${kind}\` entry has no \`${own}\` field: add \`${own}:\` with ${VALUE_HINT[kind]}`;
    report({ code: 'field-kind-mismatch', start: kindField.valueStart, end: kindField.valueEnd, message, fixes });
  }
  for (const other of others) {
    const message =
      other === swapped
        ? `\`${other.key}\` is the field of ${otherKind(other)} entries, but this entry is \`kind: ${kind}\`, which needs \`${own}\`: rename the key, or change the kind to \`${otherKind(other)}\``
        : `\`${other.key}\` is the field of ${otherKind(other)} entries and does nothing in a \`kind: ${kind}\` entry: remove it, or make it an entry of its own`;
    report({
      code: 'field-kind-mismatch',
      start: other.keyStart,
      end: other.keyEnd,
      message,
      fixes: other === swapped ? fixes : undefined,
    });
  }
}

function isValueField(key: string): boolean {
  return (VALUE_FIELDS as readonly string[]).includes(key);
}

function otherKind(field: FieldRef): EntryKind {
  return KIND_OF_VALUE_FIELD[field.key as keyof typeof KIND_OF_VALUE_FIELD];
}

function mixUpFixes(text: string, kindField: FieldRef, swapped: FieldRef, own: string): Fix[] {
  const fixes: Fix[] = [];
  const renameKey = rewriteScalar(text, swapped.keyStart, swapped.keyEnd, own);
  if (renameKey) fixes.push({ title: `Rename \`${swapped.key}\` to \`${own}\``, edits: [renameKey] });
  const changeKind = rewriteScalar(text, kindField.valueStart, kindField.valueEnd, otherKind(swapped));
  if (changeKind) fixes.push({ title: `Change kind to \`${otherKind(swapped)}\``, edits: [changeKind] });
  return fixes;
}
