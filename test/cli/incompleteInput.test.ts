// When an input cannot be read, nothing on stdout looks like a complete answer: exit 2, the
// reason on stderr, and in JSON and SARIF the failure itself (lint: an `unreadable` record and a
// failed invocation; decode: an `unreadable` record; preview: `problems`). Text says INCOMPLETE
// or prints nothing. The case of the issue: `kubectl get … | preview m.yaml --certs -` with a
// standard input that cannot be read.
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLUSTER_PKI, MANIFESTS } from '../unit/helpers/clusterPki';
import { REPEATED_KEY_MANIFEST, REPEATED_KEY_MESSAGE, runCli, tempFolder } from './cliHarness';
import { sarifValidator } from './sarifValidator';

const NOW = ['--now', '2026-01-15T00:00:00Z'];
const MISSING = "cannot read 'missing.yaml': no such file or folder";
const ZERO: { start: { line: number; character: number }; end: { line: number; character: number } } = {
  start: { line: 0, character: 0 },
  end: { line: 0, character: 0 },
};

test('lint with one path unreadable: text says INCOMPLETE, JSON ends with an unreadable record, SARIF a failed run', () => {
  const cwd = tempFolder({ 'a.yaml': REPEATED_KEY_MANIFEST });
  const text = runCli(['lint', ...NOW, 'a.yaml', 'missing.yaml'], { cwd });
  assert.equal(text.status, 2);
  assert.equal(
    text.stdout,
    `a.yaml\n  8:3  error  ${REPEATED_KEY_MESSAGE}  yaml-syntax\n\n` +
      '1 problem (1 error, 0 warnings, 0 infos) in the files read; INCOMPLETE: 1 input could not be checked (see the errors)\n',
  );
  assert.equal(text.stderr, `renew-revocation: error: ${MISSING}\n`);

  const json = runCli(['lint', ...NOW, '--format', 'json', 'a.yaml', 'missing.yaml'], { cwd });
  assert.equal(json.status, 2);
  const records = JSON.parse(json.stdout) as Array<{
    file: string;
    code: string;
    severity: string;
    message: string;
    range: object;
  }>;
  assert.deepEqual(
    records.map((record) => [record.file, record.code]),
    [
      ['a.yaml', 'yaml-syntax'],
      ['missing.yaml', 'unreadable'],
    ],
  );
  assert.deepEqual(records[1], {
    file: 'missing.yaml',
    range: ZERO,
    severity: 'error',
    code: 'unreadable',
    message: MISSING,
    document: null,
    item: null,
    name: null,
    namespace: null,
  });

  const sarif = runCli(['lint', ...NOW, '--format', 'sarif', 'a.yaml', 'missing.yaml'], { cwd });
  assert.equal(sarif.status, 2);
  const log = JSON.parse(sarif.stdout) as {
    runs: Array<{
      invocations: Array<{
        executionSuccessful: boolean;
        exitCode: number;
        toolExecutionNotifications: Array<{ level: string; message: { text: string } }>;
      }>;
    }>;
  };
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors));
  const [invocation] = log.runs[0].invocations;
  assert.equal(invocation.executionSuccessful, false);
  assert.equal(invocation.exitCode, 2);
  assert.deepEqual(
    invocation.toolExecutionNotifications.map((notification) => [notification.level, notification.message.text]),
    [['error', MISSING]],
  );
});

test('lint with standard input unreadable: nothing but the error, and the failure in JSON and SARIF', () => {
  const cwd = tempFolder({});
  const folderFd = openSync(cwd, 'r');
  try {
    const text = runCli(['lint', '-'], { cwd, stdinFd: folderFd });
    assert.equal(text.status, 2);
    assert.equal(text.stdout, '', 'no "0 problems"');
    const json = runCli(['lint', '--format', 'json', '-'], { cwd, stdinFd: folderFd });
    assert.deepEqual(JSON.parse(json.stdout), [
      {
        file: '<stdin>',
        range: ZERO,
        severity: 'error',
        code: 'unreadable',
        message: "cannot read '<stdin>': it is a folder",
        document: null,
        item: null,
        name: null,
        namespace: null,
      },
    ]);
    const sarif = runCli(['lint', '--format', 'sarif', '-'], { cwd, stdinFd: folderFd });
    const run = JSON.parse(sarif.stdout).runs[0];
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.deepEqual(run.invocations[0].toolExecutionNotifications[0].locations, [
      { physicalLocation: { artifactLocation: { description: { text: '<stdin>' } } } },
    ]);
    assert.deepEqual(run.results, []);
  } finally {
    closeSync(folderFd);
  }
});

test('decode with one path unreadable: an unreadable record in JSON, INCOMPLETE in text', () => {
  const cwd = tempFolder({ 'a.crt': readFileSync(join(CLUSTER_PKI, 'pki', 'apiserver.crt')) });
  const json = runCli(['decode', '--format', 'json', ...NOW, 'a.crt', 'missing.yaml'], { cwd });
  assert.equal(json.status, 2);
  const records = JSON.parse(json.stdout) as Array<{ kind: string; source: string; error?: string }>;
  assert.deepEqual(
    records.map((record) => [record.kind, record.source]),
    [
      ['certificate', 'a.crt'],
      ['unreadable', 'missing.yaml'],
    ],
  );
  assert.equal(records[1].error, MISSING);
  const text = runCli(['decode', ...NOW, 'a.crt', 'missing.yaml'], { cwd });
  assert.equal(text.status, 2);
  assert.match(
    text.stdout,
    /\n1 certificate, 0 certificate requests, 0 keys in 1 file; INCOMPLETE: 1 path could not be read \(see the errors\)\n$/,
  );
  const nothing = runCli(['decode', ...NOW, 'missing.yaml'], { cwd });
  assert.equal(nothing.status, 2);
  assert.equal(nothing.stdout, '');
  assert.equal(nothing.stderr, `renew-revocation: error: ${MISSING}\n`);
});

test('preview m.yaml --certs - with standard input unreadable: no preview in text, Markdown, CSV; JSON has the failure in problems', () => {
  const manifest = join(MANIFESTS, 'revoke-apiserver-names.yaml');
  const folderFd = openSync(CLUSTER_PKI, 'r');
  try {
    for (const format of ['text', 'markdown', 'csv']) {
      const run = runCli(['preview', manifest, '--certs', '-', '--format', format, ...NOW], {
        cwd: CLUSTER_PKI,
        stdinFd: folderFd,
      });
      assert.equal(run.status, 2, format);
      assert.equal(run.stdout, '', `${format}: no complete-looking preview`);
      assert.equal(
        run.stderr,
        "renew-revocation: error: cannot read '<stdin>': it is a folder\nrenew-revocation: note: no preview printed: it would not be a complete answer\n",
        format,
      );
    }
    const json = runCli(['preview', manifest, '--certs', '-', '--format', 'json', ...NOW], {
      cwd: CLUSTER_PKI,
      stdinFd: folderFd,
    });
    assert.equal(json.status, 2);
    const report = JSON.parse(json.stdout);
    assert.equal(report.certificatesScanned, 0);
    assert.deepEqual(report.problems, [
      { path: '<stdin>', code: 'unreadable', message: "cannot read '<stdin>': it is a folder" },
    ]);
    assert.ok(
      report.notes.includes('1 path given with --certs could not be read: this preview is incomplete (see problems).'),
      report.notes.join('\n'),
    );
    assert.equal(json.stderr, "renew-revocation: error: cannot read '<stdin>': it is a folder\n");
  } finally {
    closeSync(folderFd);
  }
});

test('preview with one --certs path missing: exit 2 over --fail-on, the JSON still has what was read and the failure', () => {
  const manifest = join(MANIFESTS, 'revoke-cluster-ca.yaml');
  const json = runCli(
    ['preview', manifest, '--certs', 'pki', 'missing.yaml', '--fail-on', 'any', '--format', 'json', ...NOW],
    { cwd: CLUSTER_PKI },
  );
  assert.equal(json.status, 2);
  const report = JSON.parse(json.stdout);
  assert.equal(report.certificatesScanned, 9);
  assert.deepEqual(report.problems, [{ path: 'missing.yaml', code: 'unreadable', message: MISSING }]);
  const text = runCli(['preview', manifest, '--certs', 'pki', 'missing.yaml', ...NOW], { cwd: CLUSTER_PKI });
  assert.equal(text.status, 2);
  assert.equal(text.stdout, '');
});
