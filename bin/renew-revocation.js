#!/usr/bin/env node
// The command line, bundled by `npm run build` into dist/cli.js.
require('../dist/cli.js');
