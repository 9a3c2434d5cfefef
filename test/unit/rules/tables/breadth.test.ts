// The breadth rule's table: what it reports, exactly, and what it leaves alone.
import { breadthRule } from '../../../../server/src/service/rules/breadthRules';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

ruleTester(breadthRule, {
  valid: [
    manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2020-01-01T00:00:00Z"\n'),
    manifest('  - kind: serialnumber\n    serialNumber: "0a"\n'),
  ],
  invalid: [
    {
      name: 'a Group entry without notBefore',
      text: manifest('  - kind: Group\n    group: team-a\n'),
      findings: [
        {
          code: 'missing-not-before',
          range: '8:12-8:18',
          message:
            'This Group entry has no `notBefore`: it revokes all existing and future certificates in group `team-a`, so renewed certificates are refused too, and the cluster cannot be repaired with `Repair-AksHciClusterCerts` (now `Update-AksHciClusterCertificates`). Add `notBefore` to revoke only certificates issued before that instant',
          fixes: [
            {
              title: 'Add notBefore: "2026-01-01T00:00:00Z" (now)',
              preferred: true,
              edits: [['9:1-9:1', '    notBefore: "2026-01-01T00:00:00Z"\n']],
            },
          ],
        },
      ],
    },
    {
      name: 'the node group, even with notBefore',
      text: manifest('  - kind: Group\n    group: system:nodes\n    notBefore: "2020-01-01T00:00:00Z"\n'),
      findings: [
        {
          code: 'broad-revocation',
          range: '8:12-8:24',
          message:
            'Revoking group `system:nodes` revokes every kubelet client certificate: no node can authenticate to the API server any more. Revoke the certificates you mean by serial number instead, or make sure this is intended',
          fixes: [
            {
              title: 'Suppress broad-revocation for this entry',
              edits: [['8:1-8:1', '    # renew-revocation-disable-next-line broad-revocation\n']],
            },
          ],
        },
      ],
    },
    {
      name: 'a one-label suffix under a comment that already silences another code: the code is added to it',
      text: manifest(
        '  - kind: DNS\n    notBefore: "2020-01-01T00:00:00Z"\n    # renew-revocation-disable-next-line no-match\n    dns: .com\n',
      ),
      findings: [
        {
          code: 'broad-revocation',
          range: '10:10-10:14',
          message:
            "The suffix `.com` has a single label: it revokes every certificate with a DNS name ending in `.com`, which can be most of the cluster's serving certificates. Use a longer suffix or a full name",
          fixes: [
            {
              title: 'Suppress broad-revocation for this entry',
              edits: [['9:50-9:50', ',broad-revocation']],
            },
          ],
        },
      ],
    },
    {
      name: 'a one-label suffix without notBefore, in flow style',
      text: manifest('  - {kind: DNS, dns: .local}\n'),
      findings: [
        {
          code: 'missing-not-before',
          range: '7:22-7:28',
          message:
            'This DNS entry has no `notBefore`: it revokes all existing and future certificates for DNS names ending in `.local`, so renewed certificates are refused too, and the cluster cannot be repaired with `Repair-AksHciClusterCerts` (now `Update-AksHciClusterCertificates`). Add `notBefore` to revoke only certificates issued before that instant',
          fixes: [
            {
              title: 'Add notBefore: "2026-01-01T00:00:00Z" (now)',
              preferred: true,
              edits: [['7:28-7:28', ', notBefore: "2026-01-01T00:00:00Z"']],
            },
          ],
        },
        {
          code: 'broad-revocation',
          range: '7:22-7:28',
          message:
            "The suffix `.local` has a single label: it revokes every certificate with a DNS name ending in `.local`, which can be most of the cluster's serving certificates. Use a longer suffix or a full name",
        },
      ],
    },
  ],
});
