// The pre-commit hook (.pre-commit-hooks.yaml) for real: the working tree committed into a
// throwaway hook repository (so uncommitted changes are what is tested), a throwaway project whose
// .pre-commit-config.yaml uses that repository at that commit, and `git commit` in the project.
// pre-commit installs the hook as for any node hook: npm install in its clone, npm pack (our
// prepack build), npm install -g of the tarball into its own environment; offline here, from the
// npm cache `npm ci` filled. Needs the `pre-commit` command (.ci/run installs Debian's).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LEAKED_LINT_TEXT, LEAKED_MANIFEST } from './leakedManifest';
import { copyWorkingTree, npmEnv, ROOT } from './packedPackage';

const missing =
  spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0
    ? false
    : 'pre-commit is not installed (apt-get install pre-commit; .ci/run does): the pre-commit hook tests are skipped';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: strict\n';
/** A Helm template: YAML to pre-commit (types: [yaml]), not parseable as YAML until rendered. */
const HELM_TEMPLATE =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  replicas: {{ .Values.replicas }}\n  {{- if .Values.paused }}\n  paused: true\n  {{- end }}\n';

let folder = '';
let project = '';
let hookRevision = '';
let env: NodeJS.ProcessEnv = {};

function git(cwd: string, args: string[]) {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, env, encoding: 'utf8', timeout: 300_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function config(args?: string[]): string {
  return [
    'repos:',
    `  - repo: ${join(folder, 'hooks')}`,
    `    rev: ${hookRevision}`,
    '    hooks:',
    '      - id: renew-revocation-lint',
    ...(args ? [`        args: [${args.map((arg) => `'${arg}'`).join(', ')}]`] : []),
    '',
  ].join('\n');
}

/** Writes the files, stages them and commits: the hook runs on the staged YAML files. */
function commit(files: Record<string, string>, message: string) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
  assert.equal(git(project, ['add', ...Object.keys(files)]).status, 0);
  return git(project, ['commit', '-m', message]);
}

const commits = () => Number(git(project, ['rev-list', '--count', '--all']).output.trim() || '0');

before(() => {
  if (missing) return;
  folder = mkdtempSync(join(tmpdir(), 'renew-revocation-pre-commit-'));
  env = npmEnv({ PRE_COMMIT_HOME: join(folder, 'pre-commit-home') });
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  const hooks = join(folder, 'hooks');
  copyWorkingTree(hooks);
  assert.equal(git(hooks, ['init', '-q']).status, 0);
  assert.equal(git(hooks, ['add', '-A']).status, 0);
  assert.equal(git(hooks, ['commit', '-q', '-m', 'the working tree under test']).status, 0);
  hookRevision = git(hooks, ['rev-parse', 'HEAD']).output.trim();
  project = join(folder, 'project');
  mkdirSync(project);
  assert.equal(git(project, ['init', '-q']).status, 0);
  writeFileSync(join(project, '.pre-commit-config.yaml'), config());
  const started = Date.now();
  const install = spawnSync('pre-commit', ['install', '--install-hooks'], {
    cwd: project,
    env,
    encoding: 'utf8',
    timeout: 600_000,
  });
  assert.equal(install.status, 0, `${install.stdout}${install.stderr}`);
  console.log(
    `pre-commit installed the hook's environment (npm install, npm pack, npm install -g) in ${Date.now() - started} ms`,
  );
});
after(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test('YAML files that hold no manifest (a ConfigMap, a Helm template) pass the hook', { skip: missing }, () => {
  const result = commit(
    { '.pre-commit-config.yaml': config(), 'configmap.yaml': CONFIG_MAP, 'deployment.yaml': HELM_TEMPLATE },
    'settings',
  );
  assert.equal(result.status, 0, result.output);
  assert.match(result.output, /^RenewRevocation manifests\.+Passed$/m);
});

test('a manifest with warnings only is committed', { skip: missing }, () => {
  const before = commits();
  const result = commit(
    { 'documented.yaml': readFileSync(join(ROOT, 'examples', 'documented.yaml'), 'utf8') },
    'the documented example',
  );
  assert.equal(result.status, 0, result.output);
  assert.match(result.output, /^RenewRevocation manifests\.+Passed$/m);
  assert.equal(commits(), before + 1);
});

test(
  'a manifest with an error is refused, and the output names the file, the place and the problem',
  { skip: missing },
  () => {
    const before = commits();
    const result = commit({ 'leaked.yaml': LEAKED_MANIFEST }, 'revoke the leaked certificate');
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /^RenewRevocation manifests\.+Failed$/m);
    assert.match(result.output, /^- hook id: renew-revocation-lint\n- exit code: 1$/m);
    assert.ok(result.output.includes(LEAKED_LINT_TEXT), result.output);
    assert.equal(commits(), before);
    assert.equal(git(project, ['reset', '-q', 'leaked.yaml']).status, 0);
  },
);

test('args reach the command: --max-warnings 0 refuses warnings, --format json prints JSON', { skip: missing }, () => {
  const before = commits();
  const warnings = LEAKED_MANIFEST.replace(
    '  - kind: serialnumber\n    notBefore: "2020-04-17T17:22:05Z"\n    serialNumber: zz-not-hex\n',
    '  - kind: DNS\n    dns: web.example.com\n',
  );
  const result = commit(
    { '.pre-commit-config.yaml': config(['--max-warnings', '0', '--format', 'json']), 'unbounded.yaml': warnings },
    'revoke without notBefore',
  );
  assert.equal(result.status, 1, result.output);
  assert.match(result.output, /"code": "missing-not-before"/);
  assert.match(result.output, /too many warnings: 1, more than the maximum of 0 \(--max-warnings\)/);
  assert.equal(commits(), before);
});
