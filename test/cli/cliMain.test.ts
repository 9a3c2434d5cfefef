import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLEAN_MANIFEST, ROOT, runCli, STACK_FRAME, tempFolder } from './cliHarness';

test('--version prints the version of package.json', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const flag of ['--version', '-v']) {
    const run = runCli([flag], { cwd: ROOT });
    assert.equal(run.stdout, `${version}\n`);
    assert.equal(run.status, 0);
  }
});

test('--help lists the commands; a command has its own help', () => {
  const top = runCli(['--help'], { cwd: ROOT });
  assert.equal(top.status, 0);
  assert.match(top.stdout, /^Usage: renew-revocation <command> \[options\] PATH\.\.\.$/m);
  assert.match(top.stdout, /^ {2}lint +check manifests in files and folders/m);
  assert.match(top.stdout, /^ {2}decode +decode certificates, CSRs and keys in files and folders/m);
  const lint = runCli(['lint', '--help'], { cwd: ROOT });
  assert.equal(lint.status, 0);
  assert.match(lint.stdout, /^Usage: renew-revocation lint \[options\] PATH\.\.\.$/m);
  assert.match(lint.stdout, /--max-warnings N/);
  assert.equal(runCli(['help', 'lint'], { cwd: ROOT }).stdout, lint.stdout);
});

test('no command prints the help on stderr and exits 2; an unknown command exits 2', () => {
  const none = runCli([], { cwd: ROOT });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^Usage: renew-revocation/m);
  const unknown = runCli(['frobnicate'], { cwd: ROOT });
  assert.equal(unknown.status, 2);
  assert.match(
    unknown.stderr,
    /^renew-revocation: error: unknown command 'frobnicate'; the commands are lint, decode(, [a-z]+)*\nRun 'renew-revocation --help' for usage\.\n$/,
  );
});

test('errors show no stack trace; --debug (before or after the command) shows one', () => {
  const cwd = tempFolder({ 'clean.yaml': CLEAN_MANIFEST });
  const cases = [
    ['lint', 'missing.yaml'],
    ['lint', '--format', 'xml', 'clean.yaml'],
    ['lint', '--config', 'absent.json', 'clean.yaml'],
  ];
  for (const args of cases) {
    const plain = runCli(args, { cwd });
    assert.equal(plain.status, 2, args.join(' '));
    assert.doesNotMatch(plain.stderr, STACK_FRAME, args.join(' '));
    const debugAfter = runCli([...args, '--debug'], { cwd });
    assert.equal(debugAfter.status, 2);
    assert.match(debugAfter.stderr, STACK_FRAME, args.join(' '));
    const debugBefore = runCli(['--debug', ...args], { cwd });
    assert.match(debugBefore.stderr, STACK_FRAME, args.join(' '));
  }
});
