#!/usr/bin/env node
// The command line, bundled by `npm run build` into dist/cli.js.
// `--debug` prints stack traces: point them at the TypeScript sources when the bundle has its map.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
try {
  require.resolve('../dist/cli.js');
} catch {
  process.stderr.write('renew-revocation: error: dist/cli.js is missing; run `npm run build` first\n');
  process.exit(2);
}
require('../dist/cli.js').runFromProcess();
