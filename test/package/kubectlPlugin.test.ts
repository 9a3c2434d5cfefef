// `kubectl renew-revocation …` through the real kubectl's plugin discovery: bin/kubectl-renew_revocation.js
// linked into a folder under the name kubectl looks for (as `npm install -g` links it into the
// prefix's bin), that folder on a bare PATH. The installed package's plugin is checked in
// installedPackage.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, tempFolder } from '../cli/cliHarness';
import { kubectlMissing, pathWith } from './systemPath';

const skip = kubectlMissing();
const folder = tempFolder({
  'manifests/leaked.yaml': `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: leaked
spec:
  revocations:
  - kind: Group
    group: system:nodes
    notBefore: "2020-04-17T17:22:05Z"
`,
  'manifests/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: strict\n',
});
const plugins = join(folder, 'plugins');
const plugin = join(plugins, 'kubectl-renew_revocation');
mkdirSync(plugins);
symlinkSync(join(ROOT, 'bin', 'kubectl-renew_revocation.js'), plugin);

function kubectl(args: string[]) {
  const result = spawnSync('kubectl', args, {
    cwd: folder,
    env: { ...process.env, PATH: pathWith(plugins), NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('kubectl plugin list finds kubectl-renew_revocation', { skip }, () => {
  const result = kubectl(['plugin', 'list']);
  // The system folders may hold other plugins (and kubectl's warnings about them): only ours is asserted.
  assert.match(result.stdout, /^The following compatible plugins are available:\n\n/);
  assert.ok(result.stdout.split('\n').includes(plugin), result.stdout + result.stderr);
  assert.doesNotMatch(result.stderr, /kubectl-renew_revocation/);
});

test("kubectl renew-revocation lint checks the manifests of a folder and exits with lint's code", { skip }, () => {
  const result = kubectl(['renew-revocation', 'lint', 'manifests']);
  assert.equal(
    result.stdout,
    'manifests/leaked.yaml\n' +
      '  8:12  warning  Revoking group `system:nodes` revokes every kubelet client certificate: no node can authenticate to the API server any more. Revoke the certificates you mean by serial number instead, or make sure this is intended  broad-revocation\n' +
      '\n' +
      '1 problem (0 errors, 1 warning, 0 infos)\n',
  );
  assert.equal(result.status, 0);
  const strict = kubectl(['renew-revocation', 'lint', '--max-warnings', '0', 'manifests']);
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /too many warnings: 1, more than the maximum of 0 \(--max-warnings\)/);
});

test('kubectl renew-revocation --help names the command as kubectl runs it', { skip }, () => {
  const top = kubectl(['renew-revocation', '--help']);
  assert.equal(top.status, 0);
  assert.match(top.stdout, /^Usage: kubectl renew-revocation <command> \[options\] PATH\.\.\.$/m);
  assert.match(top.stdout, /`kubectl renew-revocation <command> --help` for a command/);
  const lint = kubectl(['renew-revocation', 'lint', '--help']);
  assert.match(lint.stdout, /^Usage: kubectl renew-revocation lint \[options\] PATH\.\.\.$/m);
  const wrong = kubectl(['renew-revocation', 'preview', '--no-such-option']);
  assert.equal(wrong.status, 2);
  assert.equal(
    wrong.stderr,
    "renew-revocation: error: unknown option '--no-such-option'\nRun 'kubectl renew-revocation preview --help' for usage.\n",
  );
});
