// The dns rule's table: what it reports, exactly, and what it leaves alone.
import { dnsRule } from '../../../../server/src/service/rules/dnsRules';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

ruleTester(dnsRule, {
  valid: [
    manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2020-01-01T00:00:00Z"\n'),
    manifest('  - kind: DNS\n    dns: .cluster.local\n'),
  ],
  invalid: [
    {
      name: 'a wildcard',
      text: manifest('  - kind: DNS\n    dns: "*.example.com"\n'),
      findings: [
        {
          code: 'dns-invalid',
          range: '8:10-8:25',
          message:
            'Wildcard `*.example.com` is not supported: to revoke every name under `example.com`, write the suffix `.example.com` (a suffix also matches deeper names, such as `a.b.example.com`)',
          fixes: [
            {
              title: 'Write the suffix `.example.com`',
              preferred: true,
              edits: [['8:10-8:25', '".example.com"']],
            },
          ],
        },
      ],
    },
    {
      name: 'a URL',
      text: manifest('  - kind: DNS\n    dns: https://a.example/x\n'),
      findings: [
        {
          code: 'dns-invalid',
          range: '8:10-8:29',
          message: '`https://a.example/x` is not a valid DNS name: this is a URL; write only its host name `a.example`',
          fixes: [
            {
              title: 'Write `a.example`',
              preferred: true,
              edits: [['8:10-8:29', 'a.example']],
            },
          ],
        },
      ],
    },
    {
      name: 'empty',
      text: manifest("  - kind: DNS\n    dns: ''\n"),
      findings: [
        {
          code: 'dns-invalid',
          range: '8:10-8:12',
          message:
            '`dns` is empty: write a DNS name such as `kubernetes.default.svc` or a suffix such as `.cluster.local`',
        },
      ],
    },
  ],
});
