// `renew-revocation preview`: --fail-on (exit 1 exactly when a condition holds), usage and I/O
// errors (exit 2), --certs taking the paths after it, folders walked (node_modules and .git
// skipped, files over 5 MiB reported and skipped), and no private key material in any output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLUSTER_NOW, CLUSTER_PKI, clusterKeyMaterial, MANIFESTS, SERIALS } from '../unit/helpers/clusterPki';
import { runCli, STACK_FRAME, tempFolder } from './cliHarness';

const run = (args: string[]) => runCli(['preview', ...args], { cwd: CLUSTER_PKI });
const manifest = (name: string) => `manifests/${name}.yaml`;

/** Which `--fail-on` conditions hold for each sample manifest against the whole fixture. */
const HOLDS: Record<string, { ca: boolean; 'not-revocable': boolean; any: boolean }> = {
  'rotate-old-kubelet-clients': { ca: false, 'not-revocable': true, any: true },
  'revoke-leaked-admin': { ca: false, 'not-revocable': false, any: true },
  'revoke-cluster-ca': { ca: true, 'not-revocable': false, any: true },
  'revoke-all-node-certificates': { ca: false, 'not-revocable': true, any: true },
  'no-match': { ca: false, 'not-revocable': false, any: false },
};

for (const [name, holds] of Object.entries(HOLDS)) {
  test(`--fail-on with ${name}: exit 1 exactly for the conditions that hold, with the reason on stderr`, () => {
    for (const condition of ['ca', 'not-revocable', 'any'] as const) {
      const result = run([manifest(name), '--certs', '.', '--fail-on', condition, '--format', 'json']);
      assert.equal(result.status, holds[condition] ? 1 : 0, `${condition}: ${result.stderr}`);
      assert.equal(JSON.parse(result.stdout).certificatesScanned, 15, 'the preview is printed either way');
      if (holds[condition])
        assert.match(result.stderr, new RegExp(`^renew-revocation: error: --fail-on ${condition}: `, 'm'));
      else assert.equal(result.stderr, '');
    }
    const all = run([
      manifest(name),
      '--certs',
      '.',
      '--fail-on',
      'ca,not-revocable',
      '--fail-on',
      'any',
      '--format',
      'csv',
    ]);
    assert.equal(all.status, Object.values(holds).some(Boolean) ? 1 : 0, all.stderr);
    assert.equal(run([manifest(name), '--certs', '.']).status, 0, 'without --fail-on the preview never fails');
  });
}

test('--fail-on messages name what was found', () => {
  const ca = run([manifest('revoke-cluster-ca'), '--certs', '.', '--fail-on', 'ca,any', '--format', 'json']);
  assert.equal(
    ca.stderr,
    'renew-revocation: error: --fail-on ca: the manifest revokes 1 CA certificate (CN=kubernetes)\n' +
      'renew-revocation: error: --fail-on any: the manifest revokes 1 certificate of the inventory\n',
  );
  const serving = run([
    manifest('revoke-all-node-certificates'),
    '--certs',
    'kubelet',
    '--fail-on',
    'not-revocable',
    '--format',
    'json',
  ]);
  assert.equal(
    serving.stderr,
    'renew-revocation: error: --fail-on not-revocable: entries match 1 kubelet serving certificate, which AKS hybrid cannot revoke\n',
  );
});

/** The error when --certs took the words meant as the manifest. */
const TOOK = (taken: string) =>
  `preview needs the manifest, and --certs took ${taken} (it takes every path up to the next option): ` +
  'put the manifest before --certs (preview MANIFEST --certs PATH...), or end the --certs list with -- (preview --certs PATH... -- MANIFEST)';

test('usage errors exit 2 with a message and the pointer to the help, never a stack trace', () => {
  const cases: Array<[string[], string]> = [
    [['--certs', '.'], TOOK("'.'")],
    [
      [manifest('no-match')],
      'preview needs --certs PATH...: the certificate files or folders to compare the manifest against',
    ],
    [
      [manifest('no-match'), manifest('revoke-cluster-ca'), '--certs', '.'],
      "preview takes one manifest; found 'manifests/no-match.yaml', 'manifests/revoke-cluster-ca.yaml' (certificate paths go after --certs)",
    ],
    // --certs takes every path up to the next option: the manifest written after them is one of them, and the error says so.
    [['--certs', 'pki', manifest('no-match')], TOOK("'pki', 'manifests/no-match.yaml'")],
    [[], 'preview needs the manifest to preview: preview MANIFEST --certs PATH...'],
    [
      ['-', '--certs', '-'],
      "standard input can be read only once, and '-' is given 2 times (the manifest, --certs); give the other inputs as files",
    ],
    [
      ['-', '--certs', 'pki', '-'],
      "standard input can be read only once, and '-' is given 2 times (the manifest, --certs); give the other inputs as files",
    ],
    [
      [manifest('no-match'), '--certs', '.', '--format', 'yaml'],
      "--format must be one of text, json, markdown, csv; found 'yaml'",
    ],
    [
      [manifest('no-match'), '--certs', '.', '--fail-on', 'ca,everything'],
      "--fail-on takes ca, not-revocable, any (comma-separated); found 'everything'",
    ],
    [
      [manifest('no-match'), '--certs', '.', '--fail-on', ''],
      "--fail-on takes ca, not-revocable, any (comma-separated); found ''",
    ],
    [
      [manifest('no-match'), '--certs', '.', '--now', 'yesterday'],
      "--now expects an ISO date-time such as 2026-01-31T12:00:00Z; found 'yesterday'",
    ],
    [[manifest('no-match'), '--certs'], "option '--certs <value>' argument missing"],
    [[manifest('no-match'), '--certs', '.', '--max-warnings', '3'], "unknown option '--max-warnings'"],
  ];
  for (const [args, message] of cases) {
    const result = run(args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(result.stdout, '', args.join(' '));
    assert.equal(
      result.stderr,
      `renew-revocation: error: ${message}\nRun 'renew-revocation preview --help' for usage.\n`,
      args.join(' '),
    );
  }
});

test('I/O errors exit 2: a manifest or a --certs path that cannot be read, a file without a manifest', () => {
  const missingManifest = run(['manifests/nope.yaml', '--certs', '.']);
  assert.equal(missingManifest.status, 2);
  assert.equal(
    missingManifest.stderr,
    "renew-revocation: error: cannot read 'manifests/nope.yaml': no such file or folder\n",
  );
  assert.equal(missingManifest.stdout, '');

  const missingCerts = run([
    manifest('revoke-cluster-ca'),
    '--certs',
    'pki',
    'no-such-folder',
    '--format',
    'json',
    '--fail-on',
    'any',
  ]);
  assert.equal(missingCerts.status, 2, '2 wins over the --fail-on 1');
  assert.equal(JSON.parse(missingCerts.stdout).certificatesScanned, 9, 'what could be read is still previewed');
  assert.match(missingCerts.stderr, /^renew-revocation: error: cannot read 'no-such-folder': no such file or folder$/m);

  const notAManifest = run(['secrets/apiserver-tls.yaml', '--certs', '.']);
  assert.equal(notAManifest.status, 2);
  assert.equal(
    notAManifest.stderr,
    "renew-revocation: error: 'secrets/apiserver-tls.yaml' holds no RenewRevocation manifest (a YAML document with kind: RenewRevocation)\n",
  );
  assert.doesNotMatch(missingManifest.stderr + missingCerts.stderr + notAManifest.stderr, STACK_FRAME);
});

test('--certs takes every path up to the next option, and may be repeated; --certs=PATH takes one', () => {
  const scanned = (args: string[]) => {
    const result = run(args);
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout).certificatesScanned as number;
  };
  assert.equal(scanned([manifest('no-match'), '--certs', 'kubelet', 'kubeconfig', '--format', 'json']), 7);
  assert.equal(scanned(['--certs', 'kubelet', '--format', 'json', manifest('no-match'), '--certs', 'kubeconfig']), 7);
  assert.equal(scanned(['--format', 'json', '--certs', 'kubelet', 'kubeconfig', '--', manifest('no-match')]), 7);
  assert.equal(scanned(['--format', 'json', '--certs=kubelet', manifest('no-match'), '--certs=kubeconfig']), 7);
});

test('folders are walked: every file, node_modules and .git skipped, a file over 5 MiB reported and skipped', () => {
  const pem = (path: string) => readFileSync(join(CLUSTER_PKI, path), 'utf8');
  const folder = tempFolder({
    'revoke.yaml': readFileSync(join(MANIFESTS, 'revoke-all-node-certificates.yaml'), 'utf8'),
    'certs/nodes/no-extension': pem('kubelet/moc-node-2/kubelet-client-current.pem'),
    'certs/node_modules/kubelet.pem': pem('kubelet/moc-node-3/kubelet-client-current.pem'),
    'certs/.git/kubelet.pem': pem('kubelet/moc-node-3/kubelet-client-current.pem'),
    'certs/big.pem': pem('kubelet/moc-node-1/kubelet-client-current.pem') + 'x'.repeat(6 * 1024 * 1024),
    'certs/broken.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  });
  const result = runCli(['preview', 'revoke.yaml', '--certs', 'certs', '--format', 'json'], { cwd: folder });
  assert.equal(result.status, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.deepEqual(
    json.revoked.map((certificate: { serialNumber: string }) => certificate.serialNumber),
    [SERIALS.node2Client],
  );
  assert.deepEqual(json.revoked[0].sources, [join('certs', 'nodes', 'no-extension')]);
  assert.deepEqual(
    json.problems.map((problem: { path: string; code: string }) => [problem.path, problem.code]),
    [
      [join('certs', 'big.pem'), 'file-too-large'],
      [join('certs', 'broken.crt'), 'pem-invalid'],
    ],
  );
  assert.equal(
    json.notes[1],
    '2 files or blocks could not be read: their certificates are not in this preview (see problems).',
  );
  assert.equal(
    result.stderr,
    `renew-revocation: note: '${join('certs', 'big.pem')}' was not read: 6 MiB is more than the 5 MiB limit: its certificates are not in the inventory\n` +
      `renew-revocation: note: '${join('certs', 'broken.crt')}', PEM CERTIFICATE, lines 1–3: the certificate does not decode: the certificate at byte 0 is cut off in its length (left out of the inventory)\n`,
  );
});

test('no private key material in any format, though keys sit next to every certificate', () => {
  const material = clusterKeyMaterial();
  assert.ok(material.length > 40, `the fixture's keys were found (${material.length} pieces)`);
  const outputs: string[] = [];
  for (const format of ['text', 'json', 'markdown', 'csv']) {
    for (const name of ['revoke-all-node-certificates', 'revoke-apiserver-names']) {
      const result = run([manifest(name), '--certs', '.', '--now', CLUSTER_NOW, '--format', format]);
      assert.equal(result.status, 0, result.stderr);
      outputs.push(result.stdout + result.stderr);
    }
  }
  for (const output of outputs)
    for (const piece of material)
      assert.ok(!output.includes(piece), `key material in the output: ${piece.slice(0, 20)}…`);
});

test('a manifest with errors is still previewed; stderr says so, and the broken entry says why it matches nothing', () => {
  const folder = tempFolder({
    'revoke.yaml': readFileSync(join(MANIFESTS, 'revoke-leaked-admin.yaml'), 'utf8').replace(
      'kind: serialnumber\n    notBefore: "2025-01-01T00:00:00Z"\n    serialNumber: 0a01',
      'kind: serialnumber\n    notBefore: "2025-01-01T00:00:00Z"\n    serialNumber: 0a0g',
    ),
  });
  const result = runCli(['preview', 'revoke.yaml', '--certs', CLUSTER_PKI, '--format', 'json', '--fail-on', 'any'], {
    cwd: folder,
  });
  assert.equal(result.status, 1, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.deepEqual(
    json.revoked.map((certificate: { serialNumber: string }) => certificate.serialNumber),
    [SERIALS.admin],
  );
  assert.deepEqual(json.entries[1].matches, []);
  assert.equal(json.entries[1].warnings[0].code, 'matches-nothing');
  assert.match(json.entries[1].warnings[0].message, /^matches nothing: the serial number `0a0g` is not valid: /);
  assert.match(
    result.stderr,
    /^renew-revocation: note: 'revoke\.yaml' has 1 error \(renew-revocation lint shows them\): an entry with an error may match nothing here, and the cluster may refuse the manifest$/m,
  );
});

test('preview --help and the top-level help describe the command', () => {
  const help = runCli(['preview', '--help'], { cwd: CLUSTER_PKI });
  assert.equal(help.status, 0);
  assert.ok(
    help.stdout.startsWith('Usage: renew-revocation preview [options] MANIFEST --certs PATH...\n'),
    help.stdout,
  );
  assert.match(help.stdout, /--fail-on ca,not-revocable,any/);
  assert.match(help.stdout, /matching certificates elsewhere in the cluster are\nrevoked as well/);
  const top = runCli(['--help'], { cwd: CLUSTER_PKI });
  assert.match(
    top.stdout,
    /^ {2}preview +show what a manifest revokes among certificate files \(text, JSON, Markdown or CSV\)$/m,
  );
});
