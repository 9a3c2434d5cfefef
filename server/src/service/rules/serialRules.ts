// Serial numbers of `kind: serialnumber` entries: one that is no serial at all (serial-invalid),
// one written with colons, spaces or `0x` (serial-not-canonical), and one YAML reads as a number
// because it is unquoted (serial-number-type). The schema rule leaves `/serialNumber` to us.
import type { FieldRef } from '../manifest/manifestModel';
import { MAX_SERIAL_OCTETS, parseSerial, type Serial } from '../values/serial';
import { parsedValue } from './parsedValues';
import type { Fix, Report, Rule } from './ruleTypes';
import { describeNonString, isEmptyField, replaceStringValue, shown, valueSpan } from './valueFields';
import { isPlaceholder } from './placeholderRules';

const EXAMPLE = '`77fdf4b1033b387aaace6ce1c18710c2`';

export const serialRule: Rule = {
  name: 'serial',
  meta: [
    {
      code: 'serial-invalid',
      severity: 'error',
      title: 'A serial number that is empty, not hexadecimal, or longer than 20 octets.',
      docs: [
        'The serial number is empty, not hexadecimal (the message names the bad character),',
        'longer than 20 octets (RFC 5280), or not text at all. Write the serial in hex as',
        "`openssl x509 -noout -serial` prints it. A value pasted with openssl's `serial=` label gets a",
        'quick fix that writes the serial alone.',
      ].join('\n'),
    },
    {
      code: 'serial-not-canonical',
      severity: 'warning',
      title: 'A serial number with colons, spaces or a 0x prefix.',
      docs: [
        'The serial has a `0x` prefix, colons or spaces. Upper case and leading zeros are',
        'fine (openssl prints serials that way, and matching ignores them). The preferred quick fix',
        'writes the canonical form (lowercase hex, no separators), quoting it if YAML would otherwise',
        'read a number.',
      ].join('\n'),
    },
    {
      code: 'serial-number-type',
      severity: 'error',
      title: 'An unquoted serial number that YAML reads as a number.',
      docs: [
        'An unquoted serial that YAML reads as a number: `1234567890123456789012` loses',
        'digits, `0x1f` becomes 31, `1e5` becomes 100000, `0123` loses its zero. The preferred quick fix',
        'writes the serial in quotes in its canonical form (`0x1F` becomes `"1f"`) in one step.',
      ].join('\n'),
    },
  ],
  create: (_context, report) => ({
    entry(entry) {
      if (entry.kind === 'serialnumber' && entry.valueField) checkSerialField(entry.valueField, report);
    },
  }),
};

function checkSerialField(field: FieldRef, report: Report): void {
  // One error for an untyped placeholder: placeholder-value's (placeholderRules.ts).
  if (isPlaceholder(field)) return;
  const [start, end] = valueSpan(field);
  const value = parsedValue(field);
  if (value?.field !== 'serialNumber') {
    if (isEmptyField(field)) {
      report({
        code: 'serial-invalid',
        start,
        end,
        message: `The serial number is empty: write the certificate's serial number in hexadecimal, like ${EXAMPLE}`,
      });
    } else if (
      field.isPlain &&
      (typeof field.value === 'number' || typeof field.value === 'bigint') &&
      field.source !== undefined
    ) {
      reportNumber(field, field.source, report);
    } else {
      report({
        code: 'serial-invalid',
        start,
        end,
        message: `The serial number must be hexadecimal text, like ${EXAMPLE}; YAML reads ${describeNonString(field)} here`,
      });
    }
    return;
  }
  const { text, serial: parsed } = value;
  if (!parsed.ok) {
    const pasted = opensslSerial(text);
    if (pasted) {
      reportOpensslOutput(field, text, pasted, report);
      return;
    }
    report({ code: 'serial-invalid', start, end, message: invalidMessage(text, parsed.problem, parsed.reason) });
    return;
  }
  if (parsed.serial.hasPrefix || parsed.serial.hasSeparators) reportNotCanonical(field, text, parsed.serial, report);
}

/** `serial=0E7B…` as `openssl x509 -noout -serial` prints it: the serial after openssl's label. */
function opensslSerial(text: string): Serial | undefined {
  const match = /^\s*serial\s*=\s*(\S+)\s*$/i.exec(text);
  const parsed = match ? parseSerial(match[1]) : undefined;
  return parsed?.ok ? parsed.serial : undefined;
}

function reportOpensslOutput(field: FieldRef, text: string, serial: Serial, report: Report): void {
  const [start, end] = valueSpan(field);
  report({
    code: 'serial-invalid',
    start,
    end,
    message: `The serial number ${shown(text)} still has openssl's \`serial=\` label: write the serial alone, \`${serial.canonical}\``,
    fixes: canonicalFixes(field, serial),
  });
}

/** The preferred fix that writes the serial's canonical form in the value's own quoting. */
function canonicalFixes(field: FieldRef, serial: Serial): Fix[] {
  const edit = replaceStringValue(field, serial.canonical);
  return edit
    ? [{ title: `Write the serial number as \`${serial.canonical}\``, edits: [edit], isPreferred: true }]
    : [];
}

function invalidMessage(text: string, problem: 'empty' | 'not-hex' | 'too-long', reason: string): string {
  if (problem === 'empty')
    return `The serial number is empty: write the certificate's serial number in hexadecimal, like ${EXAMPLE}`;
  if (problem === 'not-hex')
    return `The serial number ${shown(text)} is not hexadecimal: ${reason}. Write the serial in hex digits (0-9, a-f), as \`openssl x509 -noout -serial\` prints it`;
  return `The serial number is longer than ${MAX_SERIAL_OCTETS} octets: ${reason}. Check that it was copied whole and alone`;
}

function reportNotCanonical(field: FieldRef, text: string, serial: Serial, report: Report): void {
  // Upper case and leading zeros are not reported: openssl prints serials that way (`0A1B…`),
  // and every match ignores them (docs/MATCHING.md), so a warning there would only be noise.
  const what = listOf([serial.hasPrefix ? 'a `0x` prefix' : '', ...separatorsOf(text)]);
  const [start, end] = valueSpan(field);
  report({
    code: 'serial-not-canonical',
    start,
    end,
    message: `The serial number ${shown(text)} has ${what}: write it in the canonical form \`${serial.canonical}\` (hex digits only), as certificates and this extension show it`,
    fixes: canonicalFixes(field, serial),
  });
}

function separatorsOf(text: string): string[] {
  const trimmed = text.trim();
  const inner = /\s/.test(trimmed);
  const outer = trimmed !== text;
  return [trimmed.includes(':') ? 'colons' : '', inner ? 'spaces' : outer ? 'spaces around it' : ''];
}

/** `a`, `a and b`, `a, b and c`, skipping empty parts. */
function listOf(parts: string[]): string {
  const present = parts.filter(Boolean);
  return present.length <= 1
    ? present.join('')
    : `${present.slice(0, -1).join(', ')} and ${present[present.length - 1]}`;
}

function reportNumber(field: FieldRef, source: string, report: Report): void {
  const read = String(field.value);
  const lost = read !== source;
  const consequence = lost ? `, not the digits written` : ', not text';
  // One step to the serial meant: `0x1F` becomes `"1f"`, not `"0x1F"` and then the fix of
  // serial-not-canonical. Leading zeros stay, as that rule lets them (`0123` becomes `"0123"`).
  const parsed = parseSerial(source);
  const rewrite = parsed.ok && (parsed.serial.hasPrefix || parsed.serial.hasSeparators);
  const canonical = rewrite ? parsed.serial.canonical : source;
  const quoted = JSON.stringify(canonical);
  report({
    code: 'serial-number-type',
    start: field.valueStart,
    end: field.valueEnd,
    message: `YAML reads the unquoted serial number ${shown(source)} as the number ${read}${consequence}: put it in quotes`,
    fixes: [
      {
        title:
          canonical === source
            ? `Quote the serial number: ${shown(quoted)}`
            : `Write the serial number as ${shown(quoted)}`,
        edits: [{ start: field.valueStart, end: field.valueEnd, newText: quoted }],
        isPreferred: true,
      },
    ],
  });
}
