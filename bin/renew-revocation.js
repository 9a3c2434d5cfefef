#!/usr/bin/env node
// The command line, bundled by `npm run build` into dist/cli.js.
// `--debug` prints stack traces: point them at the TypeScript sources when the bundle has its map.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
require('../dist/cli.js');
