// The kind rule's table: what it reports, exactly, and what it leaves alone.
import { kindRule } from '../../../../server/src/service/rules/kindRules';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

ruleTester(kindRule, {
  valid: [
    manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2020-01-01T00:00:00Z"\n'),
    manifest('  - kind: DSN\n    dns: a.example\n'),
  ],
  invalid: [
    {
      name: 'a lower-case kind',
      text: manifest('  - kind: dns\n    dns: a.example\n'),
      findings: [
        {
          code: 'kind-case',
          range: '7:11-7:14',
          message: 'Kind `dns` matches `DNS` only when case is ignored: write the documented spelling `DNS`',
          fixes: [
            {
              title: 'Change kind to `DNS`',
              preferred: true,
              edits: [['7:11-7:14', 'DNS']],
            },
          ],
        },
      ],
    },
    {
      name: 'a quoted kind in a flow mapping keeps its quotes',
      text: manifest("  - {kind: 'group', group: system:x}\n"),
      findings: [
        {
          code: 'kind-case',
          range: '7:12-7:19',
          message: 'Kind `group` matches `Group` only when case is ignored: write the documented spelling `Group`',
          fixes: [
            {
              title: 'Change kind to `Group`',
              preferred: true,
              edits: [['7:12-7:19', "'Group'"]],
            },
          ],
        },
      ],
    },
  ],
});
