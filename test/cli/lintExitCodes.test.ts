import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CLEAN_MANIFEST,
  REPEATED_KEY_MANIFEST,
  REPEATED_KEY_MESSAGE,
  runCli,
  STACK_FRAME,
  SYNTAX_AS_WARNING,
  tempFolder,
} from './cliHarness';

const NOW = ['--now', '2026-01-15T00:00:00Z'];

test('a clean manifest exits 0 with a summary of no problems', () => {
  const cwd = tempFolder({ 'clean.yaml': CLEAN_MANIFEST });
  const run = runCli(['lint', ...NOW, 'clean.yaml'], { cwd });
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, '0 problems (0 errors, 0 warnings, 0 infos)\n');
  assert.equal(run.status, 0);
});

test('an error exits 1', () => {
  const cwd = tempFolder({ 'broken.yaml': REPEATED_KEY_MANIFEST });
  const run = runCli(['lint', ...NOW, 'broken.yaml'], { cwd });
  assert.equal(run.status, 1);
  assert.match(run.stdout, /1 problem \(1 error, 0 warnings, 0 infos\)/);
});

test('warnings exit 0 unless there are more than --max-warnings', () => {
  const cwd = tempFolder({ 'warned.yaml': REPEATED_KEY_MANIFEST, 'rules.json': SYNTAX_AS_WARNING });
  const base = ['lint', ...NOW, '--config', 'rules.json', 'warned.yaml'];

  const unlimited = runCli(base, { cwd });
  assert.equal(unlimited.status, 0);
  assert.match(unlimited.stdout, /1 problem \(0 errors, 1 warning, 0 infos\)/);

  const atTheLimit = runCli([...base, '--max-warnings', '1'], { cwd });
  assert.equal(atTheLimit.status, 0);
  assert.equal(atTheLimit.stderr, '');

  const overTheLimit = runCli([...base, '--max-warnings', '0'], { cwd });
  assert.equal(overTheLimit.status, 1);
  assert.equal(
    overTheLimit.stderr,
    'renew-revocation: error: too many warnings: 1, more than the maximum of 0 (--max-warnings)\n',
  );
});

test('a value that looks like an option: what was seen and how to write it, exit 2', () => {
  const cwd = tempFolder({ 'clean.yaml': CLEAN_MANIFEST });
  const dashed = runCli(['lint', '--max-warnings', '-1', 'clean.yaml'], { cwd });
  assert.equal(dashed.status, 2);
  assert.equal(dashed.stdout, '');
  assert.match(
    dashed.stderr,
    /^renew-revocation: error: option '--max-warnings' needs a value, and '-1' looks like an option; to pass it as the value, write --max-warnings=-1\n/,
  );
  const written = runCli(['lint', '--max-warnings=-1', 'clean.yaml'], { cwd });
  assert.equal(written.status, 2);
  assert.match(
    written.stderr,
    /^renew-revocation: error: --max-warnings expects a whole number of 0 or more; found '-1'\n/,
  );
});

test('a missing path exits 2, says so clearly, and the other files are still linted', () => {
  const cwd = tempFolder({ 'broken.yaml': REPEATED_KEY_MANIFEST });
  const run = runCli(['lint', ...NOW, 'missing.yaml', 'broken.yaml'], { cwd });
  assert.equal(run.status, 2, '2 wins over the 1 of the error in broken.yaml');
  assert.equal(run.stderr, "renew-revocation: error: cannot read 'missing.yaml': no such file or folder\n");
  assert.match(run.stdout, /^broken\.yaml\n {2}8:3 {2}error {2}YAML syntax: Map keys must be unique {2}yaml-syntax\n/);
  assert.doesNotMatch(run.stderr, STACK_FRAME);
});

test('a missing path alone prints no misleading "0 problems"', () => {
  const cwd = tempFolder({});
  const run = runCli(['lint', 'nowhere'], { cwd });
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, "renew-revocation: error: cannot read 'nowhere': no such file or folder\n");
});

test('usage errors exit 2 with a short message and a pointer to the help, no stack', () => {
  const cwd = tempFolder({ 'clean.yaml': CLEAN_MANIFEST });
  const cases: [string[], string][] = [
    [['lint', '--frobnicate', 'clean.yaml'], "unknown option '--frobnicate'"],
    [['lint', '--format', 'xml', 'clean.yaml'], "--format must be one of text, json, sarif; found 'xml'"],
    [
      ['lint', '--now', 'yesterday', 'clean.yaml'],
      "--now expects an ISO date-time such as 2026-01-31T12:00:00Z; found 'yesterday'",
    ],
    [
      ['lint', '--now', '2026-02-30T00:00:00Z', 'clean.yaml'],
      "--now expects an ISO date-time such as 2026-01-31T12:00:00Z; found '2026-02-30T00:00:00Z'",
    ],
    [
      ['lint', '--now', '2026-01-15T10:00:00', 'clean.yaml'],
      "--now needs a time zone: add Z (UTC) or an offset such as +02:00 to '2026-01-15T10:00:00'",
    ],
    [
      ['lint', '--max-warnings', 'many', 'clean.yaml'],
      "--max-warnings expects a whole number of 0 or more; found 'many'",
    ],
    [['lint'], 'lint needs at least one file or folder to check'],
  ];
  for (const [args, message] of cases) {
    const run = runCli(args, { cwd });
    assert.equal(run.status, 2, args.join(' '));
    assert.equal(run.stdout, '', args.join(' '));
    assert.equal(
      run.stderr,
      `renew-revocation: error: ${message}\nRun 'renew-revocation lint --help' for usage.\n`,
      args.join(' '),
    );
  }
});

test('--now accepts a date alone and a date-time with an offset', () => {
  const cwd = tempFolder({ 'clean.yaml': CLEAN_MANIFEST });
  assert.equal(runCli(['lint', '--now', '2026-01-15', 'clean.yaml'], { cwd }).status, 0);
  assert.equal(runCli(['lint', '--now', '2026-01-15T10:00:00.5+02:00', 'clean.yaml'], { cwd }).status, 0);
});

test('a bad --config exits 2 with the reason, before linting anything', () => {
  const cwd = tempFolder({
    'broken.yaml': REPEATED_KEY_MANIFEST,
    'not-json.json': '{ "yaml-syntax": ',
    'unknown-code.json': JSON.stringify({ 'no-such-code': 'off' }),
    'bad-severity.json': JSON.stringify({ 'missing-not-before': 'fatal' }),
    'array.json': '[]',
  });
  const cases: [string, RegExp][] = [
    ['not-json.json', /^renew-revocation: error: config file 'not-json\.json' is not valid JSON: .+\n$/],
    [
      'unknown-code.json',
      /^renew-revocation: error: config file 'unknown-code\.json': unknown diagnostic code `no-such-code`\n$/,
    ],
    [
      'bad-severity.json',
      /^renew-revocation: error: config file 'bad-severity\.json': severity of `missing-not-before` must be one of error, warning, information, hint, off; found `fatal`\n$/,
    ],
    [
      'array.json',
      /^renew-revocation: error: config file 'array\.json': rules must be an object mapping a diagnostic code to error, warning, information, hint or off\n$/,
    ],
    ['absent.json', /^renew-revocation: error: cannot read the config file 'absent\.json': no such file or folder\n$/],
  ];
  for (const [config, stderr] of cases) {
    const run = runCli(['lint', ...NOW, '--config', config, 'broken.yaml'], { cwd });
    assert.equal(run.status, 2, config);
    assert.equal(run.stdout, '', config);
    assert.match(run.stderr, stderr, config);
  }
});

test('--config turns a code off (exit 1 → 0) or raises it to an error (exit 0 → 1)', () => {
  // 5 MiB + 1 byte: over the default limit, so the file gets the file-too-large information.
  const big = `# ${'x'.repeat(5 * 1024 * 1024 - 1)}`;
  const cwd = tempFolder({
    'broken.yaml': REPEATED_KEY_MANIFEST,
    'big.yaml': big,
    'syntax-off.json': JSON.stringify({ 'yaml-syntax': 'off' }),
    'large-is-error.json': JSON.stringify({ 'file-too-large': 'error' }),
  });
  assert.equal(runCli(['lint', ...NOW, 'broken.yaml'], { cwd }).status, 1);
  const off = runCli(['lint', ...NOW, '--config', 'syntax-off.json', 'broken.yaml'], { cwd });
  assert.equal(off.status, 0);
  assert.equal(off.stdout, '0 problems (0 errors, 0 warnings, 0 infos)\n');

  const information = runCli(['lint', ...NOW, 'big.yaml'], { cwd });
  assert.equal(information.status, 0);
  assert.match(
    information.stdout,
    /^big\.yaml\n {2}1:1 {2}info {2}This file is 5 MiB, larger than the limit of 5 MiB .+ {2}file-too-large\n/,
  );
  assert.match(information.stdout, /1 problem \(0 errors, 0 warnings, 1 info\)\n$/);
  const raised = runCli(['lint', ...NOW, '--config', 'large-is-error.json', 'big.yaml'], { cwd });
  assert.equal(raised.status, 1);
  assert.match(raised.stdout, / {2}1:1 {2}error {2}This file is/);
});

test('--config raising missing-not-before to error fails a manifest that only warned', () => {
  const groupWithoutNotBefore = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: one-group
  namespace: kube-system
spec:
  revocations:
  - kind: Group
    group: team-a
`;
  const cwd = tempFolder({
    'group.yaml': groupWithoutNotBefore,
    'strict.json': JSON.stringify({ 'missing-not-before': 'error' }),
  });
  const warned = runCli(['lint', ...NOW, '--format', 'json', 'group.yaml'], { cwd });
  assert.equal(warned.status, 0);
  assert.deepEqual(
    JSON.parse(warned.stdout).map((record: { code: string; severity: string }) => [record.code, record.severity]),
    [['missing-not-before', 'warning']],
  );
  const failed = runCli(['lint', ...NOW, '--format', 'json', '--config', 'strict.json', 'group.yaml'], { cwd });
  assert.equal(failed.status, 1);
  assert.deepEqual(
    JSON.parse(failed.stdout).map((record: { code: string; severity: string }) => [record.code, record.severity]),
    [['missing-not-before', 'error']],
  );
});

test('the repeated key message is the one the formats tests expect', () => {
  const cwd = tempFolder({ 'broken.yaml': REPEATED_KEY_MANIFEST });
  assert.match(runCli(['lint', ...NOW, 'broken.yaml'], { cwd }).stdout, new RegExp(REPEATED_KEY_MESSAGE));
});
