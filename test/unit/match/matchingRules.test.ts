// Every matching rule of docs/MATCHING.md, asserted on exact sets of certificates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summary } from '../helpers/certificateSummaries';
import { classes, manifestDocument, matchEach, matchedBy, runPreview } from '../helpers/previewHarness';

test('serialnumber: equal after normalisation of case, colons, spaces, 0x and leading zeros', () => {
  const certificates = [
    summary({ name: 'long', serialNumber: '77fdf4b1033b387aaace6ce1c18710c2' }),
    summary({ name: 'short', serialNumber: '1f' }),
    summary({ name: 'zero', serialNumber: '0' }),
    summary({ name: 'negative', serialNumber: '-1f' }),
  ];
  const values = [
    '77:FD:F4:B1:03:3B:38:7A:AA:CE:6C:E1:C1:87:10:C2',
    '0077fdf4b1033b387aaace6ce1c18710c2',
    '77fd f4b1 033b 387a aace 6ce1 c187 10c2',
    '001F',
    '0x1f',
    '1f0',
    '00',
    '-1F',
    'f1',
  ];
  assert.deepEqual(matchEach(certificates, 'serialnumber', 'serialNumber', values), [
    ['long'],
    ['long'],
    ['long'],
    ['short'],
    ['short'],
    [],
    ['zero'],
    ['negative'],
    [],
  ]);
});

test('Group: one of the O values equals it exactly, case-sensitive', () => {
  const certificates = [
    summary({ name: 'node1', organizations: ['system:nodes'] }),
    summary({ name: 'admin', organizations: ['other', 'system:masters'] }),
    summary({ name: 'none' }),
  ];
  const values = ['system:nodes', 'System:Nodes', 'system:masters', 'other', 'system:node', ' system:nodes'];
  assert.deepEqual(matchEach(certificates, 'Group', 'group', values), [['node1'], [], ['admin'], ['admin'], [], []]);
});

test('DNS: suffix against bare domain, trailing dots on either side, case, wildcard SANs as text, never the CN', () => {
  const certificates = [
    summary({ name: 'svc', dnsNames: ['kubernetes.default.svc'] }),
    summary({ name: 'fqdn', dnsNames: ['kubernetes.default.svc.cluster.local'] }),
    summary({ name: 'bare', dnsNames: ['cluster.local'] }),
    summary({ name: 'dotted', dnsNames: ['KUBE.Cluster.Local.'] }),
    summary({ name: 'wildcard', dnsNames: ['*.apps.cluster.local'] }),
    summary({ name: 'cn-only', commonName: 'foo.cluster.local' }),
    summary({ name: 'lookalike', dnsNames: ['notcluster.local'] }),
  ];
  const values = [
    '.cluster.local',
    '.CLUSTER.LOCAL.',
    'cluster.local',
    'cluster.local.',
    'kubernetes.default.svc.',
    'kube.cluster.local',
    'KUBE.CLUSTER.LOCAL',
    '.apps.cluster.local',
    '*.apps.cluster.local',
    'foo.cluster.local',
    '.local',
    '.svc',
  ];
  assert.deepEqual(matchEach(certificates, 'DNS', 'dns', values), [
    ['dotted', 'fqdn', 'wildcard'],
    ['dotted', 'fqdn', 'wildcard'],
    ['bare'],
    ['bare'],
    ['svc'],
    ['dotted'],
    ['dotted'],
    ['wildcard'],
    [],
    [],
    ['bare', 'dotted', 'fqdn', 'lookalike', 'wildcard'],
    ['svc'],
  ]);
});

test('DNS: a certificate with several names under one suffix is matched once', () => {
  const certificates = [summary({ name: 'api', dnsNames: ['a.cluster.local', 'b.cluster.local', 'A.cluster.local.'] })];
  const run = runPreview(
    certificates,
    manifestDocument([
      { kind: 'DNS', dns: '.cluster.local' },
      { kind: 'DNS', dns: 'a.cluster.local' },
    ]),
  );
  assert.deepEqual(
    run.preview.entries.map((e) => e.matches.length),
    [1, 1],
  );
  assert.deepEqual(run.preview.revoked[0].entries, [
    { document: 0, index: 0 },
    { document: 0, index: 1 },
  ]);
});

test('IP: equal after canonicalisation, IPv4-mapped IPv6 equal to IPv4, every IPv6 spelling', () => {
  const certificates = [
    summary({ name: 'v4', ipAddresses: ['10.0.0.1'] }),
    summary({ name: 'mapped', ipAddresses: ['::ffff:10.0.0.2'] }),
    summary({ name: 'v6', ipAddresses: ['fd00::1'] }),
    summary({ name: 'doc', ipAddresses: ['2001:db8::1', '170.63.128.124'] }),
  ];
  const values = [
    '10.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:a00:1',
    '10.0.0.2',
    '0:0:0:0:0:ffff:10.0.0.2',
    'FD00:0:0:0:0:0:0:1',
    'fd00::0001',
    '2001:0db8:0000::1',
    '170.63.128.124',
    '10.0.0.3',
    '10.0.0.0/8',
    '::1',
  ];
  assert.deepEqual(matchEach(certificates, 'IP', 'ip', values), [
    ['v4'],
    ['v4'],
    ['v4'],
    ['mapped'],
    ['mapped'],
    ['v6'],
    ['v6'],
    ['doc'],
    ['doc'],
    [],
    [],
    [],
  ]);
});

test('notBefore: only certificates issued strictly earlier match; equal instants (any zone, any fraction) do not', () => {
  const certificates = [
    summary({ name: 'early', organizations: ['g'], notBefore: '2023-01-01T00:00:00Z' }),
    summary({ name: 'equal', organizations: ['g'], notBefore: '2023-06-01T00:00:00Z' }),
    summary({ name: 'late', organizations: ['g'], notBefore: '2024-01-01T00:00:00Z' }),
  ];
  const cases: Array<[string, string[]]> = [
    ['2023-06-01T00:00:00Z', ['early']],
    ['2023-06-01T02:00:00+02:00', ['early']],
    ['2023-05-31T19:00:00-05:00', ['early']],
    ['2023-06-01T00:00:00.000Z', ['early']],
    ['2023-06-01T00:00:00.001Z', ['early', 'equal']],
    ['2023-06-01T00:00:00.0001Z', ['early', 'equal']],
    ['2023-06-01T00:00:00.000000Z', ['early']],
    ['2023-05-31T23:59:59Z', ['early']],
    ['2023-01-01T00:00:00Z', []],
    ['2030-01-01T00:00:00Z', ['early', 'equal', 'late']],
  ];
  const run = runPreview(
    certificates,
    manifestDocument(cases.map(([notBefore]) => ({ kind: 'Group', group: 'g', notBefore }))),
  );
  assert.deepEqual(
    cases.map((_, position) => matchedBy(run, position)),
    cases.map(([, expected]) => expected),
  );
});

test('kind is resolved whatever its case', () => {
  const certificates = [
    summary({
      name: 'c',
      serialNumber: 'abc',
      organizations: ['g'],
      dnsNames: ['x.example'],
      ipAddresses: ['10.1.1.1'],
    }),
  ];
  const run = runPreview(
    certificates,
    manifestDocument([
      { kind: 'SERIALNUMBER', serialNumber: 'ABC' },
      { kind: 'group', group: 'g' },
      { kind: 'dns', dns: 'x.example' },
      { kind: 'Ip', ip: '10.1.1.1' },
    ]),
  );
  assert.deepEqual(
    [0, 1, 2, 3].map((position) => matchedBy(run, position)),
    [['c'], ['c'], ['c'], ['c']],
  );
  assert.deepEqual(
    run.preview.entries.map((e) => e.kind),
    ['SERIALNUMBER', 'group', 'dns', 'Ip'],
  );
});

test('an invalid entry matches nothing and says why', () => {
  const certificates = [summary({ name: 'c', serialNumber: '1234', organizations: ['g'], dnsNames: ['x.example'] })];
  const run = runPreview(
    certificates,
    manifestDocument([
      { kind: 'serialnumber', serialNumber: 1234 },
      { kind: 'serialnumber', serialNumber: '12zz' },
      { kind: 'DSN', dns: 'x.example' },
      { kind: 'DNS', ip: '10.0.0.1' },
      { kind: 'DNS', dns: '*.example' },
      { kind: 'Group', group: '' },
      { kind: 'Group', group: 'g', notBefore: '2023-01-01' },
      { kind: 'IP', ip: '10.0.0.0/8' },
      { kind: 'Group', group: null },
    ]),
  );
  assert.deepEqual(
    run.preview.entries.map((e) => e.matches),
    [[], [], [], [], [], [], [], [], []],
  );
  assert.deepEqual(
    run.preview.entries.map((e) => e.warnings),
    [
      [
        {
          code: 'matches-nothing',
          message: 'matches nothing: YAML reads `serialNumber: 1234` as a number, not text; quote it',
        },
      ],
      [
        {
          code: 'matches-nothing',
          message: 'matches nothing: the serial number `12zz` is not valid: `z` is not a hexadecimal digit',
        },
      ],
      [
        {
          code: 'matches-nothing',
          message: 'matches nothing: `kind` `DSN` is not one of serialnumber, Group, DNS, IP',
        },
      ],
      [{ code: 'matches-nothing', message: 'matches nothing: a `kind: DNS` entry needs a `dns` field' }],
      [
        {
          code: 'matches-nothing',
          message:
            'matches nothing: `*.example` is not a DNS name: wildcards are not supported; to revoke every name under `example`, write the suffix `.example`',
        },
      ],
      [{ code: 'matches-nothing', message: 'matches nothing: the group is empty' }],
      [
        {
          code: 'matches-nothing',
          message:
            'matches nothing: `notBefore` `2023-01-01` is not a date-time: a date alone is not enough: add the time and zone, like `2020-04-17T17:22:05Z`',
        },
      ],
      [
        {
          code: 'matches-nothing',
          message:
            'matches nothing: `10.0.0.0/8` is not an IP address: ranges are not supported: an IP entry matches one address; write one entry per address',
        },
      ],
      [{ code: 'matches-nothing', message: 'matches nothing: `group` is empty' }],
    ],
  );
  assert.deepEqual(
    run.preview.entries.map((e) => e.value),
    ['1234', '12zz', 'x.example', '10.0.0.1', '*.example', '', 'g', '10.0.0.0/8', ''],
  );
  assert.deepEqual(classes(run.preview), { revoked: [], notRevocable: [], kept: ['c'] });
});

test('an empty notBefore is no notBefore (as Kubernetes reads null); serial entries get no future-certificates warning', () => {
  const certificates = [
    summary({ name: 'c', serialNumber: 'abc', organizations: ['g'], notBefore: '2023-01-01T00:00:00Z' }),
  ];
  const run = runPreview(
    certificates,
    manifestDocument([
      { kind: 'Group', group: 'g', notBefore: null },
      { kind: 'serialnumber', serialNumber: 'abc' },
      { kind: 'Group', group: 'g', notBefore: '2024-01-01T00:00:00Z' },
    ]),
  );
  assert.deepEqual(
    run.preview.entries.map((e) => [e.matches.length, e.notBefore, e.warnings]),
    [
      [
        1,
        '',
        [{ code: 'missing-not-before', message: 'no notBefore: future matching certificates will be refused too' }],
      ],
      [1, null, []],
      [1, '2024-01-01T00:00:00Z', []],
    ],
  );
});

test('kubelet serving certificates are matched but not revocable; kubelet client certificates are revoked', () => {
  const node = { organizations: ['system:nodes'] };
  const certificates = [
    summary({
      name: 'serving',
      commonName: 'system:node:n1',
      ...node,
      extendedKeyUsage: ['serverAuth'],
      dnsNames: ['n1'],
    }),
    summary({ name: 'client', commonName: 'system:node:n1', ...node, extendedKeyUsage: ['clientAuth'] }),
    summary({ name: 'both', commonName: 'system:node:n2', ...node, extendedKeyUsage: ['serverAuth', 'clientAuth'] }),
    summary({ name: 'not-a-node', commonName: 'system:node:', ...node, extendedKeyUsage: ['serverAuth'] }),
    summary({
      name: 'other-group',
      commonName: 'system:node:n3',
      organizations: ['x'],
      extendedKeyUsage: ['serverAuth'],
    }),
  ];
  const run = runPreview(
    certificates,
    manifestDocument([
      { kind: 'Group', group: 'system:nodes', notBefore: '2030-01-01T00:00:00Z' },
      { kind: 'DNS', dns: 'n1', notBefore: '2030-01-01T00:00:00Z' },
    ]),
  );
  assert.deepEqual(matchedBy(run, 0), ['both', 'client', 'not-a-node', 'serving']);
  assert.deepEqual(classes(run.preview), {
    revoked: ['both', 'client', 'not-a-node'],
    notRevocable: ['serving'],
    kept: ['other-group'],
  });
  assert.deepEqual(run.preview.notRevocable[0].entries, [
    { document: 0, index: 0 },
    { document: 0, index: 1 },
  ]);
  assert.deepEqual(run.preview.entries[1].warnings, [
    {
      code: 'kubelet-server-cert',
      message: 'matches 1 kubelet serving certificate, which AKS hybrid cannot revoke (listed as not revocable)',
    },
  ]);
});

test('a matched CA is revoked, flagged in its record and warned about on the entry', () => {
  const certificates = [
    summary({ name: 'ca', serialNumber: '1', isCA: true, organizations: ['g'] }),
    summary({ name: 'leaf', serialNumber: '2', organizations: ['g'] }),
  ];
  const run = runPreview(
    certificates,
    manifestDocument([{ kind: 'Group', group: 'g', notBefore: '2030-01-01T00:00:00Z' }]),
  );
  assert.deepEqual(
    run.preview.revoked.map((c) => [c.commonName, c.isCA]),
    [
      ['ca', true],
      ['leaf', false],
    ],
  );
  assert.deepEqual(run.preview.entries[0].warnings, [
    { code: 'matches-ca', message: 'matches 1 CA certificate: revoking a CA is rarely intended; check the value' },
  ]);
});

test('entries that are not mappings, or have no kind, match nothing and say why', () => {
  const text = manifestDocument([{ kind: 'Group', group: 'g' }]).replace(
    '  revocations:\n',
    '  revocations:\n  - just text\n  - {}\n  -\n',
  );
  const run = runPreview([summary({ name: 'c', organizations: ['g'] })], text);
  assert.deepEqual(
    run.preview.entries.map((e) => [e.index, e.kind, e.value, e.matches.length, e.warnings]),
    [
      [
        0,
        null,
        null,
        0,
        [
          {
            code: 'matches-nothing',
            message: 'matches nothing: the entry is not a mapping of fields (`kind: …` and its value)',
          },
        ],
      ],
      [
        1,
        null,
        null,
        0,
        [
          {
            code: 'matches-nothing',
            message: 'matches nothing: it has no `kind` (one of serialnumber, Group, DNS, IP)',
          },
        ],
      ],
      [
        2,
        null,
        null,
        0,
        [
          {
            code: 'matches-nothing',
            message: 'matches nothing: the entry is not a mapping of fields (`kind: …` and its value)',
          },
        ],
      ],
      [
        3,
        'Group',
        'g',
        1,
        [{ code: 'missing-not-before', message: 'no notBefore: future matching certificates will be refused too' }],
      ],
    ],
  );
});
