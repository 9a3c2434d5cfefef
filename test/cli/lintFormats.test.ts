import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_CODES, CODES } from '../../server/src/service/codes';
import {
  CLEAN_MANIFEST,
  REPEATED_KEY_MANIFEST,
  REPEATED_KEY_MESSAGE,
  ROOT,
  runCli,
  SYNTAX_AS_WARNING,
  tempFolder,
} from './cliHarness';
import { sarifValidator } from './sarifValidator';

const NOW = ['--now', '2026-01-15T00:00:00Z'];

/** Two repeated keys: findings at 8:3 and 13:5, so the position column needs padding. */
const TWO_REPEATED_KEYS = REPEATED_KEY_MANIFEST.replace(
  '    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2\n',
  '    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2\n    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2\n',
);

test('text: grouped by file, aligned one-based line:col, severity, message, code, and a summary', () => {
  const cwd = tempFolder({
    'a.yaml': TWO_REPEATED_KEYS,
    'b.yaml': REPEATED_KEY_MANIFEST,
    'clean.yaml': CLEAN_MANIFEST,
  });
  const run = runCli(['lint', ...NOW, 'a.yaml', 'clean.yaml', 'b.yaml'], { cwd });
  assert.equal(
    run.stdout,
    [
      'a.yaml',
      `  8:3   error  ${REPEATED_KEY_MESSAGE}  yaml-syntax`,
      `  13:5  error  ${REPEATED_KEY_MESSAGE}  yaml-syntax`,
      '',
      'b.yaml',
      `  8:3  error  ${REPEATED_KEY_MESSAGE}  yaml-syntax`,
      '',
      '3 problems (3 errors, 0 warnings, 0 infos)',
      '',
    ].join('\n'),
  );
  assert.equal(run.status, 1);
});

test('text: colour only when asked for (FORCE_COLOR), never with NO_COLOR, never on a pipe', () => {
  const cwd = tempFolder({ 'b.yaml': REPEATED_KEY_MANIFEST });
  const piped = runCli(['lint', ...NOW, 'b.yaml'], { cwd });
  assert.doesNotMatch(piped.stdout, /\u001b\[/);
  const forced = runCli(['lint', ...NOW, 'b.yaml'], { cwd, env: { FORCE_COLOR: '1' } });
  assert.match(forced.stdout, /\u001b\[31merror\u001b\[39m/);
  assert.match(forced.stdout, /\u001b\[4mb\.yaml\u001b\[24m/);
  const noColour = runCli(['lint', ...NOW, 'b.yaml'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
  assert.equal(noColour.stdout, piped.stdout);
});

test('json: exact records with zero-based LSP ranges and the file as given', () => {
  const cwd = tempFolder({ 'sub/b.yaml': REPEATED_KEY_MANIFEST, 'clean.yaml': CLEAN_MANIFEST });
  const run = runCli(['lint', ...NOW, '--format', 'json', 'sub', 'clean.yaml'], { cwd });
  assert.equal(run.status, 1);
  assert.deepEqual(JSON.parse(run.stdout), [
    {
      file: join('sub', 'b.yaml'),
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
});

test('json: no findings is an empty array, severities follow --config', () => {
  const cwd = tempFolder({
    'clean.yaml': CLEAN_MANIFEST,
    'b.yaml': REPEATED_KEY_MANIFEST,
    'rules.json': SYNTAX_AS_WARNING,
  });
  const clean = runCli(['lint', ...NOW, '--format', 'json', 'clean.yaml'], { cwd });
  assert.deepEqual(JSON.parse(clean.stdout), []);
  const configured = runCli(['lint', ...NOW, '--format', 'json', '--config', 'rules.json', 'b.yaml'], { cwd });
  assert.equal(JSON.parse(configured.stdout)[0].severity, 'warning');
});

test('sarif: valid SARIF 2.1.0, one run, a rule per code, one-based regions, paths under %SRCROOT%', () => {
  const big = `# ${'x'.repeat(5 * 1024 * 1024)}`;
  const cwd = tempFolder({
    'nested/deeper/b.yaml': REPEATED_KEY_MANIFEST,
    'big.yaml': big,
    'space name.yaml': REPEATED_KEY_MANIFEST,
  });
  const run = runCli(['lint', ...NOW, '--format', 'sarif', 'nested', 'big.yaml', 'space name.yaml'], { cwd });
  assert.equal(run.status, 1);
  const log = JSON.parse(run.stdout);
  const validate = sarifValidator();
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));

  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const [sarifRun] = log.runs;
  const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(sarifRun.tool.driver.name, 'renew-revocation');
  assert.equal(sarifRun.tool.driver.version, packageJson.version);
  assert.deepEqual(
    sarifRun.tool.driver.rules.map((rule: { id: string; shortDescription: { text: string } }) => [
      rule.id,
      rule.shortDescription.text,
    ]),
    ALL_CODES.map((code) => [code, CODES[code].summary]),
  );
  // package.json has no homepage: no link is invented.
  assert.equal(packageJson.homepage, undefined);
  assert.ok(sarifRun.tool.driver.rules.every((rule: { helpUri?: string }) => rule.helpUri === undefined));

  assert.match(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.+\/$/);
  assert.deepEqual(
    sarifRun.results.map((result: { ruleId: string; level: string; locations: { physicalLocation: unknown }[] }) => [
      result.ruleId,
      result.level,
      result.locations[0].physicalLocation,
    ]),
    [
      [
        'yaml-syntax',
        'error',
        {
          artifactLocation: { uri: 'nested/deeper/b.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 8, startColumn: 3, endLine: 8, endColumn: 4 },
        },
      ],
      [
        'file-too-large',
        'note',
        {
          artifactLocation: { uri: 'big.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
        },
      ],
      [
        'yaml-syntax',
        'error',
        {
          artifactLocation: { uri: 'space%20name.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 8, startColumn: 3, endLine: 8, endColumn: 4 },
        },
      ],
    ],
  );
  assert.equal(sarifRun.results[0].message.text, REPEATED_KEY_MESSAGE);
  assert.equal(sarifRun.results[0].ruleIndex, ALL_CODES.indexOf('yaml-syntax'));
});

test('sarif: an unreadable path makes the run unsuccessful, with a notification, and exit 2', () => {
  const cwd = tempFolder({ 'b.yaml': REPEATED_KEY_MANIFEST });
  const run = runCli(['lint', ...NOW, '--format', 'sarif', 'b.yaml', 'missing.yaml'], { cwd });
  assert.equal(run.status, 2);
  const log = JSON.parse(run.stdout);
  const validate = sarifValidator();
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  const [invocation] = log.runs[0].invocations;
  assert.equal(invocation.executionSuccessful, false);
  assert.equal(invocation.exitCode, 2);
  assert.equal(
    invocation.toolExecutionNotifications[0].message.text,
    "cannot read 'missing.yaml': no such file or folder",
  );
  assert.equal(log.runs[0].results.length, 1);
  assert.equal(run.stderr, "renew-revocation: error: cannot read 'missing.yaml': no such file or folder\n");
});
