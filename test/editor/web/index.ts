// The extension-host tests in the browser's web-worker extension host: the same test files as on
// Node (test/editor/suite), bundled for a worker (scripts/build-web-tests.mjs: mocha's browser
// build, and node:assert/strict answered by ./assert.ts). Left out: serverRestart.test.ts, which
// kills the server's Node process. The runner reports to the page's console, and `run()` resolves
// when every test passed, as the smoke-test driver expects.
import 'mocha/mocha.js';

/** Every file of test/editor/suite that applies in a web worker (required after mocha's set-up defines suite and test). */
function loadTests(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('../suite/certificateHover.test');
  require('../suite/codeLens.test');
  require('../suite/completion.test');
  require('../suite/decodeCommand.test');
  require('../suite/diagnostics.test');
  require('../suite/hover.test');
  require('../suite/lists.test');
  require('../suite/newManifest.test');
  require('../suite/preview.test');
  require('../suite/previewResult.test');
  require('../suite/quickFix.test');
  require('../suite/symbols.test');
  require('./webWorkerHost.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export function run(): Promise<void> {
  mocha.setup({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  loadTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}
