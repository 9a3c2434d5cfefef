// The not-before rule's table: what it reports, exactly, and what it leaves alone.
import { notBeforeRule } from '../../../../server/src/service/rules/notBeforeRules';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

ruleTester(notBeforeRule, {
  valid: [manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2020-01-01T00:00:00Z"\n')],
  invalid: [
    {
      name: 'a date without time and zone',
      text: manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2020-01-01"\n'),
      findings: [
        {
          code: 'not-before-invalid',
          range: '9:16-9:28',
          message:
            '`notBefore` `2020-01-01` is not an RFC 3339 date-time with a zone: a date alone is not enough: add the time and zone, like `2020-04-17T17:22:05Z`',
          fixes: [
            {
              title: 'Write notBefore as "2020-01-01T00:00:00Z" (midnight UTC)',
              edits: [['9:16-9:28', '"2020-01-01T00:00:00Z"']],
            },
          ],
        },
      ],
    },
    {
      name: 'a date alone, unquoted: the fix quotes the full form',
      text: manifest('  - kind: DNS\n    dns: a.example\n    notBefore: 2026-12-05\n'),
      findings: [
        {
          code: 'not-before-invalid',
          range: '9:16-9:26',
          message:
            '`notBefore` `2026-12-05` is not an RFC 3339 date-time with a zone: a date alone is not enough: add the time and zone, like `2020-04-17T17:22:05Z`',
          fixes: [
            {
              title: 'Write notBefore as "2026-12-05T00:00:00Z" (midnight UTC)',
              edits: [['9:16-9:26', '"2026-12-05T00:00:00Z"']],
            },
          ],
        },
      ],
    },
    {
      name: 'a date alone that does not exist: no fix',
      text: manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2026-02-30"\n'),
      findings: [
        {
          code: 'not-before-invalid',
          range: '9:16-9:28',
          message:
            '`notBefore` `2026-02-30` is not an RFC 3339 date-time with a zone: a date alone is not enough: add the time and zone, like `2020-04-17T17:22:05Z`',
        },
      ],
    },
    {
      name: 'a number',
      text: manifest('  - kind: DNS\n    dns: a.example\n    notBefore: 2020\n'),
      findings: [
        {
          code: 'not-before-invalid',
          range: '9:16-9:20',
          message:
            '`notBefore` must be an RFC 3339 date-time with a zone in quotes, like `"2020-04-17T17:22:05Z"`; YAML reads the number 2020 here',
        },
      ],
    },
    {
      name: 'two hours ahead of the clock',
      text: manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2026-01-01T02:00:00Z"\n'),
      findings: [
        {
          code: 'not-before-future',
          range: '9:16-9:38',
          message:
            '`notBefore` 2026-01-01T02:00:00Z is in the future (in 2 hours): every matching certificate issued until then is revoked, including the ones issued after you apply this manifest. To revoke only existing certificates, use the current time',
          fixes: [
            {
              title: 'Set notBefore to now (2026-01-01T00:00:00Z)',
              edits: [['9:16-9:38', '"2026-01-01T00:00:00Z"']],
            },
          ],
        },
      ],
    },
  ],
});
