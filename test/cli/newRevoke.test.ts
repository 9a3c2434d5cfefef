// `renew-revocation new --revoke PATH...` and `--into MANIFEST`: the manifest printed revokes
// exactly the certificates found (checked by `preview` against the same paths), entries an
// existing manifest already has are not added twice, the manifest's own text stays as written,
// a List item can be the target, and bad input fails with a message and exit 2.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLUSTER_PKI, SERIALS as S } from '../unit/helpers/clusterPki';
import { runCli, STACK_FRAME, tempFolder } from './cliHarness';

const NOT_BEFORE = '2025-06-01T00:00:00Z';
const NODE2 = 'kubelet/moc-node-2/kubelet-client-current.pem';
const NODE3 = 'kubelet/moc-node-3/kubelet-client-current.pem';
const ADMIN_KUBECONFIG = 'kubeconfig/admin.conf';
const NODE1_2021 = 'kubelet/moc-node-1/kubelet-client-2021-03-01-08-00-00.pem';

function newManifest(args: string[], cwd = CLUSTER_PKI) {
  return runCli(['new', ...args], { cwd });
}

interface PreviewJson {
  revoked: { serialNumber: string }[];
  notRevocable: { serialNumber: string }[];
}

function previewSerials(cwd: string, manifest: string, certs: string[]): { revoked: string[]; notRevocable: string[] } {
  const run = runCli(['preview', manifest, '--format', 'json', '--certs', ...certs], { cwd });
  assert.equal(run.status, 0, run.stderr);
  const json = JSON.parse(run.stdout) as PreviewJson;
  return {
    revoked: json.revoked.map((certificate) => certificate.serialNumber).sort(),
    notRevocable: json.notRevocable.map((certificate) => certificate.serialNumber).sort(),
  };
}

test('new --revoke prints a manifest that preview finds revoking exactly those certificates', () => {
  const certs = [NODE2, NODE3, ADMIN_KUBECONFIG];
  const run = newManifest(['--revoke', ...certs, '--not-before', NOT_BEFORE, '--name', 'leak', '--namespace', 'ops']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^ {2}name: leak\n {2}namespace: ops\n/m);
  assert.equal(
    run.stdout.split('\n').filter((line) => line.startsWith('    serialNumber: ')).length,
    3,
    'one entry per revocable certificate',
  );
  // The admin kubeconfig's CA data is named and left out; the client certificates are revoked.
  assert.match(run.stderr, /note: not revoked: CN=kubernetes \(serial 1\) is a CA certificate/);
  assert.match(run.stderr, /note: \+3 revoked by serial number: /);
  assert.ok(
    run.stdout.includes(
      `  - description: Revoke CN=system:node:moc-node-2 (issuer CN=kubernetes), found in ${NODE2}\n` +
        '    kind: serialnumber\n' +
        `    notBefore: "${NOT_BEFORE}"\n` +
        `    serialNumber: ${S.node2Client}\n`,
    ),
    run.stdout,
  );
  const folder = tempFolder({ 'revoke.yaml': run.stdout });
  const lint = runCli(['lint', join(folder, 'revoke.yaml'), '--now', NOT_BEFORE], { cwd: folder });
  assert.equal(lint.status, 0, lint.stdout + lint.stderr);
  assert.deepEqual(
    previewSerials(
      CLUSTER_PKI,
      join(folder, 'revoke.yaml'),
      certs.map((path) => join(CLUSTER_PKI, path)),
    ),
    { revoked: [S.admin, S.node2Client, S.node3Client].sort(), notRevocable: [] },
  );
});

test('new --revoke takes a folder, and notBefore defaults to now (whole seconds, UTC)', () => {
  const before = Date.now();
  const run = newManifest(['--revoke', 'kubelet/moc-node-3']);
  assert.equal(run.status, 0, run.stderr);
  const notBefore = /notBefore: "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"/.exec(run.stdout)?.[1];
  assert.ok(notBefore, run.stdout);
  assert.ok(Math.abs(Date.parse(notBefore) - before) < 60_000, notBefore);
  assert.match(run.stdout, new RegExp(`serialNumber: ${S.node3Client}\\n$`));
});

const COMMENTED = `# Leaked on 2025-05-30: see the incident notes.
apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: incident-42   # keep the ticket number
  namespace: kube-system
spec:
  description: 'Incident 42'
  revocations:
  # The old node-1 client certificate.
  - serialNumber: "0A:01"
    kind: serialnumber
    notBefore: "2025-01-01T00:00:00Z"

  # Node 3's client certificate, before the rotation.
  - {kind: serialnumber, serialNumber: c01, notBefore: "2025-01-01T00:00:00Z"}
# end of the list
`;

test('--into adds only what no entry revokes, and keeps the manifest as written', () => {
  const folder = tempFolder({ 'incident.yaml': COMMENTED });
  const run = newManifest([
    '--revoke',
    NODE1_2021,
    NODE2,
    '--into',
    join(folder, 'incident.yaml'),
    '--not-before',
    NOT_BEFORE,
  ]);
  assert.equal(run.status, 0, run.stderr);
  const added =
    `  - description: Revoke CN=system:node:moc-node-2 (issuer CN=kubernetes), found in ${NODE2}\n` +
    '    kind: serialnumber\n' +
    `    notBefore: "${NOT_BEFORE}"\n` +
    `    serialNumber: ${S.node2Client}\n`;
  const at = COMMENTED.indexOf('# end of the list');
  assert.equal(run.stdout, COMMENTED.slice(0, at) + added + COMMENTED.slice(at));
  assert.match(
    run.stderr,
    /note: serial a01 \(CN=system:node:moc-node-1,O=system:nodes\) is already revoked by entry #1 \(line 11\) of kube-system\/incident-42: not added again/,
  );
  assert.equal(
    readFileSync(join(folder, 'incident.yaml'), 'utf8'),
    COMMENTED,
    'the file is not written without --write',
  );
});

test('--into a manifest that already revokes everything prints it unchanged; --write leaves it alone', () => {
  const folder = tempFolder({ 'incident.yaml': COMMENTED });
  const printed = newManifest(['--revoke', NODE1_2021, NODE3, '--into', join(folder, 'incident.yaml')]);
  assert.equal(printed.status, 0, printed.stderr);
  assert.equal(printed.stdout, COMMENTED);
  assert.match(printed.stderr, /serial c01 .* is already revoked by entry #2 \(line 16\) of kube-system\/incident-42/);
  const written = newManifest(['--revoke', NODE3, '--into', join(folder, 'incident.yaml'), '--write']);
  assert.equal(written.status, 0, written.stderr);
  assert.equal(written.stdout, '');
  assert.match(written.stderr, /is unchanged/);
});

test('--into --write writes the entries into the manifest', () => {
  const folder = tempFolder({ 'incident.yaml': COMMENTED });
  const run = newManifest([
    '--revoke',
    NODE2,
    '--into',
    join(folder, 'incident.yaml'),
    '--write',
    '--not-before',
    NOT_BEFORE,
  ]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /wrote 1 new entry into '.*incident\.yaml'/);
  const text = readFileSync(join(folder, 'incident.yaml'), 'utf8');
  assert.ok(text.startsWith(COMMENTED.slice(0, COMMENTED.indexOf('# end of the list'))));
  assert.deepEqual(previewSerials(CLUSTER_PKI, join(folder, 'incident.yaml'), [NODE1_2021, NODE2, NODE3]), {
    revoked: [S.node1Client2021, S.node2Client, S.node3Client].sort(),
    notRevocable: [],
  });
});

const LIST = `apiVersion: v1
kind: List
items:
- apiVersion: certificates.microsoft.com/v1
  kind: RenewRevocation
  metadata: {name: first, namespace: kube-system}
  spec:
    revocations:
      - kind: serialnumber   # indented list
        serialNumber: ffff
        notBefore: "2020-01-01T00:00:00Z"
- apiVersion: certificates.microsoft.com/v1
  kind: RenewRevocation
  metadata: {name: second, namespace: kube-system}
  spec:
    revocations: []
`;

test('--into a List: --item picks the item, and without it the error lists them', () => {
  const folder = tempFolder({ 'list.yaml': LIST });
  const list = join(folder, 'list.yaml');
  const missing = newManifest(['--revoke', NODE2, '--into', list]);
  assert.equal(missing.status, 2);
  assert.equal(missing.stdout, '');
  assert.match(
    missing.stderr,
    /error: '.*list\.yaml' holds 2 manifests: choose one with --item N \(1: kube-system\/first \(List item 1, line 4\); 2: kube-system\/second \(List item 2, line 12\)\)/,
  );
  const first = newManifest(['--revoke', NODE2, '--into', list, '--item', '1', '--not-before', NOT_BEFORE]);
  assert.equal(first.status, 0, first.stderr);
  const entry = (indent: string) =>
    `${indent}- description: Revoke CN=system:node:moc-node-2 (issuer CN=kubernetes), found in ${NODE2}\n` +
    `${indent}  kind: serialnumber\n${indent}  notBefore: "${NOT_BEFORE}"\n${indent}  serialNumber: b01\n`;
  const afterFirst = LIST.indexOf('- apiVersion', LIST.indexOf('- apiVersion') + 1);
  assert.equal(first.stdout, LIST.slice(0, afterFirst) + entry('      ') + LIST.slice(afterFirst));
  const second = newManifest(['--revoke', NODE2, '--into', list, '--item', '2', '--not-before', NOT_BEFORE]);
  assert.equal(second.status, 0, second.stderr);
  assert.equal(second.stdout, LIST.replace('    revocations: []\n', `    revocations:\n${entry('    ')}`));
  const bad = newManifest(['--revoke', NODE2, '--into', list, '--item', '3']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--item expects a number from 1 to 2 .*found '3'/);
});

test('bad paths and unreadable certificates: a clear error, exit 2, nothing printed', () => {
  const folder = tempFolder({
    'broken.pem': '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n',
    'notes.txt': 'no certificate here\n',
    'empty/.keep': '',
  });
  const cases: Array<{ args: string[]; stderr: RegExp }> = [
    { args: ['--revoke', 'nope.pem'], stderr: /error: cannot read 'nope\.pem': no such file or folder/ },
    { args: ['--revoke', 'broken.pem'], stderr: /error: --revoke found no certificate to revoke: no manifest printed/ },
    { args: ['--revoke', 'notes.txt'], stderr: /error: --revoke found no certificate to revoke/ },
    { args: [], stderr: /error: new needs --revoke PATH\.\.\.: the certificate files or folders to revoke/ },
    { args: ['broken.pem'], stderr: /error: new takes its paths with --revoke; found 'broken\.pem'/ },
    { args: ['--revoke', 'notes.txt', '--not-before', 'tomorrow'], stderr: /--not-before expects an ISO date-time/ },
    { args: ['--revoke', 'notes.txt', '--write'], stderr: /--write needs --into MANIFEST/ },
    {
      args: ['--revoke', 'notes.txt', '--into', 'notes.txt'],
      stderr: /error: --revoke found no certificate to revoke/,
    },
  ];
  for (const { args, stderr } of cases) {
    const run = newManifest(args, folder);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.equal(run.stdout, '', args.join(' '));
    assert.match(run.stderr, stderr, args.join(' '));
    assert.doesNotMatch(run.stderr, STACK_FRAME);
  }
});

test('--into a file without a manifest, or one that cannot be read: exit 2', () => {
  const folder = tempFolder({ 'notes.yaml': 'kind: ConfigMap\n' });
  const none = newManifest(['--revoke', join(CLUSTER_PKI, NODE2), '--into', 'notes.yaml'], folder);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /error: 'notes\.yaml' holds no RenewRevocation manifest/);
  const gone = newManifest(['--revoke', join(CLUSTER_PKI, NODE2), '--into', 'gone.yaml'], folder);
  assert.equal(gone.status, 2);
  assert.match(gone.stderr, /error: cannot read 'gone\.yaml': no such file or folder/);
});

test('nothing revocable: a kubelet serving certificate alone, or one issued after --not-before, exits 2', () => {
  const serving = newManifest(['--revoke', 'kubelet/moc-node-1/kubelet-server-current.pem']);
  assert.equal(serving.status, 2);
  assert.equal(serving.stdout, '');
  assert.match(
    serving.stderr,
    /error: not revoked: CN=system:node:moc-node-1 \(serial 5e01\) is a kubelet serving certificate/,
  );
  assert.match(serving.stderr, /error: no certificate to revoke: no manifest printed \(it would revoke nothing\)/);
  const early = newManifest(['--revoke', NODE2, '--not-before', '2020-01-01T00:00:00Z']);
  assert.equal(early.status, 2);
  assert.match(
    early.stderr,
    /not revoked: CN=system:node:moc-node-2 \(serial b01\) was issued at .*, not before the entry's notBefore/,
  );
});

test('some certificates not revocable: the others are printed, exit 1', () => {
  const run = newManifest(['--revoke', 'kubelet/moc-node-1', '--not-before', NOT_BEFORE]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /error: not revoked: .*serial 5e01\) is a kubelet serving certificate/);
  assert.deepEqual([...run.stdout.matchAll(/serialNumber: (\S+)/g)].map((match) => match[1]).sort(), [
    S.node1Client2021,
    S.node1Client2023,
  ]);
});
