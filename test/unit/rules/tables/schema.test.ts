// The schema rule's table: what it reports, exactly, and what it leaves alone.
import { schemaRule } from '../../../../server/src/service/rules/schemaRule';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

ruleTester(schemaRule, {
  valid: [manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2020-01-01T00:00:00Z"\n')],
  invalid: [
    {
      name: 'an empty list item, as while typing `- ` (on its dash)',
      text: manifest('  -\n  - kind: IP\n    ip: 10.0.0.1\n    notBefore: "2020-01-01T00:00:00Z"\n'),
      findings: [
        {
          code: 'empty-entry',
          range: '7:3-7:4',
          message:
            'An empty entry: write its `kind` and value field (Ctrl+Space offers a whole entry), or remove the `-`',
        },
      ],
    },
    {
      name: 'an empty group',
      text: manifest('  - kind: Group\n    group: ""\n    notBefore: "2020-01-01T00:00:00Z"\n'),
      findings: [
        {
          code: 'schema',
          range: '8:12-8:14',
          message: '`group` must not be empty',
        },
      ],
    },
    {
      name: 'an unknown kind near a documented one',
      text: manifest('  - kind: DSN\n    dns: a.example\n'),
      findings: [
        {
          code: 'schema',
          range: '7:11-7:14',
          message: '`kind` must be one of serialnumber, Group, DNS, IP; found `DSN`',
          fixes: [
            {
              title: 'Change kind to `DNS`',
              edits: [['7:11-7:14', 'DNS']],
            },
          ],
        },
      ],
    },
    {
      name: 'a misspelt key',
      text: manifest('  - kind: DNS\n    dns: a.example\n    notbefore: "2020-01-01T00:00:00Z"\n'),
      findings: [
        {
          code: 'unknown-field',
          range: '9:5-9:14',
          message: 'Unknown field `notbefore` in this revocation entry: did you mean `notBefore`?',
          fixes: [
            {
              title: 'Rename `notbefore` to `notBefore`',
              preferred: true,
              edits: [['9:5-9:14', 'notBefore']],
            },
          ],
        },
      ],
    },
  ],
});
