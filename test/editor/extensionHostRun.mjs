// One code-server window whose extension host runs an extension-tests file through VS Code's
// smoke-test driver (the @vscode/test-electron style): the file's `run()` result arrives through
// window.codeAutomationExit. The extension host's console is printed as plain text (or handed to
// `onConsole`). Shared by runInCodeServer.mjs and diagnosticsTiming.mjs.
import { join } from 'node:path';
import { format } from 'node:util';
import { launchChromium, root, startCodeServer } from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.EDITOR_TEST_TIMEOUT_MS ?? 300_000);

/** One code-server window running the tests of out/test/editor/<suite>/index.js; its exit code. */
export async function runSuite({
  name,
  suite,
  options,
  testsPath = () => join(root, 'out', 'test', 'editor', suite, 'index.js'),
  onConsole = (text) => console.log(text),
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
          if (text !== undefined) onConsole(text);
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
