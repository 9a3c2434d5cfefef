// The duplicate rule's table: what it reports, exactly, and what it leaves alone.
import { duplicateRule } from '../../../../server/src/service/rules/duplicateRules';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

ruleTester(duplicateRule, {
  valid: [manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2020-01-01T00:00:00Z"\n')],
  invalid: [
    {
      name: 'the same DNS name in another case',
      text: manifest(
        '  - kind: DNS\n    dns: a.example\n  - kind: DNS\n    dns: A.example.\n    notBefore: "2020-01-01T00:00:00Z"\n',
      ),
      findings: [
        {
          code: 'duplicate-entry',
          range: '10:10-10:20',
          message:
            'Duplicate entry: DNS `A.example.` is already listed at line 8 as `a.example`. The entry at line 8 is the effective one: without `notBefore` it revokes everything the others do',
          fixes: [
            {
              title: 'Remove this duplicate entry',
              preferred: true,
              edits: [['9:1-12:1', '']],
            },
          ],
          related: [['8:10-8:19', 'The first DNS entry for `a.example`']],
        },
      ],
    },
    {
      name: 'a later entry without notBefore covers the first',
      text: manifest(
        '  - kind: serialnumber\n    serialNumber: "0a"\n    notBefore: "2020-01-01T00:00:00Z"\n  - kind: serialnumber\n    serialNumber: "0A"\n',
      ),
      findings: [
        {
          code: 'duplicate-entry',
          range: '11:19-11:23',
          message:
            'Duplicate entry: serialnumber `0A` is already listed at line 8 as `0a`. This entry is the effective one: without `notBefore` it revokes everything the others do',
          fixes: [
            {
              title: 'Remove the entry at line 8, which this one covers',
              preferred: true,
              edits: [['7:1-10:1', '']],
            },
          ],
          related: [['8:19-8:23', 'The first serialnumber entry for `0a`']],
        },
      ],
    },
  ],
});
