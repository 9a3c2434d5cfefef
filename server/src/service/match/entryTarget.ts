// What one manifest entry asks to revoke, read for matching (docs/MATCHING.md): its kind resolved whatever
// the case, its value normalised to the key the indexes use, and the notBefore cutoff. An entry
// that cannot be read this way matches nothing, and the reason says why in words.
import { isMap } from 'yaml';
import { ENTRY_KINDS, type EntryKind, type EntryModel, type FieldRef, VALUE_FIELD } from '../manifest/manifestModel';
import { checkDnsName } from '../values/dns';
import { parseIp } from '../values/ip';
import { parseSerial } from '../values/serial';
import { parseRfc3339 } from '../values/time';
import { abbreviate } from '../text/abbreviate';

export type EntryTarget =
  | {
      ok: true;
      kind: EntryKind;
      /** The index key: canonical serial, exact group, normalised DNS name or suffix, IP equality key. */
      key: string;
      /** DNS only: the value starts with `.` and matches every name that ends with it. */
      isSuffix: boolean;
      /**
       * A certificate matches only when its own notBefore (whole milliseconds) is below this:
       * the entry's instant rounded up to the millisecond, which keeps "strictly earlier" exact for
       * sub-millisecond fractions. Undefined without notBefore.
       */
      notBeforeCutoff: number | undefined;
    }
  | { ok: false; reason: string };

const KIND_LIST = ENTRY_KINDS.join(', ');

function show(field: FieldRef): string {
  return abbreviate(field.source ?? String(field.value));
}

/** The field's string, or why it is not one. */
function stringValue(field: FieldRef): { text: string } | { reason: string } {
  if (typeof field.value === 'string') return { text: field.value };
  if (field.value === null || field.value === undefined) {
    return field.node && field.source === undefined
      ? { reason: `\`${field.key}\` is not a single value` }
      : { reason: `\`${field.key}\` is empty` };
  }
  if (typeof field.value === 'number' || typeof field.value === 'bigint') {
    return { reason: `YAML reads \`${field.key}: ${show(field)}\` as a number, not text; quote it` };
  }
  return { reason: `\`${field.key}\` must be text; found \`${show(field)}\`` };
}

/** Milliseconds the cutoff moves up when the fraction has digits below the millisecond. */
function subMillisecondCarry(text: string): number {
  const fraction = /T\d{2}:\d{2}:\d{2}\.(\d+)/.exec(text)?.[1] ?? '';
  return /[1-9]/.test(fraction.slice(3)) ? 1 : 0;
}

/** The notBefore cutoff, `undefined` when the entry has none (an empty `notBefore:` is none, as Kubernetes reads null). */
function readNotBefore(entry: EntryModel): { cutoff: number | undefined } | { reason: string } {
  const field = entry.notBefore;
  if (!field || (field.value === null && field.source !== undefined)) return { cutoff: undefined };
  const value = stringValue(field);
  if ('reason' in value) return value;
  const parsed = parseRfc3339(value.text);
  if (!parsed.ok) return { reason: `\`notBefore\` \`${abbreviate(value.text)}\` is not a date-time: ${parsed.reason}` };
  return { cutoff: parsed.epochMs + subMillisecondCarry(value.text) };
}

function readKey(kind: EntryKind, text: string): { key: string; isSuffix: boolean } | { reason: string } {
  switch (kind) {
    case 'serialnumber': {
      const serial = parseSerial(text);
      return serial.ok
        ? { key: serial.serial.canonical, isSuffix: false }
        : { reason: `the serial number \`${abbreviate(text)}\` is not valid: ${serial.reason}` };
    }
    case 'Group':
      return text === '' ? { reason: 'the group is empty' } : { key: text, isSuffix: false };
    case 'DNS': {
      const dns = checkDnsName(text);
      return dns.ok
        ? { key: dns.normalized, isSuffix: dns.isSuffix }
        : { reason: `\`${abbreviate(text)}\` is not a DNS name: ${dns.reason}` };
    }
    case 'IP': {
      const ip = parseIp(text);
      return ip.ok
        ? { key: ip.key, isSuffix: false }
        : { reason: `\`${abbreviate(text)}\` is not an IP address: ${ip.reason}` };
    }
  }
}

export function readEntryTarget(entry: EntryModel): EntryTarget {
  if (!isMap(entry.node))
    return { ok: false, reason: 'the entry is not a mapping of fields (`kind: …` and its value)' };
  const kindField = entry.kindField;
  if (!kindField) return { ok: false, reason: `it has no \`kind\` (one of ${KIND_LIST})` };
  const kind = entry.kind;
  if (!kind) return { ok: false, reason: `\`kind\` \`${show(kindField)}\` is not one of ${KIND_LIST}` };
  const field = entry.valueField;
  if (!field)
    return { ok: false, reason: `a \`kind: ${show(kindField)}\` entry needs a \`${VALUE_FIELD[kind]}\` field` };
  const value = stringValue(field);
  if ('reason' in value) return { ok: false, reason: value.reason };
  const key = readKey(kind, value.text);
  if ('reason' in key) return { ok: false, reason: key.reason };
  const notBefore = readNotBefore(entry);
  if ('reason' in notBefore) return { ok: false, reason: notBefore.reason };
  return { ok: true, kind, key: key.key, isSuffix: key.isSuffix, notBeforeCutoff: notBefore.cutoff };
}
