// The command line over every hostile input, read from disk as a user's file would be: `lint`
// for manifests, `decode` for certificate files, each with its exit code and a message for people
// (never a stack trace); and files of 50 MiB, which are not read at all. A run is stopped after
// HANG_LIMIT_MS (a hang); the times are reported.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { BIN, tempFolder } from '../cli/cliHarness';
import { HANG_LIMIT_MS } from './hangGuard';
import { STACK_FRAME } from './answers';
import { CORPUS_NOW, fiftyMibManifest, fiftyMibPem, hostileInputs } from './hostileCorpus';
import { Timings } from './timings';

const timings = new Timings();
const NOW = ['--now', CORPUS_NOW.toISOString()];

/** The CLI as cliHarness runs it, with room for outputs of megabytes (the JSON formats print a 1 MiB value as written). */
function run(args: string[], cwd: string, what: string): { status: number | null; output: string } {
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS;
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: HANG_LIMIT_MS,
    maxBuffer: 256 * 1024 * 1024,
  });
  const result = { status: child.status, stdout: child.stdout, stderr: child.stderr };
  timings.record(what, performance.now() - started);
  assert.notEqual(
    result.status,
    null,
    `${what}: no exit within ${HANG_LIMIT_MS / 1000} s (a hang?): ${String(child.error ?? child.signal)}`,
  );
  const output = `${result.stdout}${result.stderr}`;
  assert.doesNotMatch(output, STACK_FRAME, `${what}: a stack trace:\n${output.slice(0, 2000)}`);
  assert.doesNotMatch(
    result.stderr,
    /\(node:\d+\) \w*Warning/,
    `${what}: a Node warning on stderr:\n${result.stderr.slice(0, 2000)}`,
  );
  return { status: result.status, output };
}

for (const input of hostileInputs()) {
  for (const expected of input.cli) {
    test(`cli ${expected.command}: ${input.file} (${input.name})`, () => {
      const folder = tempFolder({ [input.file]: input.bytes });
      const { status, output } = run(
        [expected.command, ...NOW, input.file],
        folder,
        `${expected.command} ${input.file}`,
      );
      assert.match(output, expected.says, `${expected.command} ${input.file}:\n${output.slice(0, 2000)}`);
      assert.equal(status, expected.status, `${expected.command} ${input.file}:\n${output.slice(0, 2000)}`);
    });
  }
}

// The preview reads a manifest and certificate files: hostile ones in either place.
const PREVIEW_MANIFESTS = [
  'alias-bomb',
  'flow-sequences-10000-deep',
  'line-of-1-MiB',
  'binary-garbage',
  'manifest-then-garbage',
  'utf16le-bom',
];
const PREVIEW_CERTIFICATES = [
  'binary-garbage',
  'der-header-over-garbage',
  'length-past-the-end',
  'asn1-nested-10000-deep',
  'san-list-of-10000',
  'negative-serial',
  'crlf-bundle',
];

test('cli preview: hostile manifests and hostile certificate files answer a preview or one error line', () => {
  const inputs = hostileInputs();
  const manifest = inputs.find((input) => input.name === 'crlf')!;
  const folder = tempFolder(Object.fromEntries(inputs.map((input) => [input.file, input.bytes])));
  for (const name of PREVIEW_MANIFESTS) {
    const input = inputs.find((candidate) => candidate.name === name && candidate.languageId === 'yaml')!;
    const { status, output } = run(
      ['preview', input.file, '--certs', 'negative-serial.pem', ...NOW],
      folder,
      `preview ${input.file}`,
    );
    if (input.codes.length === 0) {
      assert.equal(status, 2, output);
      assert.match(output, /holds no RenewRevocation manifest/);
    } else {
      assert.equal(status, 0, output);
      assert.match(output, /Revocation preview of/);
    }
  }
  for (const name of PREVIEW_CERTIFICATES) {
    const input = inputs.find((candidate) => candidate.name === name && candidate.languageId === 'pem')!;
    const { status, output } = run(
      ['preview', manifest.file, '--certs', input.file, '--format', 'json', ...NOW],
      folder,
      `preview --certs ${input.file}`,
    );
    assert.equal(status, 0, output);
    const preview = JSON.parse(output.slice(0, output.lastIndexOf('}') + 1)) as {
      certificatesScanned: number;
      problems?: unknown[];
    };
    assert.equal(typeof preview.certificatesScanned, 'number');
  }
});

test('cli: a 50 MiB manifest is not read: lint says file-too-large (text and JSON) and exits 0', () => {
  const folder = tempFolder({});
  writeFileSync(join(folder, 'huge.yaml'), fiftyMibManifest());
  const text = run(['lint', 'huge.yaml'], folder, 'lint huge.yaml (50 MiB)');
  assert.equal(text.status, 0, text.output);
  assert.match(
    text.output,
    /This file is 50(\.\d)? MiB, larger than the limit of 5 MiB \(renewRevocation\.maxFileSize\), so it was not analysed.*file-too-large/,
  );
  const json = run(['lint', '--format', 'json', 'huge.yaml'], folder, 'lint --format json huge.yaml (50 MiB)');
  const records = JSON.parse(json.output) as Array<{ file: string; code: string; severity: string }>;
  assert.deepEqual(
    records.map(({ file, code, severity }) => ({ file, code, severity })),
    [{ file: 'huge.yaml', code: 'file-too-large', severity: 'information' }],
  );
});

test('cli: a 50 MiB .pem is not read: decode says so and exits 0', () => {
  const folder = tempFolder({});
  writeFileSync(join(folder, 'huge.pem'), fiftyMibPem());
  const { status, output } = run(['decode', 'huge.pem'], folder, 'decode huge.pem (50 MiB)');
  assert.equal(status, 0, output);
  assert.match(output, /'huge\.pem' was not read: 50(\.\d)? MiB is more than the 5(\.0)? MiB limit/);
});

test('cli: the longest single run (reported, not asserted)', (t) => {
  t.diagnostic(`cli: ${timings.summary()}`);
});
