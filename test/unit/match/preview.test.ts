// The preview model: the JSON shape of the README, "Command line", entry references across documents, sources of
// duplicated certificates, the partition of the inventory, the notes about its reach.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CertificateInventory, fileTooLargeProblem } from '../../../server/src/service/inventory/inventory';
import { previewConditions } from '../../../server/src/service/match/preview';
import { summary } from '../helpers/certificateSummaries';
import { classes, manifestDocument, runPreview } from '../helpers/previewHarness';

const ca = summary({ name: 'ca', serialNumber: '1', isCA: true, commonName: 'kubernetes' });
const node1 = summary({
  name: 'node1',
  serialNumber: 'a1',
  commonName: 'system:node:n1',
  organizations: ['system:nodes'],
  notBefore: '2022-03-01T10:00:00Z',
  notAfter: '2023-03-01T10:00:00Z',
});
const api = summary({
  name: 'api',
  serialNumber: 'b2',
  commonName: 'kube-apiserver',
  dnsNames: ['kubernetes.default.svc.cluster.local'],
  ipAddresses: ['10.96.0.1'],
  extendedKeyUsage: ['serverAuth'],
});

function twoDocumentFile(): string {
  return [
    manifestDocument([
      { kind: 'serialnumber', serialNumber: 'A1' },
      { kind: 'DNS', dns: '.cluster.local' },
    ]),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated\n',
    manifestDocument([
      { kind: 'Group', group: 'system:nodes', notBefore: '2024-01-01T00:00:00Z' },
      { kind: 'IP', ip: '10.0.0.9' },
    ]),
  ].join('---\n');
}

function inventory(): CertificateInventory {
  const result = new CertificateInventory();
  result.setFile('/etc/kubernetes/pki/ca.crt', { certificates: [{ certificate: ca, index: 0, offset: 0 }] });
  result.setFile('C:\\AksHci\\kubelet\\node1.pem', { certificates: [{ certificate: node1, index: 0, offset: 0 }] });
  result.setFile('/work/bundle.pem', {
    certificates: [
      { certificate: node1, index: 0, offset: 0 },
      { certificate: api, index: 1, offset: 1500 },
      { certificate: node1, index: 2, offset: 3100 },
    ],
  });
  result.setFile('/work/huge.pem', {
    certificates: [],
    problems: [fileTooLargeProblem('/work/huge.pem', 6 * 1024 * 1024, 5 * 1024 * 1024)],
  });
  return result;
}

test('the preview serialises to the JSON of the README, "Command line", entries identified by {document, index}', () => {
  const run = runPreview(inventory(), twoDocumentFile());
  const json = JSON.parse(JSON.stringify(run.preview)) as unknown;
  assert.deepEqual(json, {
    certificatesScanned: 3,
    entries: [
      {
        document: 0,
        index: 0,
        item: null,
        name: 'test',
        namespace: null,
        kind: 'serialnumber',
        value: 'A1',
        notBefore: null,
        matches: [node1.sha256Fingerprint],
        warnings: [],
      },
      {
        document: 0,
        index: 1,
        item: null,
        name: 'test',
        namespace: null,
        kind: 'DNS',
        value: '.cluster.local',
        notBefore: null,
        matches: [api.sha256Fingerprint],
        warnings: [
          { code: 'missing-not-before', message: 'no notBefore: future matching certificates will be refused too' },
        ],
      },
      {
        document: 1,
        index: 0,
        item: null,
        name: 'test',
        namespace: null,
        kind: 'Group',
        value: 'system:nodes',
        notBefore: '2024-01-01T00:00:00Z',
        matches: [node1.sha256Fingerprint],
        warnings: [],
      },
      {
        document: 1,
        index: 1,
        item: null,
        name: 'test',
        namespace: null,
        kind: 'IP',
        value: '10.0.0.9',
        notBefore: null,
        matches: [],
        warnings: [
          { code: 'missing-not-before', message: 'no notBefore: future matching certificates will be refused too' },
        ],
      },
    ],
    revoked: [
      {
        serialNumber: 'a1',
        subject: 'CN=system:node:n1,O=system:nodes',
        issuer: 'CN=kubernetes',
        commonName: 'system:node:n1',
        organizations: ['system:nodes'],
        notBefore: '2022-03-01T10:00:00Z',
        notAfter: '2023-03-01T10:00:00Z',
        dnsNames: [],
        ipAddresses: [],
        sha256Fingerprint: node1.sha256Fingerprint,
        isCA: false,
        sources: ['/work/bundle.pem', 'C:\\AksHci\\kubelet\\node1.pem'],
        locations: [
          { path: '/work/bundle.pem', index: 0, offset: 0 },
          { path: '/work/bundle.pem', index: 2, offset: 3100 },
          { path: 'C:\\AksHci\\kubelet\\node1.pem', index: 0, offset: 0 },
        ],
        entries: [
          { document: 0, index: 0 },
          { document: 1, index: 0 },
        ],
      },
      {
        serialNumber: 'b2',
        subject: 'CN=kube-apiserver',
        issuer: 'CN=kubernetes',
        commonName: 'kube-apiserver',
        organizations: [],
        notBefore: '2023-01-01T00:00:00Z',
        notAfter: '2033-01-01T00:00:00Z',
        dnsNames: ['kubernetes.default.svc.cluster.local'],
        ipAddresses: ['10.96.0.1'],
        sha256Fingerprint: api.sha256Fingerprint,
        isCA: false,
        sources: ['/work/bundle.pem'],
        locations: [{ path: '/work/bundle.pem', index: 1, offset: 1500 }],
        entries: [{ document: 0, index: 1 }],
      },
    ],
    notRevocable: [],
    kept: [
      {
        serialNumber: '1',
        subject: 'CN=kubernetes',
        issuer: 'CN=kubernetes',
        commonName: 'kubernetes',
        organizations: [],
        notBefore: '2023-01-01T00:00:00Z',
        notAfter: '2033-01-01T00:00:00Z',
        dnsNames: [],
        ipAddresses: [],
        sha256Fingerprint: ca.sha256Fingerprint,
        isCA: true,
        sources: ['/etc/kubernetes/pki/ca.crt'],
        locations: [{ path: '/etc/kubernetes/pki/ca.crt', index: 0, offset: 0 }],
        entries: [],
      },
    ],
    notes: [
      'This preview covers the 3 certificates of the inventory only: matching certificates outside it (most of a live cluster’s) are revoked as well.',
      '1 file or block could not be read: their certificates are not in this preview (see problems).',
    ],
    problems: [
      {
        path: '/work/huge.pem',
        code: 'file-too-large',
        message:
          '6.0 MiB is more than renewRevocation.maxFileSize (5.0 MiB): its certificates are not in the inventory. Raise the setting to include it.',
      },
    ],
  });
});

test('revoked + notRevocable + kept partition the distinct certificates scanned', () => {
  const certificates = [
    ca,
    node1,
    api,
    summary({
      name: 'serving',
      commonName: 'system:node:n1',
      organizations: ['system:nodes'],
      extendedKeyUsage: ['serverAuth'],
    }),
    summary({ name: 'lonely' }),
  ];
  const run = runPreview(
    certificates,
    manifestDocument([
      { kind: 'Group', group: 'system:nodes' },
      { kind: 'serialnumber', serialNumber: '1' },
    ]),
  );
  const { preview } = run;
  const all = [...preview.revoked, ...preview.notRevocable, ...preview.kept].map((c) => c.sha256Fingerprint);
  assert.equal(preview.certificatesScanned, 5);
  assert.equal(all.length, 5);
  assert.equal(new Set(all).size, 5);
  assert.deepEqual(classes(preview), { revoked: ['ca', 'node1'], notRevocable: ['serving'], kept: ['api', 'lonely'] });
  assert.deepEqual(previewConditions(preview), { ca: true, notRevocable: true, any: true });
});

test('--fail-on conditions hold only when they should', () => {
  const quiet = runPreview([api], manifestDocument([{ kind: 'serialnumber', serialNumber: 'ff' }])).preview;
  assert.deepEqual(previewConditions(quiet), { ca: false, notRevocable: false, any: false });
  const leaf = runPreview([api, ca], manifestDocument([{ kind: 'serialnumber', serialNumber: 'b2' }])).preview;
  assert.deepEqual(previewConditions(leaf), { ca: false, notRevocable: false, any: true });
});

test('an empty inventory still previews every entry, and says what it covers', () => {
  const { preview } = runPreview([], manifestDocument([{ kind: 'Group', group: 'system:masters' }]));
  assert.equal(preview.certificatesScanned, 0);
  assert.deepEqual(
    preview.entries.map((e) => e.matches),
    [[]],
  );
  assert.deepEqual(preview.notes, [
    'This preview covers the 0 certificates of the inventory only: matching certificates outside it (most of a live cluster’s) are revoked as well.',
  ]);
});

test('a file with no RenewRevocation document previews no entries and keeps everything', () => {
  const { preview } = runPreview([api, ca], 'apiVersion: v1\nkind: ConfigMap\n');
  assert.deepEqual(preview.entries, []);
  assert.deepEqual(classes(preview), { revoked: [], notRevocable: [], kept: ['api', 'ca'] });
});
