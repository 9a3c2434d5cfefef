// Gates never pass on nothing: lint of paths that hold no manifest, decode of files with nothing
// to decode, and preview --fail-on with no certificate read all exit 2 and say why; the options
// --allow-no-manifest and --allow-empty-inventory accept it where that is meant.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { MANIFESTS } from '../unit/helpers/clusterPki';
import { CLEAN_MANIFEST, runCli, tempFolder } from './cliHarness';
import { sarifValidator } from './sarifValidator';
import { SECRETS_YAML } from './pipesFixtures';

const NOW = ['--now', '2026-01-15T00:00:00Z'];
const noManifest = (where: string) =>
  `no RenewRevocation manifest found in ${where} (a YAML or JSON document with kind: RenewRevocation): nothing was checked; --allow-no-manifest accepts that`;

const folder = tempFolder({
  'empty.yaml': '',
  'only-comments.yaml': '# nothing here\n---\n',
  'other/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
  'other/secrets.yaml': SECRETS_YAML,
  'm.yaml': CLEAN_MANIFEST,
  'certs/readme.txt': 'no certificates here\n',
});

test('lint of paths without a manifest: exit 2 and the reason, in every format', () => {
  for (const paths of [['empty.yaml'], ['only-comments.yaml'], ['other'], ['empty.yaml', 'other']]) {
    const where = paths.map((path) => `'${path}'`).join(', ');
    const text = runCli(['lint', ...NOW, ...paths], { cwd: folder });
    assert.equal(text.status, 2, paths.join(' '));
    assert.equal(text.stdout, '', `${paths.join(' ')}: no "0 problems"`);
    assert.equal(text.stderr, `renew-revocation: error: ${noManifest(where)}\n`);

    const json = runCli(['lint', ...NOW, '--format', 'json', ...paths], { cwd: folder });
    assert.equal(json.status, 2);
    assert.deepEqual(JSON.parse(json.stdout), [
      {
        file: paths[0],
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        code: 'no-manifest',
        message: noManifest(where),
        document: null,
        item: null,
        name: null,
        namespace: null,
      },
    ]);

    const sarif = runCli(['lint', ...NOW, '--format', 'sarif', ...paths], { cwd: folder });
    assert.equal(sarif.status, 2);
    const log = JSON.parse(sarif.stdout) as {
      runs: Array<{
        invocations: Array<{
          executionSuccessful: boolean;
          toolExecutionNotifications: Array<{ message: { text: string } }>;
        }>;
      }>;
    };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.equal(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, noManifest(where));
  }
});

test('lint --allow-no-manifest: a check of nothing passes when asked to; a manifest anywhere needs no option', () => {
  const allowed = runCli(['lint', ...NOW, '--allow-no-manifest', 'empty.yaml', 'other'], { cwd: folder });
  assert.equal(allowed.status, 0, allowed.stderr);
  assert.equal(allowed.stdout, '0 problems (0 errors, 0 warnings, 0 infos)\n');
  assert.equal(allowed.stderr, '');
  const json = runCli(['lint', ...NOW, '--allow-no-manifest', '--format', 'json', 'empty.yaml'], { cwd: folder });
  assert.equal(json.status, 0);
  assert.equal(json.stdout, '[]\n');
  const mixed = runCli(['lint', ...NOW, 'empty.yaml', 'other', 'm.yaml'], { cwd: folder });
  assert.equal(mixed.status, 0, mixed.stderr);
  assert.equal(mixed.stdout, '0 problems (0 errors, 0 warnings, 0 infos)\n');
  const piped = runCli(['lint', ...NOW, '-'], { cwd: folder, input: SECRETS_YAML });
  assert.equal(piped.status, 2);
  assert.equal(piped.stderr, `renew-revocation: error: ${noManifest("'<stdin>'")}\n`);
});

test('preview --fail-on with no certificate read: exit 2 and why, unless --allow-empty-inventory', () => {
  const manifest = join(MANIFESTS, 'revoke-cluster-ca.yaml');
  const reason =
    'renew-revocation: error: --fail-on any cannot pass on an empty inventory: no certificate was read from the --certs paths; --allow-empty-inventory accepts that\n';
  for (const format of ['text', 'json', 'markdown', 'csv']) {
    const run = runCli(['preview', manifest, '--certs', 'certs', '--fail-on', 'any', '--format', format, ...NOW], {
      cwd: folder,
    });
    assert.equal(run.status, 2, `${format}: ${run.stderr}`);
    const note = 'renew-revocation: note: no certificate was found in the file given with --certs\n';
    if (format === 'json') {
      assert.equal(JSON.parse(run.stdout).certificatesScanned, 0);
      assert.equal(run.stderr, note + reason);
    } else {
      assert.equal(run.stdout, '', format);
      assert.equal(
        run.stderr,
        `${note}${reason}renew-revocation: note: no preview printed: it would not be a complete answer\n`,
        format,
      );
    }
  }
  const emptyFolder = tempFolder({ 'm.yaml': CLEAN_MANIFEST, 'nothing/.keep': '' });
  const walked = runCli(['preview', 'm.yaml', '--certs', 'nothing', '--fail-on', 'ca,not-revocable', ...NOW], {
    cwd: emptyFolder,
  });
  assert.equal(walked.status, 2);
  assert.match(walked.stderr, /--fail-on ca,not-revocable cannot pass on an empty inventory/);

  const allowed = runCli(
    ['preview', manifest, '--certs', 'certs', '--fail-on', 'any', '--allow-empty-inventory', ...NOW],
    { cwd: folder },
  );
  assert.equal(allowed.status, 0, allowed.stderr);
  assert.match(allowed.stdout, /^ {2}Scanned +0 +distinct certificates in the inventory$/m);
  const noGate = runCli(['preview', manifest, '--certs', 'certs', ...NOW], { cwd: folder });
  assert.equal(noGate.status, 0, 'without --fail-on the preview of an empty inventory is a preview');
});
