// `renew-revocation preview` on the cluster PKI fixture: for each sample manifest, the exact
// revoked / not revocable / kept sets (by serial) in all four formats, each entry's matches, the
// JSON shape of the README, "Command line", and the notes every format carries.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_SERIALS, CLUSTER_NOW, CLUSTER_PKI, SERIALS as S } from '../unit/helpers/clusterPki';
import { runCli, tempFolder } from './cliHarness';
import {
  csvClasses,
  csvObjects,
  jsonClasses,
  markdownClasses,
  markdownTable,
  textClasses,
  type Classes,
} from './previewParse';

interface Expected {
  revoked: string[];
  notRevocable: string[];
  /** Serials each entry matches, entries in file order. */
  entries: string[][];
  /** Entries (0-based, file order) without notBefore that refuse future certificates. */
  refusesFuture: number[];
}

const MANIFESTS: Record<string, Expected> = {
  'rotate-old-kubelet-clients.yaml': {
    revoked: [S.node1Client2021, S.node2Client],
    notRevocable: [S.node1Serving],
    entries: [[S.node1Client2021, S.node1Serving, S.node2Client]],
    refusesFuture: [],
  },
  'revoke-leaked-admin.yaml': {
    revoked: [S.admin, S.node1Client2021],
    notRevocable: [],
    entries: [[S.admin], [S.node1Client2021]],
    refusesFuture: [],
  },
  'revoke-apiserver-names.yaml': {
    revoked: [S.apiserver2020, S.apiserver, S.etcdServer],
    notRevocable: [],
    entries: [[S.apiserver2020], [S.apiserver2020, S.apiserver], [S.apiserver2020, S.apiserver], [S.etcdServer]],
    refusesFuture: [2],
  },
  'revoke-cluster-ca.yaml': {
    revoked: [S.clusterCa],
    notRevocable: [],
    entries: [[S.clusterCa], []],
    refusesFuture: [],
  },
  'revoke-all-node-certificates.yaml': {
    revoked: [S.node1Client2021, S.node1Client2023, S.node2Client, S.node3Client],
    notRevocable: [S.node1Serving],
    entries: [[S.node1Client2021, S.node1Client2023, S.node2Client, S.node3Client, S.node1Serving]],
    refusesFuture: [0],
  },
  'no-match.yaml': { revoked: [], notRevocable: [], entries: [[], []], refusesFuture: [] },
  'two-manifests.yaml': {
    revoked: [S.admin, S.apiserverEtcdClient, S.apiserverKubeletClient],
    notRevocable: [],
    entries: [[S.admin], [S.apiserverEtcdClient], [S.apiserverKubeletClient]],
    refusesFuture: [],
  },
};

const REACH_NOTE =
  'This preview covers the 15 certificates of the inventory only: matching certificates outside it (most of a live cluster’s) are revoked as well.';

function expectedClasses(expected: Expected): Classes {
  const matched = new Set([...expected.revoked, ...expected.notRevocable]);
  return {
    revoked: [...expected.revoked].sort(),
    notRevocable: [...expected.notRevocable].sort(),
    kept: ALL_SERIALS.filter((serial) => !matched.has(serial)).sort(),
  };
}

function preview(manifest: string, format: string, extra: string[] = []) {
  const run = runCli(
    ['preview', `manifests/${manifest}`, '--certs', '.', '--now', CLUSTER_NOW, '--format', format, ...extra],
    { cwd: CLUSTER_PKI },
  );
  assert.equal(run.status, 0, `${manifest} ${format}: ${run.stderr}`);
  return run;
}

interface PreviewJson {
  certificatesScanned: number;
  entries: { document: number; index: number; matches: string[]; warnings: { code: string; message: string }[] }[];
  revoked: { serialNumber: string; sha256Fingerprint: string }[];
  notRevocable: { serialNumber: string; sha256Fingerprint: string }[];
  kept: { serialNumber: string; sha256Fingerprint: string }[];
  notes: string[];
}

for (const [manifest, expected] of Object.entries(MANIFESTS)) {
  const classes = expectedClasses(expected);
  const futureNotes = expected.refusesFuture.map((position) => `#${position + 1} `);

  test(`${manifest}: JSON sets, each entry's matches and warnings`, () => {
    const json = JSON.parse(preview(manifest, 'json').stdout) as PreviewJson;
    assert.equal(json.certificatesScanned, 15);
    assert.deepEqual(jsonClasses(json), classes);
    const serialOf = new Map(
      [...json.revoked, ...json.notRevocable, ...json.kept].map((c) => [c.sha256Fingerprint, c.serialNumber]),
    );
    assert.deepEqual(
      json.entries.map((entry) => entry.matches.map((fingerprint) => serialOf.get(fingerprint)).sort()),
      expected.entries.map((serials) => [...serials].sort()),
    );
    assert.deepEqual(
      json.entries.flatMap((entry, position) =>
        entry.warnings.some(
          (warning) =>
            warning.code === 'missing-not-before' &&
            warning.message === 'no notBefore: future matching certificates will be refused too',
        )
          ? [position]
          : [],
      ),
      expected.refusesFuture,
    );
    assert.deepEqual(json.notes, [REACH_NOTE]);
  });

  test(`${manifest}: Markdown tables read back to the same sets, with the notes`, () => {
    const { stdout } = preview(manifest, 'markdown');
    assert.deepEqual(markdownClasses(stdout), classes);
    assert.ok(stdout.includes(`> **Note:** ${REACH_NOTE}`), stdout);
    for (const note of futureNotes)
      assert.match(
        stdout,
        new RegExp(
          `> \\*\\*Note:\\*\\* ${note}.* has no notBefore: future matching certificates will be refused too\\.`,
        ),
      );
    const summary = markdownTable(stdout, '# Revocation preview')!;
    assert.deepEqual(summary.rows, [
      ['Scanned', '15'],
      ['Revoked', String(classes.revoked.length)],
      ['Not revocable', String(classes.notRevocable.length)],
      ['Kept', String(classes.kept.length)],
    ]);
  });

  test(`${manifest}: CSV rows read back to the same sets, notes first`, () => {
    const { stdout } = preview(manifest, 'csv');
    assert.deepEqual(csvClasses(stdout), classes);
    const notes = csvObjects(stdout)
      .filter((row) => row.status === 'note')
      .map((row) => row.note);
    assert.equal(notes[0], REACH_NOTE);
    assert.deepEqual(
      notes.slice(1).map((note) => note.slice(0, note.indexOf(' ') + 1)),
      futureNotes,
    );
    for (const note of notes.slice(1))
      assert.match(note, / has no notBefore: future matching certificates will be refused too\.$/);
  });

  test(`${manifest}: text has the summary, the notes and the same sets`, () => {
    const { stdout } = preview(manifest, 'text');
    assert.ok(stdout.startsWith(`Revocation preview of manifests/${manifest}\n\n`), stdout);
    assert.match(stdout, new RegExp(`^  Scanned +15 +distinct certificates in the inventory$`, 'm'));
    assert.match(stdout, new RegExp(`^  Revoked +${classes.revoked.length}\\b`, 'm'));
    assert.match(stdout, new RegExp(`^  Not revocable +${classes.notRevocable.length}\\b`, 'm'));
    assert.match(stdout, new RegExp(`^  Kept +${classes.kept.length}$`, 'm'));
    assert.ok(stdout.includes(`Note: ${REACH_NOTE}\n`), stdout);
    for (const note of futureNotes)
      assert.match(
        stdout,
        new RegExp(`^Note: ${note}.* has no notBefore: future matching certificates will be refused too\\.$`, 'm'),
      );
    assert.deepEqual(textClasses(stdout), classes);
    assert.doesNotMatch(stdout, /\u001b\[/, 'no colour on a pipe');
  });
}

/** SHA-256 fingerprint as docs/MATCHING.md, "Canonical forms" spells it, read by Node's own X.509 parser. */
function fingerprint(path: string): string {
  return new X509Certificate(readFileSync(join(CLUSTER_PKI, path))).fingerprint256.replace(/:/g, '').toLowerCase();
}

test('the JSON of the README, "Command line", exactly, for the kubelet folder', () => {
  const run = runCli(
    ['preview', 'manifests/rotate-old-kubelet-clients.yaml', '--certs', 'kubelet', '--format', 'json'],
    { cwd: CLUSTER_PKI },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  const node1 = 'kubelet/moc-node-1';
  const a01 = fingerprint(`${node1}/kubelet-client-2021-03-01-08-00-00.pem`);
  const a02 = fingerprint(`${node1}/kubelet-client-current.pem`);
  const serving = fingerprint(`${node1}/kubelet-server-current.pem`);
  const b01 = fingerprint('kubelet/moc-node-2/kubelet-client-current.pem');
  const c01 = fingerprint('kubelet/moc-node-3/kubelet-client-current.pem');
  const node = (
    name: string,
    serialNumber: string,
    notBefore: string,
    notAfter: string,
    sha256Fingerprint: string,
    paths: string[],
    hit: boolean,
  ) => ({
    serialNumber,
    subject: `CN=system:node:${name},O=system:nodes`,
    issuer: 'CN=kubernetes',
    commonName: `system:node:${name}`,
    organizations: ['system:nodes'],
    notBefore,
    notAfter,
    dnsNames: serialNumber === S.node1Serving ? ['moc-node-1'] : [],
    ipAddresses: serialNumber === S.node1Serving ? ['192.168.0.21'] : [],
    sha256Fingerprint,
    isCA: false,
    sources: paths,
    locations: paths.map((path) => ({ path, index: 0, offset: 0, line: 0 })),
    entries: hit ? [{ document: 0, index: 0 }] : [],
  });
  assert.deepEqual(JSON.parse(run.stdout), {
    certificatesScanned: 5,
    entries: [
      {
        document: 0,
        index: 0,
        item: null,
        name: 'rotate-old-kubelet-clients',
        namespace: 'kube-system',
        kind: 'Group',
        value: 'system:nodes',
        notBefore: '2023-01-01T00:00:00Z',
        matches: [a01, serving, b01],
        warnings: [
          {
            code: 'kubelet-server-cert',
            message: 'matches 1 kubelet serving certificate, which AKS hybrid cannot revoke (listed as not revocable)',
          },
        ],
      },
    ],
    revoked: [
      node(
        'moc-node-1',
        S.node1Client2021,
        '2021-03-01T08:00:00Z',
        '2022-03-01T08:00:00Z',
        a01,
        [`${node1}/kubelet-client-2021-03-01-08-00-00.pem`],
        true,
      ),
      node(
        'moc-node-2',
        S.node2Client,
        '2022-07-15T12:00:00Z',
        '2027-07-15T12:00:00Z',
        b01,
        ['kubelet/moc-node-2/kubelet-client-current.pem'],
        true,
      ),
    ],
    notRevocable: [
      node(
        'moc-node-1',
        S.node1Serving,
        '2022-01-10T00:00:00Z',
        '2027-01-10T00:00:00Z',
        serving,
        [`${node1}/kubelet-server-current.pem`],
        true,
      ),
    ],
    kept: [
      node(
        'moc-node-1',
        S.node1Client2023,
        '2023-05-01T08:00:00Z',
        '2026-05-01T08:00:00Z',
        a02,
        [`${node1}/kubelet-client-2023-05-01-08-00-00.pem`, `${node1}/kubelet-client-current.pem`],
        false,
      ),
      node(
        'moc-node-3',
        S.node3Client,
        '2024-11-20T09:30:00Z',
        '2029-11-20T09:30:00Z',
        c01,
        ['kubelet/moc-node-3/kubelet-client-current.pem'],
        false,
      ),
    ],
    notes: [
      'This preview covers the 5 certificates of the inventory only: matching certificates outside it (most of a live cluster’s) are revoked as well.',
    ],
    problems: [],
  });
});

test('a certificate found in the kubeconfig, the Secret, the List and PEM files is one record with every source', () => {
  const run = runCli(
    ['preview', 'manifests/revoke-cluster-ca.yaml', '--certs', 'pki', 'kubeconfig', 'secrets', '--format', 'json'],
    { cwd: CLUSTER_PKI },
  );
  assert.equal(run.status, 0, run.stderr);
  const json = JSON.parse(run.stdout) as {
    revoked: { serialNumber: string; sources: string[]; locations: { path: string; index: number; line?: number }[] }[];
  };
  assert.deepEqual(
    json.revoked.map((certificate) => certificate.serialNumber),
    [S.clusterCa],
  );
  const [ca] = json.revoked;
  assert.deepEqual(ca.sources, [
    'kubeconfig/admin.conf',
    'kubeconfig/moc-node-2-kubelet.conf',
    'pki/ca-bundle.pem',
    'pki/ca.crt',
    'secrets/all-secrets.yaml',
    'secrets/apiserver-tls.yaml',
  ]);
  assert.deepEqual(
    ca.locations.map((location) => `${location.path}#${location.index}:${location.line}`),
    [
      'kubeconfig/admin.conf#0:4',
      'kubeconfig/moc-node-2-kubelet.conf#0:4',
      'pki/ca-bundle.pem#0:0',
      'pki/ca.crt#0:0',
      'secrets/all-secrets.yaml#0:4',
      'secrets/all-secrets.yaml#6:29',
      'secrets/all-secrets.yaml#8:41',
      'secrets/apiserver-tls.yaml#0:7',
    ],
  );
});

test('text: entries list their matches, certificates their entries, expiry against --now, sources with lines', () => {
  const { stdout } = preview('revoke-apiserver-names.yaml', 'text');
  const entries = stdout.slice(stdout.indexOf('Entries (4)'), stdout.indexOf('Revoked: 3'));
  assert.match(entries, /^ {2}#1 {2}line 9 {2}DNS kubernetes\.default\.svc\. {2}notBefore 2022-01-01T00:00:00Z$/m);
  assert.match(
    entries,
    /^ {6}matches 1 certificate:\n {8}revoked +1a2b3c4d5e6f7000 +CN=kube-apiserver +issued 2020-02-01T00:00:00Z$/m,
  );
  assert.match(entries, /^ {2}#3 {2}line 17 {2}DNS \.cluster\.local {2}no notBefore$/m);
  assert.match(entries, /^ {6}! no notBefore: future matching certificates will be refused too$/m);
  const revoked = stdout.slice(stdout.indexOf('Revoked: 3'), stdout.indexOf('Not revocable (kubelet'));
  assert.match(
    revoked,
    /^ {2}1a2b3c4d5e6f7000 +CN=kube-apiserver +CN=kubernetes +2020-02-01T00:00:00Z +2021-02-01T00:00:00Z expired +#1 #2 #3 +pki\/old\/apiserver-2020\.crt:1$/m,
  );
  assert.match(
    revoked,
    /^ {2}1a2b3c4d5e6f7081 .* 2028-02-01T00:00:00Z +#2 #3 +pki\/apiserver\.crt:1, secrets\/all-secrets\.yaml:6, secrets\/apiserver-tls\.yaml:9$/m,
  );
});

test('text is coloured when colour is forced, and only then', () => {
  const run = runCli(['preview', 'manifests/revoke-cluster-ca.yaml', '--certs', 'pki'], {
    cwd: CLUSTER_PKI,
    env: { FORCE_COLOR: '1' },
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /\u001b\[31m/);
  const plain = runCli(['preview', 'manifests/revoke-cluster-ca.yaml', '--certs', 'pki'], {
    cwd: CLUSTER_PKI,
    env: { FORCE_COLOR: '1', NO_COLOR: '1' },
  });
  assert.doesNotMatch(plain.stdout, /\u001b\[/);
  assert.equal(run.stdout.replace(/\u001b\[\d+m/g, ''), plain.stdout);
});

test('a 100 KiB value is shown cut short in the text and Markdown reports, and whole in the JSON', () => {
  const value = `${'a'.repeat(100_000)}.example`;
  const cwd = tempFolder({
    'long.yaml': `apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: long\nspec:\n  revocations:\n    - kind: DNS\n      dns: "${value}"\n      notBefore: "2020-01-01T00:00:00Z"\n`,
  });
  const certs = ['--certs', CLUSTER_PKI, '--now', CLUSTER_NOW];
  for (const format of ['text', 'markdown']) {
    const run = runCli(['preview', 'long.yaml', ...certs, '--format', format], { cwd });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.length < 20_000, `${format}: ${run.stdout.length} characters`);
    assert.match(run.stdout, /DNS `?a{77}…/);
  }
  const json = runCli(['preview', 'long.yaml', ...certs, '--format', 'json'], { cwd });
  assert.equal(JSON.parse(json.stdout).entries[0].value, value);
});
