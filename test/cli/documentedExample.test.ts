import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROOT, runCli } from './cliHarness';

// The README's example, as shipped in examples/: every Group, DNS and IP entry lacks notBefore, and
// `group: system:nodes` revokes every kubelet.
test('examples/documented.yaml: four missing-not-before and one broad-revocation, nothing else', () => {
  const run = runCli(['lint', '--now', '2026-01-15T00:00:00Z', '--format', 'json', 'examples/documented.yaml'], {
    cwd: ROOT,
  });
  assert.equal(run.status, 0, run.stderr);
  const codes = (JSON.parse(run.stdout) as { code: string; severity: string }[])
    .map((record) => `${record.code} ${record.severity}`)
    .sort();
  assert.deepEqual(codes, [
    'broad-revocation warning',
    'missing-not-before warning',
    'missing-not-before warning',
    'missing-not-before warning',
    'missing-not-before warning',
  ]);
});

test('`npm start` (lint examples) prints the findings and exits 0: the examples only warn', () => {
  const run = runCli(['lint', 'examples'], { cwd: ROOT });
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /^examples[/\\]documented\.yaml$/m);
  assert.match(run.stdout, /^\d+ problems \(0 errors, \d+ warnings, \d+ infos?\)$/m);
  assert.equal(run.status, 0);
});

test('examples/warnings.yaml shows one warning of each kind and no error', () => {
  const run = runCli(['lint', '--now', '2026-01-15T00:00:00Z', '--format', 'json', 'examples/warnings.yaml'], {
    cwd: ROOT,
  });
  assert.equal(run.status, 0, run.stderr);
  const found = (
    JSON.parse(run.stdout) as { code: string; severity: string; range: { start: { line: number } } }[]
  ).map((record) => `${record.range.start.line + 1} ${record.code} ${record.severity}`);
  assert.deepEqual(found, [
    '13 serial-not-canonical warning',
    '17 duplicate-entry warning',
    '19 kind-case warning',
    '24 not-before-future warning',
    '29 broad-revocation warning',
    '34 unknown-field warning',
  ]);
});
