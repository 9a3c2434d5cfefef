// Runs the extension-host tests (test/editor/suite, the @vscode/test-electron style) inside a
// real VS Code: code-server with the packaged .vsix installed, its workbench opened in headless
// Chromium with VS Code's smoke-test driver, which starts the tests and reports their exit code
// through window.codeAutomationExit. Then the restricted-mode tests (test/editor/restricted) the
// same way, in a window of their own: workspace trust on, a workspace no one trusted. Then the
// suite once more in the browser's web-worker extension host (webWorkerRun.mjs).
import { join } from 'node:path';
import { format } from 'node:util';
import { launchChromium, root, startCodeServer } from './codeServer.mjs';
import { editorWorkspaceFiles } from './editorWorkspace.mjs';
import { restrictedWorkspaceOptions } from './restrictedWorkspace.mjs';
import { webWorkerRun } from './webWorkerRun.mjs';

const TIMEOUT_MS = Number(process.env.EDITOR_TEST_TIMEOUT_MS ?? 300_000);
const started = Date.now();
const runs = [
  { name: 'editor tests', suite: 'suite', options: { extraFiles: editorWorkspaceFiles } },
  { name: 'restricted-mode editor tests', suite: 'restricted', options: restrictedWorkspaceOptions },
  webWorkerRun,
];
const only = process.env.EDITOR_TEST_RUNS?.split(',');
let exitCode = 0;
for (const run of runs) {
  if (only && !only.includes(run.suite)) continue;
  const code = await runSuite(run);
  console.log(`${run.name} ${code === 0 ? 'passed' : 'FAILED'}`);
  if (code !== 0) exitCode = code;
}
console.log(`editor tests ${exitCode === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(exitCode);

/** One code-server window running the tests of out/test/editor/<suite>/index.js; its exit code. */
async function runSuite({
  name,
  suite,
  options,
  testsPath = () => join(root, 'out', 'test', 'editor', suite, 'index.js'),
}) {
  const server = await startCodeServer({ smokeTestDriver: true, ...options });
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const finished = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    // The extension host's console (mocha's spec reporter among it) arrives in the page's console,
    // formatted for devtools (`%c INFO  %s text`): print it as plain text.
    page.on('console', (message) => {
      formatConsole(message).then(
        (text) => {
          if (text !== undefined) console.log(text);
        },
        () => {},
      );
    });
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(server.extensionDir)],
      ['extensionTestsPath', remote(testsPath(server))],
    ]);
    const url = `${server.url}/?folder=${encodeURIComponent(server.dirs.workspace)}&payload=${encodeURIComponent(payload)}`;
    await page.goto(url);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS));
    const result = await Promise.race([finished, timeout]);
    if (result !== 'timeout') return result;
    console.error(`${name} did not finish within ${TIMEOUT_MS} ms`);
    console.error(server.log.join('').slice(-4000));
    return 1;
  } finally {
    await browser?.close();
    server.stop();
  }
}

/** `%c INFO`, its CSS, then the original console.log arguments: format those like Node would. */
async function formatConsole(message) {
  const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '')));
  if (typeof values[0] !== 'string' || !values[0].startsWith('%c')) return undefined;
  const rest = values.slice(2);
  if (rest.length === 0) return undefined;
  const text = format(...rest);
  if (/^(Resolved connection token|Creating a socket|\[.*?\] )/.test(text)) return undefined;
  return text;
}
