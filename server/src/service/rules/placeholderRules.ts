// placeholder-value: a value still reading `<group>`, `<serial-number>`… is the placeholder that
// New Manifest and the entry snippets insert, left untyped. Placeholders are written so that they
// cannot pass for a real value; this rule says plainly what to write there instead, and the value
// rules (serial, DNS, IP) stay silent on them so that one mistake gives one error.
import type { EntryKind, FieldRef } from '../manifest/manifestModel';
import type { Rule } from './ruleTypes';
import { valueSpan } from './valueFields';

/** What each kind's placeholder stands for, as the message asks for it. */
const WANTED: Record<EntryKind, string> = {
  serialnumber: "the certificate's serial number in hexadecimal (`openssl x509 -noout -serial`)",
  Group: 'the group (the O of the certificates to revoke, such as `system:nodes`)',
  DNS: 'the DNS name or suffix (such as `kubernetes.default.svc` or `.cluster.local`)',
  IP: 'the IP address (such as `10.0.0.1`)',
};

/** A text value of the form `<…>` with nothing else: a placeholder, not a value. */
export function isPlaceholder(field: FieldRef): boolean {
  return typeof field.value === 'string' && /^<[^<>\n]*>$/.test(field.value);
}

export const placeholderRule: Rule = {
  name: 'placeholder',
  meta: [
    {
      code: 'placeholder-value',
      severity: 'error',
      title: 'A placeholder left where a value belongs.',
      docs: [
        'A value that is still a placeholder such as `<serial-number>` or `<group>`, as the New',
        'Manifest command and the entry snippets insert them: type the real value over it. The',
        'placeholders are made so that they can never pass for a value, so an entry nobody filled in',
        'fails `lint` instead of revoking something by accident or nothing at all.',
      ].join('\n'),
    },
  ],
  create: (_context, report) => ({
    entry(entry) {
      const field = entry.valueField;
      if (!entry.kind || !field || !isPlaceholder(field)) return;
      const [start, end] = valueSpan(field);
      report({
        code: 'placeholder-value',
        start,
        end,
        message: `\`${String(field.value)}\` is a placeholder: replace it with ${WANTED[entry.kind]}`,
      });
    },
  }),
};
