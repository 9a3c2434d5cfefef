// The inventory rule's table, over an inventory of a CA, a kubelet serving, a kubelet client and
// a team certificate: what it reports, exactly, and what it leaves alone.
import { inventoryRule } from '../../../../server/src/service/match/inventoryRules';
import { matchIndexFor } from '../../../../server/src/service/match/matchIndex';
import { summary } from '../../helpers/certificateSummaries';
import { inventoryOf } from '../../helpers/previewHarness';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

const inventory = inventoryOf({
  'pki.pem': [
    summary({ name: 'ca', serialNumber: '1', commonName: 'kubernetes', isCA: true }),
    summary({
      name: 'serving',
      commonName: 'system:node:n1',
      organizations: ['system:nodes'],
      extendedKeyUsage: ['serverAuth'],
      notBefore: '2023-02-01T00:00:00Z',
    }),
    summary({
      name: 'client',
      commonName: 'system:node:n1',
      organizations: ['system:nodes'],
      notBefore: '2023-03-01T00:00:00Z',
    }),
    summary({ name: 'team', organizations: ['team-a'], notBefore: '2023-03-01T00:00:00Z' }),
  ],
});

ruleTester(inventoryRule(matchIndexFor(inventory.snapshot())), {
  valid: [manifest('  - kind: Group\n    group: team-a\n    notBefore: "2024-01-01T00:00:00Z"\n'), 'kind: ConfigMap\n'],
  invalid: [
    {
      name: 'each entry against the inventory',
      text: manifest(
        '  - kind: Group\n    group: system:nodes\n    notBefore: "2024-01-01T00:00:00Z"\n  - kind: DNS\n    dns: .nowhere.example\n  - kind: serialnumber\n    serialNumber: "01"\n  - kind: serialnumber\n    serialNumber: "02"\n',
      ),
      findings: [
        {
          code: 'kubelet-server-cert',
          range: '8:12-8:24',
          message:
            'This entry matches 1 kubelet serving certificate: `CN=system:node:n1,O=system:nodes`. AKS hybrid does not support revoking kubelet serving certificates, so they stay valid: rotate them on their nodes instead.',
        },
        {
          code: 'no-match',
          range: '11:10-11:26',
          message:
            'No certificate of the inventory (4 certificates) matches this entry: check the value. Certificates outside the inventory may still match.',
        },
        {
          code: 'matches-ca',
          range: '13:19-13:23',
          message:
            'This entry matches 1 CA certificate of the inventory: `CN=kubernetes`. Revoking a CA certificate is rarely intended: check the value, or set notBefore so that it stays out.',
        },
        {
          code: 'no-match',
          range: '15:19-15:23',
          message:
            'No certificate of the inventory (4 certificates) matches this entry: check the value. Certificates outside the inventory may still match.',
        },
      ],
    },
  ],
});

// An empty inventory says nothing, even about an entry that matches nothing.
ruleTester(inventoryRule(matchIndexFor(inventoryOf({}).snapshot())), {
  valid: [manifest('  - kind: serialnumber\n    serialNumber: "02"\n')],
  invalid: [],
  partial: true,
});
