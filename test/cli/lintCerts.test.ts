// `renew-revocation lint --certs PATH`: the inventory codes (no-match, matches-ca,
// kubelet-server-cert) join the other diagnostics, on each entry's value, only when the inventory
// holds at least one certificate; nothing else changes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLUSTER_NOW, CLUSTER_PKI, clusterKeyMaterial, MANIFESTS } from '../unit/helpers/clusterPki';
import type { LintRecord } from '../../server/src/cli/lint/formatJson';
import { runCli, tempFolder } from './cliHarness';

function lint(args: string[], cwd = CLUSTER_PKI): { status: number | null; records: LintRecord[]; stderr: string } {
  const result = runCli(['lint', '--format', 'json', '--now', CLUSTER_NOW, ...args], { cwd });
  return {
    status: result.status,
    records: result.stdout ? (JSON.parse(result.stdout) as LintRecord[]) : [],
    stderr: result.stderr,
  };
}

const key = (record: LintRecord) => JSON.stringify(record);

/** The range of the `nth` occurrence of `value` on a line that starts with `field:` in a manifest. */
function valueRange(file: string, field: string, value: string, nth = 0) {
  const lines = readFileSync(join(MANIFESTS, file), 'utf8').split('\n');
  const found = lines.flatMap((text, line) =>
    text.trimStart().startsWith(`${field}: `) && text.endsWith(value) ? [line] : [],
  );
  const line = found[nth];
  const character = lines[line].length - value.length;
  return { start: { line, character }, end: { line, character: character + value.length } };
}

const NO_MATCH =
  'No certificate of the inventory (15 certificates) matches this entry: check the value. Certificates outside the inventory may still match.';
const SERVING =
  'This entry matches 1 kubelet serving certificate: `CN=system:node:moc-node-1,O=system:nodes`. ' +
  'AKS hybrid does not support revoking kubelet serving certificates, so they stay valid: rotate them on their nodes instead.';

test('--certs adds exactly the inventory diagnostics, on the entry values', () => {
  const without = lint(['manifests']);
  const withCerts = lint(['manifests', '--certs', '.']);
  assert.equal(without.status, withCerts.status);
  const before = new Set(without.records.map(key));
  assert.ok(
    without.records.every((record) => !['no-match', 'matches-ca', 'kubelet-server-cert'].includes(record.code)),
  );
  assert.ok(
    without.records.every((record) => withCerts.records.some((other) => key(other) === key(record))),
    'nothing is lost',
  );
  const added = withCerts.records.filter((record) => !before.has(key(record)));
  const file = (name: string) => join('manifests', name);
  assert.deepEqual(added, [
    {
      file: file('no-match.yaml'),
      range: valueRange('no-match.yaml', 'serialNumber', 'deadbeef'),
      severity: 'information',
      code: 'no-match',
      message: NO_MATCH,
      document: 0,
      item: null,
      name: 'no-match',
      namespace: 'kube-system',
    },
    {
      file: file('no-match.yaml'),
      range: valueRange('no-match.yaml', 'group', 'system:bootstrappers'),
      severity: 'information',
      code: 'no-match',
      message: NO_MATCH,
      document: 0,
      item: null,
      name: 'no-match',
      namespace: 'kube-system',
    },
    {
      file: file('revoke-all-node-certificates.yaml'),
      range: valueRange('revoke-all-node-certificates.yaml', 'group', 'system:nodes'),
      severity: 'warning',
      code: 'kubelet-server-cert',
      message: SERVING,
      document: 0,
      item: null,
      name: 'revoke-all-node-certificates',
      namespace: 'kube-system',
    },
    {
      file: file('revoke-cluster-ca.yaml'),
      range: valueRange('revoke-cluster-ca.yaml', 'serialNumber', '"1"'),
      severity: 'warning',
      code: 'matches-ca',
      message:
        'This entry matches 1 CA certificate of the inventory: `CN=kubernetes`. Revoking a CA certificate is rarely intended: check the value, or set notBefore so that it stays out.',
      document: 0,
      item: null,
      name: 'revoke-cluster-ca',
      namespace: 'kube-system',
    },
    {
      file: file('revoke-cluster-ca.yaml'),
      range: valueRange('revoke-cluster-ca.yaml', 'dns', '.example.invalid'),
      severity: 'information',
      code: 'no-match',
      message: NO_MATCH,
      document: 0,
      item: null,
      name: 'revoke-cluster-ca',
      namespace: 'kube-system',
    },
    {
      file: file('rotate-old-kubelet-clients.yaml'),
      range: valueRange('rotate-old-kubelet-clients.yaml', 'group', 'system:nodes'),
      severity: 'warning',
      code: 'kubelet-server-cert',
      message: SERVING,
      document: 0,
      item: null,
      name: 'rotate-old-kubelet-clients',
      namespace: 'kube-system',
    },
  ]);
});

test('a notBefore that keeps every match: no-match says so', () => {
  const folder = tempFolder({
    'revoke.yaml': readFileSync(join(MANIFESTS, 'rotate-old-kubelet-clients.yaml'), 'utf8').replace(
      '2023-01-01T00:00:00Z',
      '2020-01-01T00:00:00Z',
    ),
  });
  const { records } = lint(['revoke.yaml', '--certs', join(CLUSTER_PKI, 'kubelet')], folder);
  assert.deepEqual(
    records.filter((record) => record.code === 'no-match').map((record) => record.message),
    [
      'No certificate of the inventory (5 certificates) is revoked by this entry: its value matches 5 certificates, all issued at or after its notBefore. ' +
        'Certificates outside the inventory may still match.',
    ],
  );
});

test('an inventory without certificates adds nothing (keys only, an empty folder), and says so', () => {
  const keysOnly = tempFolder({
    'pki/sa.pub': readFileSync(join(CLUSTER_PKI, 'pki', 'sa.pub'), 'utf8'),
    'empty/.keep': '',
  });
  const manifests = lint([MANIFESTS]);
  const result = lint([MANIFESTS, '--certs', 'pki'], keysOnly);
  assert.deepEqual(result.records.map(key), manifests.records.map(key));
  assert.equal(result.stderr, 'renew-revocation: note: no certificate was found in the file given with --certs\n');
  assert.equal(lint([MANIFESTS, '--certs', 'empty'], keysOnly).records.length, manifests.records.length);
});

test('--certs may be repeated; a path that cannot be read is an I/O error (exit 2)', () => {
  const repeated = lint(['manifests/revoke-cluster-ca.yaml', '--certs', 'kubelet', '--certs', 'pki']);
  assert.deepEqual(repeated.records.filter((record) => record.code === 'matches-ca').length, 1);
  assert.match(repeated.records.find((record) => record.code === 'no-match')!.message, /\(14 certificates\)/);
  const missing = lint(['manifests/revoke-cluster-ca.yaml', '--certs', 'nowhere']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, "renew-revocation: error: cannot read 'nowhere': no such file or folder\n");
});

test('lint --certs prints no key material', () => {
  const material = clusterKeyMaterial();
  for (const format of ['text', 'json', 'sarif']) {
    const result = runCli(['lint', 'manifests', '--certs', '.', '--format', format], { cwd: CLUSTER_PKI });
    for (const piece of material)
      assert.ok(
        !result.stdout.includes(piece) && !result.stderr.includes(piece),
        `${format}: key material in the output`,
      );
  }
});
