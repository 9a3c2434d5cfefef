// The field-kind rule's table: what it reports, exactly, and what it leaves alone.
import { fieldKindRule } from '../../../../server/src/service/rules/fieldKindRules';
import { manifest } from '../valueFixtures';
import { ruleTester, type ExpectedFix } from '../ruleTester';

/** Both findings of a swapped value field offer the same two ways out, neither preferred. */
const SWAP_FIXES: ExpectedFix[] = [
  { title: 'Rename `ip` to `dns`', edits: [['8:5-8:7', 'dns']] },
  { title: 'Change kind to `IP`', edits: [['7:11-7:14', 'IP']] },
];

ruleTester(fieldKindRule, {
  valid: [manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2020-01-01T00:00:00Z"\n')],
  invalid: [
    {
      name: "the value under another kind's key",
      text: manifest('  - kind: DNS\n    ip: 10.0.0.1\n'),
      findings: [
        {
          code: 'field-kind-mismatch',
          range: '7:11-7:14',
          message:
            'This `kind: DNS` entry has no `dns` field but has `ip`, the field of IP entries: rename `ip` to `dns`, or change the kind to `IP`',
          fixes: SWAP_FIXES,
        },
        {
          code: 'field-kind-mismatch',
          range: '8:5-8:7',
          message:
            '`ip` is the field of IP entries, but this entry is `kind: DNS`, which needs `dns`: rename the key, or change the kind to `IP`',
          fixes: SWAP_FIXES,
        },
      ],
    },
    {
      name: "another kind's field besides its own",
      text: manifest('  - kind: DNS\n    dns: a.example\n    ip: 10.0.0.1\n'),
      findings: [
        {
          code: 'field-kind-mismatch',
          range: '9:5-9:7',
          message:
            '`ip` is the field of IP entries and does nothing in a `kind: DNS` entry: remove it, or make it an entry of its own',
        },
      ],
    },
    {
      name: 'no value field',
      text: manifest('  - kind: IP\n    notBefore: "2020-01-01T00:00:00Z"\n'),
      findings: [
        {
          code: 'field-kind-mismatch',
          range: '7:11-7:13',
          message: 'This `kind: IP` entry has no `ip` field: add `ip:` with the IP address',
        },
      ],
    },
  ],
});
