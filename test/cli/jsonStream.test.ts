// Several JSON values back to back, as `kubectl … -o json` prints several objects, are read
// whole: every manifest linted at its own lines and columns, every Secret's certificate in the
// inventory and in `decode`; a YAML stream of documents likewise. The Secrets are kubectl's own
// output (test/fixtures/pipes), checked again against kubectl where one is installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempFolder } from './cliHarness';
import {
  asKubectlJson,
  manifestObject,
  PIPES,
  REVOKE_APISERVER,
  REVOKE_BOTH,
  SECRETS_JSON,
  SECRETS_JSON_COMPACT,
  SECRETS_YAML,
} from './pipesFixtures';

const NOW = ['--now', '2026-01-15T00:00:00Z'];

test('the Secrets in test/fixtures/pipes are what kubectl prints (where kubectl is installed)', (context) => {
  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (kubectl.status !== 0) {
    context.skip('no kubectl on PATH: the fixtures are checked where one is');
    return;
  }
  const out = mkdtempSync(join(tmpdir(), 'rr-kubectl-'));
  try {
    const made = spawnSync('bash', [join(PIPES, 'make-kubectl-output.sh'), out], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    assert.equal(readFileSync(join(out, 'secrets.json'), 'utf8'), SECRETS_JSON);
    assert.equal(readFileSync(join(out, 'secrets.yaml'), 'utf8'), SECRETS_YAML);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  // Two objects back to back, the second starting on the line after the first one's closing brace.
  assert.match(SECRETS_JSON, /^\{\n[\s\S]+\n\}\n\{\n[\s\S]+\n\}\n$/);
});

test('preview --certs: every Secret of a JSON stream (pretty or compact) and of a YAML stream', () => {
  const cwd = tempFolder({
    'm.json': asKubectlJson(REVOKE_BOTH),
    'secrets.json': SECRETS_JSON,
    'compact.json': SECRETS_JSON_COMPACT,
    'secrets.yaml': SECRETS_YAML,
  });
  for (const [path, input] of [
    ['secrets.json'],
    ['compact.json'],
    ['secrets.yaml'],
    ['-', SECRETS_JSON],
    ['-', SECRETS_JSON_COMPACT],
  ]) {
    const run = runCli(['preview', 'm.json', '--certs', path, '--format', 'json', ...NOW], { cwd, input });
    assert.equal(run.status, 0, `${path}: ${run.stderr}`);
    const json = JSON.parse(run.stdout);
    assert.equal(json.certificatesScanned, 2, path);
    assert.deepEqual(
      json.revoked.map((certificate: { serialNumber: string }) => certificate.serialNumber).sort(),
      ['1a2b3c4d5e6f7081', 'e7c1'],
      path,
    );
    assert.deepEqual(json.problems, [], path);
  }
});

test('decode: both certificates and both keys of a JSON stream, the keys by type only', () => {
  const cwd = tempFolder({ 'secrets.json': SECRETS_JSON, 'compact.json': SECRETS_JSON_COMPACT });
  for (const path of ['secrets.json', 'compact.json']) {
    const run = runCli(['decode', '--format', 'json', ...NOW, path], { cwd });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      JSON.parse(run.stdout).map((record: { kind: string; index: number; serialNumber?: string; keyType?: string }) => [
        record.kind,
        record.index,
        record.serialNumber ?? record.keyType,
      ]),
      [
        ['certificate', 0, '1a2b3c4d5e6f7081'],
        ['key', 1, 'RSA'],
        ['certificate', 2, 'e7c1'],
        ['key', 3, 'RSA'],
      ],
      path,
    );
  }
  const text = runCli(['decode', ...NOW, 'secrets.json'], { cwd });
  // The second Secret's tls.crt is on line 24 of the file (kubectl's layout): lines count in the whole stream.
  assert.match(
    text.stdout,
    /\n\[2\] Certificate kube-apiserver-etcd-client — `tls\.crt` \(base64 PEM CERTIFICATE\), line 24\n/,
  );
});

test('lint: every manifest of a JSON stream, each finding at its line and column in the whole file', () => {
  const second = manifestObject('dns-without-not-before', [{ kind: 'DNS', dns: '.cluster.local' }]);
  const pretty = asKubectlJson(REVOKE_APISERVER) + asKubectlJson(second);
  const compact = JSON.stringify(REVOKE_APISERVER) + JSON.stringify(second);
  const cwd = tempFolder({ 'pretty.json': pretty, 'compact.json': compact });
  const where = (text: string, needle: string) => {
    const offset = text.indexOf(needle);
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  for (const [path, text] of [
    ['pretty.json', pretty],
    ['compact.json', compact],
  ]) {
    const run = runCli(['lint', '--format', 'json', ...NOW, path], { cwd });
    assert.equal(run.status, 0, run.stderr);
    const records = JSON.parse(run.stdout) as Array<{
      code: string;
      range: { start: { line: number; character: number } };
    }>;
    // The finding sits on the second manifest's `dns` value.
    assert.deepEqual(
      records.map((record) => [record.code, record.range.start]),
      [['missing-not-before', where(text, '".cluster.local"')]],
      path,
    );
  }
  const text = runCli(['lint', ...NOW, 'pretty.json'], { cwd });
  assert.match(text.stdout, /^pretty\.json\n {2}31:24 {2}warning {2}This DNS entry has no `notBefore`/);
  // The same stream on standard input.
  const piped = runCli(['lint', '--format', 'json', ...NOW, '-'], { cwd, input: pretty });
  assert.deepEqual(
    JSON.parse(piped.stdout).map((record: { file: string; code: string }) => [record.file, record.code]),
    [['<stdin>', 'missing-not-before']],
  );
});

test('lint: a YAML stream of several manifests is read whole', () => {
  const cwd = tempFolder({});
  const stream = `${readFileSync(join(PIPES, '..', 'cluster-pki', 'manifests', 'two-manifests.yaml'), 'utf8')}`;
  const run = runCli(['lint', '--format', 'json', ...NOW, '-'], {
    cwd,
    input: stream.replace('serialNumber: e7c1', 'serialNumber: zz-not-hex'),
  });
  assert.equal(run.status, 1, run.stderr);
  // The bad serial is in the second manifest (the third document).
  assert.deepEqual(
    JSON.parse(run.stdout)
      .filter((record: { code: string }) => record.code === 'serial-invalid')
      .map((record: { range: { start: { line: number } } }) => record.range.start.line),
    [stream.split('\n').findIndex((line) => line.includes('serialNumber: e7c1'))],
  );
});
