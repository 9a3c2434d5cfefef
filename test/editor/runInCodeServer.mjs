// Runs the extension-host tests (test/editor/suite, the @vscode/test-electron style) inside a
// real VS Code: code-server with the packaged .vsix installed, its workbench opened in headless
// Chromium with VS Code's smoke-test driver, which starts the tests and reports their exit code
// through window.codeAutomationExit. Then the restricted-mode tests (test/editor/restricted) the
// same way, in a window of their own: workspace trust on, a workspace no one trusted. Then the
// suite once more in the browser's web-worker extension host (webWorkerRun.mjs), and a UI check
// of that host (test/ui/webWorkerCheck.mjs). EDITOR_TEST_RUNS=suite,restricted,web,web-ui picks some.
import { editorWorkspaceFiles } from './editorWorkspace.mjs';
import { runSuite } from './extensionHostRun.mjs';
import { restrictedWorkspaceOptions } from './restrictedWorkspace.mjs';
import { runWebWorkerUiCheck } from '../ui/webWorkerCheck.mjs';
import { webWorkerRun } from './webWorkerRun.mjs';

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
if (!only || only.includes('web-ui')) {
  const code = await runWebWorkerUiCheck();
  console.log(`web-worker UI check ${code === 0 ? 'passed' : 'FAILED'}`);
  if (code !== 0) exitCode = code;
}
console.log(`editor tests ${exitCode === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(exitCode);
