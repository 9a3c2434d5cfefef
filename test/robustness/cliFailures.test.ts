// Every subcommand of the command line with failing input: missing and unreadable paths, bad
// option values, wrong arguments, files that are not what they should be. Each answers exit 2 and
// one `renew-revocation: error: …` line saying what is wrong, never a stack trace; with --debug
// the same error comes with its stack (where the error is an exception).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempFolder } from '../cli/cliHarness';
import { STACK_FRAME } from './answers';
import { garbage } from './hostileCorpus';
import { findRoot } from './repoRoot';

const folder = tempFolder({
  'm.yaml': readFileSync(join(findRoot(), 'examples', 'documented.yaml')),
  'c.crt': readFileSync(join(findRoot(), 'test', 'fixtures', 'pki', 'leaf-server.crt')),
  'bad.json': '{bad',
  'unknown.json': '{"nope": "error"}',
  'cm.yaml': 'kind: ConfigMap\n',
  'g.yaml': garbage(3000, 5),
  'empty/.keep': '',
});

/** Arguments, what the error line says, and whether --debug shows a stack for it. */
const CASES: Array<[string[], RegExp, boolean]> = [
  [['lint', 'missing.yaml'], /cannot read 'missing\.yaml': no such file or folder/, true],
  [['lint', '--format', 'xml', 'm.yaml'], /--format must be one of text, json, sarif; found 'xml'/, true],
  [['lint', '--config', 'absent.json', 'm.yaml'], /cannot read the config file 'absent\.json'/, true],
  [['lint', '--config', 'bad.json', 'm.yaml'], /config file 'bad\.json' is not valid JSON/, true],
  [['lint', '--config', 'unknown.json', 'm.yaml'], /unknown diagnostic code `nope`/, false],
  [['lint', '--max-warnings', 'abc', 'm.yaml'], /--max-warnings expects a whole number/, true],
  [['lint', '--now', 'nonsense', 'm.yaml'], /--now expects an ISO date-time/, true],
  [['lint', 'm.yaml', '--certs', 'missing.pem'], /cannot read 'missing\.pem'/, true],
  [
    ['lint', '--certs', 'missing.pem', 'm.yaml'],
    /lint needs the files or folders to check, and --certs took 'missing\.pem', 'm\.yaml'/,
    true,
  ],
  [['lint', 'cm.yaml'], /no RenewRevocation manifest found in 'cm\.yaml'/, false],
  [['lint', '-', '-'], /standard input can be read only once/, true],
  [['lint', '-'], /cannot read '<stdin>': it is empty/, true],
  [['lint', '--frob', 'm.yaml'], /unknown option '--frob'/, true],
  [['lint'], /lint needs at least one file or folder/, true],
  [['decode', 'missing.pem'], /cannot read 'missing\.pem'/, true],
  [['decode', '--format', 'csv', 'c.crt'], /--format must be one of text, json; found 'csv'/, true],
  [['decode', '--now', 'nonsense', 'c.crt'], /--now expects an ISO date-time/, true],
  [['decode'], /decode needs at least one file or folder/, true],
  [['preview'], /preview needs the manifest to preview/, true],
  [['preview', 'missing.yaml', '--certs', 'c.crt'], /cannot read 'missing\.yaml'/, true],
  [['preview', 'empty', '--certs', 'c.crt'], /cannot read 'empty': it is a folder/, true],
  [['preview', 'm.yaml'], /preview needs --certs PATH/, true],
  [['preview', 'm.yaml', '--certs', 'missing.pem'], /cannot read 'missing\.pem'/, true],
  [
    ['preview', 'm.yaml', '--certs', 'empty', '--fail-on', 'any'],
    /--fail-on any cannot pass on an empty inventory/,
    false,
  ],
  [
    ['preview', 'm.yaml', '--certs', 'c.crt', 'm.yaml'],
    /--certs took 'm\.yaml', which holds a RenewRevocation manifest/,
    true,
  ],
  [['decode', 'cm.yaml'], /no certificate, certificate request or key was found/, false],
  [
    ['preview', 'm.yaml', '--certs', 'c.crt', '--format', 'pdf'],
    /--format must be one of text, json, markdown, csv; found 'pdf'/,
    true,
  ],
  [['preview', 'm.yaml', '--certs', 'c.crt', '--fail-on', 'bogus'], /--fail-on takes ca, not-revocable, any/, true],
  [['preview', 'm.yaml', 'cm.yaml', '--certs', 'c.crt'], /preview takes one manifest/, true],
  [['preview', 'cm.yaml', '--certs', 'c.crt'], /'cm\.yaml' holds no RenewRevocation manifest/, false],
  [['preview', 'g.yaml', '--certs', 'c.crt'], /'g\.yaml' holds no RenewRevocation manifest/, false],
  [['frobnicate'], /unknown command 'frobnicate'/, true],
  [['--frob', 'lint', 'm.yaml'], /unknown option '--frob' before the command/, true],
  [['help', 'nonexistent'], /unknown command 'nonexistent'/, true],
];

for (const [args, says, stackWithDebug] of CASES) {
  test(`cli failure: renew-revocation ${args.join(' ')}`, () => {
    const plain = runCli(args, { cwd: folder });
    assert.equal(plain.status, 2, `${args.join(' ')}: ${plain.stderr}`);
    assert.match(plain.stderr, new RegExp(`^renew-revocation: error: .*${says.source}`, 'm'), plain.stderr);
    assert.doesNotMatch(plain.stdout + plain.stderr, STACK_FRAME, 'no stack trace without --debug');
    const debug = runCli([...args, '--debug'], { cwd: folder });
    assert.equal(debug.status, 2);
    assert.match(debug.stderr, says);
    if (stackWithDebug) assert.match(debug.stderr, STACK_FRAME, 'the stack trace with --debug');
  });
}
