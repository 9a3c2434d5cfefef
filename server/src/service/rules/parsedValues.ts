// Each value field and `notBefore` is parsed once per field, however many families read it (the
// value rules, breadth, duplicates): a field object belongs to one parse of the text, so a result
// kept on it (its memo slots) can never be stale.
import type { FieldRef, ParsedValue } from '../manifest/manifestModel';
import { checkDnsName } from '../values/dns';
import { parseIp } from '../values/ip';
import { parseSerial } from '../values/serial';
import { parseRfc3339, type TimeParse } from '../values/time';
import { fieldText } from './valueFields';

export type { ParsedValue } from '../manifest/manifestModel';

function parse(field: FieldRef): ParsedValue | null {
  const text = fieldText(field);
  if (text === undefined) return null;
  switch (field.key) {
    case 'serialNumber':
      return { field: 'serialNumber', text, serial: parseSerial(text) };
    case 'dns':
      return { field: 'dns', text, dns: checkDnsName(text) };
    case 'ip':
      return { field: 'ip', text, ip: parseIp(text) };
    case 'group':
      return { field: 'group', text };
    default:
      return null;
  }
}

/** The parsed value of a value field (`serialNumber`, `dns`, `ip`, `group`); undefined when YAML did not read text. */
export function parsedValue(field: FieldRef): ParsedValue | undefined {
  if (field.parsedValue === undefined) field.parsedValue = parse(field);
  return field.parsedValue ?? undefined;
}

/** `notBefore` read as RFC 3339; undefined when YAML did not read text. */
export function parsedNotBefore(field: FieldRef): TimeParse | undefined {
  if (field.parsedInstant === undefined) {
    const text = fieldText(field);
    field.parsedInstant = text === undefined ? null : parseRfc3339(text);
  }
  return field.parsedInstant ?? undefined;
}
