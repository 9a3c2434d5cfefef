// The command line over every hostile input, read from disk as a user's file would be: `lint`
// for manifests, `decode` for certificate files, each with its exit code and a message for people
// (never a stack trace); and files of 50 MiB, which are not read at all. The harness stops a run
// after 60 s (a hang); the times are reported.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempFolder } from '../cli/cliHarness';
import { STACK_FRAME } from './answers';
import { CORPUS_NOW, fiftyMibManifest, fiftyMibPem, hostileInputs } from './hostileCorpus';
import { Timings } from './timings';

const timings = new Timings();
const NOW = ['--now', CORPUS_NOW.toISOString()];

function run(args: string[], cwd: string, what: string): { status: number | null; output: string } {
  const started = performance.now();
  const result = runCli(args, { cwd });
  timings.record(what, performance.now() - started);
  assert.notEqual(result.status, null, `${what}: no exit within the harness's limit (a hang?)`);
  const output = `${result.stdout}${result.stderr}`;
  assert.doesNotMatch(output, STACK_FRAME, `${what}: a stack trace:\n${output.slice(0, 2000)}`);
  assert.doesNotMatch(result.stderr, /\(node:\d+\) \w*Warning/, `${what}: a Node warning on stderr:\n${result.stderr.slice(0, 2000)}`);
  return { status: result.status, output };
}

for (const input of hostileInputs()) {
  for (const expected of input.cli) {
    test(`cli ${expected.command}: ${input.file} (${input.name})`, () => {
      const folder = tempFolder({ [input.file]: input.bytes });
      const { status, output } = run([expected.command, ...NOW, input.file], folder, `${expected.command} ${input.file}`);
      assert.match(output, expected.says, `${expected.command} ${input.file}:\n${output.slice(0, 2000)}`);
      assert.equal(status, expected.status, `${expected.command} ${input.file}:\n${output.slice(0, 2000)}`);
    });
  }
}

test('cli: a 50 MiB manifest is not read: lint says file-too-large (text and JSON) and exits 0', () => {
  const folder = tempFolder({});
  writeFileSync(join(folder, 'huge.yaml'), fiftyMibManifest());
  const text = run(['lint', 'huge.yaml'], folder, 'lint huge.yaml (50 MiB)');
  assert.equal(text.status, 0, text.output);
  assert.match(text.output, /This file is 50(\.\d)? MiB, larger than the limit of 5 MiB \(renewRevocation\.maxFileSize\), so it was not analysed.*file-too-large/);
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
