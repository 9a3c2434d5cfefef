// ip-invalid: the `ip` value of a `kind: IP` entry must be one IPv4 or IPv6 address. A CIDR range
// gets its own message (an entry matches one address), as do zone ids, brackets and ports.
import type { FieldRef } from '../manifest/manifestModel';
import type { Report, Rule } from './ruleTypes';
import { parsedValue } from './parsedValues';
import { notTextMessage, shown, valueSpan } from './valueFields';
import { isPlaceholder } from './placeholderRules';

const EXAMPLES = 'an IPv4 address such as `10.0.0.1` or an IPv6 address such as `fd00::1`';

export const ipRule: Rule = {
  name: 'ip',
  meta: [
    {
      code: 'ip-invalid',
      severity: 'error',
      title: 'Not an IPv4 or IPv6 address.',
      docs: [
        'Not an IPv4 or IPv6 address. A CIDR range gets its own message: ranges are not',
        'supported, write one address per entry. Zone ids, brackets, ports and leading zeros are named.',
      ].join('\n'),
    },
  ],
  create: (_context, report) => ({
    entry(entry) {
      if (entry.kind === 'IP' && entry.valueField) checkIpField(entry.valueField, report);
    },
  }),
};

function checkIpField(field: FieldRef, report: Report): void {
  // One error for an untyped placeholder: placeholder-value's (placeholderRules.ts).
  if (isPlaceholder(field)) return;
  const [start, end] = valueSpan(field);
  const value = parsedValue(field);
  if (value?.field !== 'ip') {
    report({ code: 'ip-invalid', start, end, message: notTextMessage('ip', EXAMPLES, field) });
    return;
  }
  const { text, ip: parsed } = value;
  if (parsed.ok) return;
  let message: string;
  if (parsed.problem === 'empty') message = `\`ip\` is empty: write ${EXAMPLES}`;
  else if (parsed.problem === 'cidr')
    message = `${shown(text)} is a CIDR range, and ranges are not supported: an IP entry matches one address. Write one entry per address`;
  else message = `${shown(text)} is not a valid IP address: ${parsed.reason}`;
  report({ code: 'ip-invalid', start, end, message });
}
