// `--certs` reads its paths the same way in lint and preview (one shared parser): every path up
// to the next option or `--`, repeatable, `--certs=PATH` for one path. A manifest it took is
// named in the error with the ways to write the command, never linted or previewed silently.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLUSTER_PKI } from '../unit/helpers/clusterPki';
import { runCli, tempFolder } from './cliHarness';
import { asKubectlJson, REVOKE_APISERVER, REVOKE_BOTH, SECRETS_YAML } from './pipesFixtures';

const NOW = ['--now', '2026-01-15T00:00:00Z'];
const pem = (path: string) => readFileSync(join(CLUSTER_PKI, path));

const folder = tempFolder({
  'm.json': asKubectlJson(REVOKE_APISERVER),
  'both.json': asKubectlJson(REVOKE_BOTH),
  'secrets.yaml': SECRETS_YAML,
  'kubelet/node-2.pem': pem('kubelet/moc-node-2/kubelet-client-current.pem'),
  'etcd-client.crt': pem('pki/apiserver-etcd-client.crt'),
  'certs-and-manifests/m.yaml': asKubectlJson(REVOKE_BOTH),
  'certs-and-manifests/etcd-client.crt': pem('pki/apiserver-etcd-client.crt'),
});

const HELP_HINT = (command: string) => `Run 'renew-revocation ${command} --help' for usage.\n`;

test('lint and preview read the same --certs forms to the same inventory', () => {
  const forms = [
    ['--certs', 'kubelet', 'secrets.yaml'],
    ['--certs', 'kubelet', '--certs', 'secrets.yaml'],
    ['--certs=kubelet', '--certs=secrets.yaml'],
    ['--certs', 'kubelet', 'secrets.yaml', '--'],
  ];
  for (const form of forms) {
    // The manifest revokes the API server's certificate, which only secrets.yaml holds: no no-match when it is read.
    const lint = runCli(['lint', ...NOW, '--format', 'json', 'm.json', ...form], { cwd: folder });
    assert.equal(lint.status, 0, `${form.join(' ')}: ${lint.stderr}`);
    assert.deepEqual(JSON.parse(lint.stdout), [], form.join(' '));
    const preview = runCli(['preview', '--format', 'json', ...NOW, 'm.json', ...form], { cwd: folder });
    assert.equal(preview.status, 0, `${form.join(' ')}: ${preview.stderr}`);
    assert.equal(JSON.parse(preview.stdout).certificatesScanned, 3, form.join(' '));
  }
  // Without secrets.yaml the manifest matches nothing: lint says so, so the forms above did read it.
  const without = runCli(['lint', ...NOW, '--format', 'json', 'm.json', '--certs', 'kubelet'], { cwd: folder });
  assert.deepEqual(
    JSON.parse(without.stdout).map((record: { code: string }) => record.code),
    ['no-match'],
  );
});

test('--certs=PATH takes one path, -- ends the list: the manifest may follow either', () => {
  const lint = runCli(['lint', ...NOW, '--certs=secrets.yaml', 'm.json'], { cwd: folder });
  assert.equal(lint.status, 0, lint.stderr);
  assert.equal(lint.stdout, '0 problems (0 errors, 0 warnings, 0 infos)\n');
  const ended = runCli(['lint', ...NOW, '--certs', 'kubelet', 'secrets.yaml', '--', 'm.json'], { cwd: folder });
  assert.equal(ended.status, 0, ended.stderr);
  const preview = runCli(['preview', '--certs=secrets.yaml', 'm.json', '--format', 'json', ...NOW], { cwd: folder });
  assert.equal(preview.status, 0, preview.stderr);
  assert.equal(JSON.parse(preview.stdout).revoked.length, 1);
});

test('preview --certs k m.yaml: the error says --certs took m.yaml and how to write it', () => {
  const run = runCli(['preview', '--certs', 'secrets.yaml', 'm.json'], { cwd: folder });
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.equal(
    run.stderr,
    "renew-revocation: error: preview needs the manifest, and --certs took 'secrets.yaml', 'm.json' (it takes every path up to the next option): " +
      'put the manifest before --certs (preview MANIFEST --certs PATH...), or end the --certs list with -- (preview --certs PATH... -- MANIFEST)\n' +
      HELP_HINT('preview'),
  );
});

test('lint --certs a.crt b.yaml m.yaml: the error names every path --certs took', () => {
  const run = runCli(['lint', '--certs', 'etcd-client.crt', 'secrets.yaml', 'm.json'], { cwd: folder });
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.equal(
    run.stderr,
    "renew-revocation: error: lint needs the files or folders to check, and --certs took 'etcd-client.crt', 'secrets.yaml', 'm.json' (it takes every path up to the next option): " +
      'put the files or folders to check before --certs (lint PATH... --certs PATH...), or end the --certs list with -- (lint --certs PATH... -- PATH...)\n' +
      HELP_HINT('lint'),
  );
});

test('a manifest among the --certs paths is refused by name; one inside a --certs folder is not', () => {
  const message =
    "renew-revocation: error: --certs took 'both.json', which holds a RenewRevocation manifest, not certificates; " +
    'put manifests before --certs, or end the --certs list with --, or use --certs=PATH for a single certificate path\n';
  const lint = runCli(['lint', ...NOW, 'm.json', '--certs', 'secrets.yaml', 'both.json'], { cwd: folder });
  assert.equal(lint.status, 2);
  assert.equal(lint.stdout, '');
  assert.equal(lint.stderr, message + HELP_HINT('lint'));
  const preview = runCli(['preview', 'm.json', '--certs', 'secrets.yaml', 'both.json', '--format', 'json'], {
    cwd: folder,
  });
  assert.equal(preview.status, 2);
  assert.equal(preview.stdout, '');
  assert.equal(preview.stderr, message + HELP_HINT('preview'));
  const piped = runCli(['preview', 'm.json', '--certs', '-'], { cwd: folder, input: asKubectlJson(REVOKE_BOTH) });
  assert.equal(piped.status, 2);
  assert.match(
    piped.stderr,
    /^renew-revocation: error: --certs took '<stdin>', which holds a RenewRevocation manifest/,
  );

  const walked = runCli(['preview', 'both.json', '--certs', 'certs-and-manifests', '--format', 'json', ...NOW], {
    cwd: folder,
  });
  assert.equal(walked.status, 0, walked.stderr);
  assert.equal(JSON.parse(walked.stdout).certificatesScanned, 1);
});
