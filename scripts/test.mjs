// Runs every built test file (out/test/**/*.test.js) with Node's own test runner.
// Arguments narrow the run to files whose path contains one of them: `node scripts/test.mjs rules`.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const passThrough = process.argv.slice(2).filter((arg) => arg.startsWith('--'));

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.js')) found.push(path);
  }
  return found;
}

// The editor tests run inside VS Code (npm run test:editor), not under node --test.
const files = findTests(join(root, 'out/test'))
  .filter((path) => !path.includes(`${join('out', 'test', 'editor')}`) && !path.includes(join('out', 'test', 'ui')))
  .filter((path) => filters.length === 0 || filters.some((filter) => path.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error('no test files found; run `npm run build` first');
  process.exit(1);
}
// A test file whose tests have all finished exits even if a handle is left open (a child's pipe
// under load once kept a protocol test's process alive for half an hour), and no single test may
// run longer than ten minutes: CI gets a failure to read instead of a run that never ends.
const guards = ['--test-force-exit', '--test-timeout=600000'];
const child = spawn(process.execPath, ['--test', '--enable-source-maps', ...guards, ...passThrough, ...files], {
  stdio: ['inherit', 'pipe', 'inherit'],
  cwd: root,
});
// The report is passed on as it comes, and read: every test that started must have reported a
// result. A test file's process once ended in the middle of a test (under load, in CI) and the
// run still said "fail 0" with 19 tests fewer; that is a failure, and named.
const started = [];
const reported = [];
let pending = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  pending += chunk.toString('utf8');
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const subtest = /^# Subtest: (.*)$/.exec(line);
    if (subtest) started.push(subtest[1]);
    const result = /^(?:not )?ok \d+ - (.*?)(?: # (?:SKIP|TODO).*)?$/.exec(line);
    if (result) reported.push(result[1]);
  }
});
child.on('close', (code) => {
  const unreported = [...started];
  for (const name of reported) {
    const at = unreported.indexOf(name);
    if (at >= 0) unreported.splice(at, 1);
  }
  if (unreported.length > 0) {
    console.error(`\n${unreported.length} test(s) started and never reported a result (their file ended early):`);
    for (const name of unreported) console.error(`  ${name}`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
