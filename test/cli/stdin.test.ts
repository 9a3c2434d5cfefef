// `-` is standard input wherever a path is taken: lint, decode, preview's manifest and --certs.
// Named `<stdin>` in every output (SARIF: an artifact location with a description, no URI),
// read once per run, within the size limit, and refused when it is a folder or empty.
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLUSTER_PKI, MANIFESTS } from '../unit/helpers/clusterPki';
import {
  CLEAN_MANIFEST,
  REPEATED_KEY_MANIFEST,
  REPEATED_KEY_MESSAGE,
  runCli,
  STACK_FRAME,
  tempFolder,
} from './cliHarness';
import { SECRETS_YAML } from './pipesFixtures';
import { sarifValidator } from './sarifValidator';

const NOW = ['--now', '2026-01-15T00:00:00Z'];
const HELP_HINT = (command: string) => `Run 'renew-revocation ${command} --help' for usage.\n`;

test('lint -: the manifest on standard input, named <stdin> in text, JSON and SARIF', () => {
  const cwd = tempFolder({});
  const text = runCli(['lint', ...NOW, '-'], { cwd, input: REPEATED_KEY_MANIFEST });
  assert.equal(text.status, 1, text.stderr);
  assert.equal(
    text.stdout,
    `<stdin>\n  8:3  error  ${REPEATED_KEY_MESSAGE}  yaml-syntax\n\n1 problem (1 error, 0 warnings, 0 infos)\n`,
  );
  assert.equal(text.stderr, '');

  const json = runCli(['lint', ...NOW, '--format', 'json', '-'], { cwd, input: REPEATED_KEY_MANIFEST });
  assert.equal(json.status, 1);
  assert.deepEqual(JSON.parse(json.stdout), [
    {
      file: '<stdin>',
      range: { start: { line: 7, character: 2 }, end: { line: 7, character: 3 } },
      severity: 'error',
      code: 'yaml-syntax',
      message: REPEATED_KEY_MESSAGE,
      document: 0,
      item: null,
      name: 'repeated',
      namespace: 'kube-system',
    },
  ]);

  const sarif = runCli(['lint', ...NOW, '--format', 'sarif', '-'], { cwd, input: REPEATED_KEY_MANIFEST });
  assert.equal(sarif.status, 1);
  const log = JSON.parse(sarif.stdout) as {
    runs: Array<{
      results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: object } }> }>;
      invocations: Array<{ executionSuccessful: boolean }>;
    }>;
  };
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors));
  assert.deepEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation, {
    description: { text: '<stdin>' },
  });
  assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
});

test('lint -: standard input among files, in its place; a clean one passes', () => {
  const cwd = tempFolder({ 'a.yaml': REPEATED_KEY_MANIFEST });
  const run = runCli(['lint', ...NOW, '--format', 'json', 'a.yaml', '-'], { cwd, input: CLEAN_MANIFEST });
  assert.equal(run.status, 1);
  assert.deepEqual(
    JSON.parse(run.stdout).map((record: { file: string }) => record.file),
    ['a.yaml'],
  );
  const clean = runCli(['lint', ...NOW, '-'], { cwd, input: CLEAN_MANIFEST });
  assert.equal(clean.status, 0, clean.stderr);
  assert.equal(clean.stdout, '0 problems (0 errors, 0 warnings, 0 infos)\n');
});

test('decode -: PEM, binary DER and kubectl Secrets on standard input, source <stdin>', () => {
  const pem = readFileSync(join(CLUSTER_PKI, 'pki', 'apiserver.crt'));
  const der = readFileSync(join(CLUSTER_PKI, 'der', 'front-proxy-client.der'));
  const cwd = tempFolder({});
  const records = (input: Buffer | string) => {
    const run = runCli(['decode', '--format', 'json', ...NOW, '-'], { cwd, input });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout).map((record: { kind: string; source: string; serialNumber?: string }) => [
      record.kind,
      record.source,
      record.serialNumber,
    ]);
  };
  assert.deepEqual(records(pem), [['certificate', '<stdin>', '1a2b3c4d5e6f7081']]);
  assert.deepEqual(records(der), [['certificate', '<stdin>', 'f00d']]);
  assert.deepEqual(records(SECRETS_YAML), [
    ['certificate', '<stdin>', '1a2b3c4d5e6f7081'],
    ['key', '<stdin>', undefined],
    ['certificate', '<stdin>', 'e7c1'],
    ['key', '<stdin>', undefined],
  ]);
  const text = runCli(['decode', ...NOW, '-'], { cwd, input: pem });
  assert.equal(text.status, 0);
  assert.match(text.stdout, /^<stdin>\n\n\[0\] Certificate kube-apiserver — PEM CERTIFICATE, lines 1–23\n/);
  assert.match(text.stdout, /\n1 certificate, 0 certificate requests, 0 keys in 1 file\n$/);
});

test('preview - --certs PATH: the manifest on standard input, previewed as <stdin>', () => {
  const manifest = readFileSync(join(MANIFESTS, 'revoke-apiserver-names.yaml'));
  const text = runCli(['preview', '-', '--certs', 'pki', ...NOW], { cwd: CLUSTER_PKI, input: manifest });
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^Revocation preview of <stdin>\n/);
  const json = runCli(['preview', '-', '--certs', 'pki', '--format', 'json', ...NOW], {
    cwd: CLUSTER_PKI,
    input: manifest,
  });
  assert.equal(json.status, 0);
  assert.deepEqual(
    JSON.parse(json.stdout).revoked.map((certificate: { serialNumber: string }) => certificate.serialNumber),
    ['1a2b3c4d5e6f7081', 'e7c2', '1a2b3c4d5e6f7000'],
  );
});

test('preview MANIFEST --certs -: kubectl output on standard input, its certificates found at <stdin>', () => {
  const manifest = join(MANIFESTS, 'revoke-apiserver-names.yaml');
  for (const format of ['text', 'json', 'markdown', 'csv']) {
    const run = runCli(['preview', manifest, '--certs', '-', '--format', format, ...NOW], {
      cwd: CLUSTER_PKI,
      input: SECRETS_YAML,
    });
    assert.equal(run.status, 0, `${format}: ${run.stderr}`);
    assert.equal(run.stderr, '', format);
    if (format === 'json') {
      const json = JSON.parse(run.stdout);
      assert.equal(json.certificatesScanned, 2);
      assert.deepEqual(json.revoked[0].sources, ['<stdin>']);
    } else assert.match(run.stdout, /<stdin>/, format);
  }
  // Beside other paths, in its place.
  const mixed = runCli(['preview', manifest, '--certs', 'kubelet', '-', '--format', 'json', ...NOW], {
    cwd: CLUSTER_PKI,
    input: SECRETS_YAML,
  });
  assert.equal(mixed.status, 0, mixed.stderr);
  assert.equal(JSON.parse(mixed.stdout).certificatesScanned, 7);
});

test('lint --config -: the severities on standard input', () => {
  const cwd = tempFolder({ 'a.yaml': REPEATED_KEY_MANIFEST });
  const off = runCli(['lint', ...NOW, '--config', '-', 'a.yaml'], {
    cwd,
    input: JSON.stringify({ 'yaml-syntax': 'off' }),
  });
  assert.equal(off.status, 0, off.stderr);
  assert.equal(off.stdout, '0 problems (0 errors, 0 warnings, 0 infos)\n');
  const bad = runCli(['lint', ...NOW, '--config', '-', 'a.yaml'], { cwd, input: '{bad' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^renew-revocation: error: config file '<stdin>' is not valid JSON: /);
  const twice = runCli(['lint', '--config', '-', '-'], { cwd, input: '{}' });
  assert.equal(twice.status, 2);
  assert.match(twice.stderr, /'-' is given 2 times \(a path to lint, --config\)/);
});

test('standard input is read once: a second - is a usage error that names both', () => {
  const cwd = tempFolder({ 'm.yaml': CLEAN_MANIFEST });
  const cases: Array<[string[], string, string]> = [
    [['lint', '-', '-'], 'lint', "'-' is given 2 times (a path to lint, a path to lint)"],
    [['lint', '-', '--certs', '-'], 'lint', "'-' is given 2 times (a path to lint, --certs)"],
    [['decode', '-', '-'], 'decode', "'-' is given 2 times (a path to decode, a path to decode)"],
    [['preview', '-', '--certs', 'a', '-'], 'preview', "'-' is given 2 times (the manifest, --certs)"],
    [['preview', 'm.yaml', '--certs', '-', '--certs', '-'], 'preview', "'-' is given 2 times (--certs, --certs)"],
  ];
  for (const [args, command, given] of cases) {
    const run = runCli(args, { cwd, input: CLEAN_MANIFEST });
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stdout, '', args.join(' '));
    assert.equal(
      run.stderr,
      `renew-revocation: error: standard input can be read only once, and ${given}; give the other inputs as files\n${HELP_HINT(command)}`,
    );
  }
});

test('standard input that is empty, a folder or over the size limit: exit 2, the reason, no answer', () => {
  const cwd = tempFolder({ 'm.yaml': CLEAN_MANIFEST });
  const empty = "renew-revocation: error: cannot read '<stdin>': it is empty (did the command before the pipe fail?)\n";
  const folder = "renew-revocation: error: cannot read '<stdin>': it is a folder\n";
  const tooLarge =
    "renew-revocation: error: cannot read '<stdin>': it holds more than the 5 MiB limit (renewRevocation.maxFileSize); write it to files of at most that size and give their paths\n";
  const big = `# ${'x'.repeat(5 * 1024 * 1024)}\n${CLEAN_MANIFEST}`;
  const folderFd = openSync(cwd, 'r');
  try {
    for (const args of [
      ['lint', '-'],
      ['decode', '-'],
    ]) {
      for (const [stdin, message] of [
        [{ input: '' }, empty],
        [{ input: ' \n\n' }, empty],
        [{ stdinFd: folderFd }, folder],
        [{ input: big }, tooLarge],
      ] as const) {
        const run = runCli(args, { cwd, ...stdin });
        assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
        assert.equal(run.stdout, '', args.join(' '));
        assert.equal(run.stderr, message, args.join(' '));
        assert.doesNotMatch(run.stderr, STACK_FRAME);
      }
    }
    const manifest = runCli(['preview', '-', '--certs', '.'], { cwd, stdinFd: folderFd });
    assert.equal(manifest.status, 2);
    assert.equal(manifest.stdout, '');
    assert.equal(manifest.stderr, folder);
  } finally {
    closeSync(folderFd);
  }
});
