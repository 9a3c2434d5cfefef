// dns-invalid: the `dns` value of a `kind: DNS` entry must be a DNS name (`kubernetes.default.svc`)
// or a suffix (`.cluster.local`). Wildcards (`*.x`), URLs, ports and IP addresses are the usual
// mix-ups, each named, with the value the user meant one click away where it is clear.
import type { FieldRef } from '../manifest/manifestModel';
import type { Fix, Report, Rule } from './ruleTypes';
import { parsedValue } from './parsedValues';
import { notTextMessage, replaceStringValue, shown, valueSpan } from './valueFields';
import { isPlaceholder } from './placeholderRules';

const EXAMPLES = 'a DNS name such as `kubernetes.default.svc` or a suffix such as `.cluster.local`';

export const dnsRule: Rule = {
  name: 'dns',
  meta: [
    {
      code: 'dns-invalid',
      severity: 'error',
      title: 'Not a valid DNS name or suffix.',
      docs: [
        'Not a valid DNS name or suffix: empty, not text, a URL, an IP address, a port, an',
        'empty label, a bad character, a label starting or ending with `-`, a label over 63 or a name',
        'over 253 characters. A `*.x` wildcard gets its own message: write the suffix `.x`, which',
        'matches every name ending in `.x` (quick fix). URLs and ports get fixes too.',
      ].join('\n'),
    },
  ],
  create: (_context, report) => ({
    entry(entry) {
      if (entry.kind === 'DNS' && entry.valueField) checkDnsField(entry.valueField, report);
    },
  }),
};

function checkDnsField(field: FieldRef, report: Report): void {
  // One error for an untyped placeholder: placeholder-value's (placeholderRules.ts).
  if (isPlaceholder(field)) return;
  const [start, end] = valueSpan(field);
  const value = parsedValue(field);
  if (value?.field !== 'dns') {
    report({ code: 'dns-invalid', start, end, message: notTextMessage('dns', EXAMPLES, field) });
    return;
  }
  const { text, dns: check } = value;
  if (check.ok) return;
  if (check.problem === 'empty') {
    report({ code: 'dns-invalid', start, end, message: `\`dns\` is empty: write ${EXAMPLES}` });
    return;
  }
  const fixes: Fix[] = [];
  const edit = check.suggestion !== undefined ? replaceStringValue(field, check.suggestion) : undefined;
  if (edit && check.suggestion !== undefined) {
    const title =
      check.problem === 'wildcard' ? `Write the suffix \`${check.suggestion}\`` : `Write \`${check.suggestion}\``;
    fixes.push({ title, edits: [edit], isPreferred: true });
  }
  const message =
    check.problem === 'wildcard'
      ? `Wildcard ${shown(text)} is not supported: to revoke every name under \`${check.suggestion?.slice(1)}\`, write the suffix \`${check.suggestion}\` (a suffix also matches deeper names, such as \`a.b${check.suggestion}\`)`
      : `${shown(text)} is not a valid DNS name: ${check.reason}`;
  report({ code: 'dns-invalid', start, end, message, fixes });
}
