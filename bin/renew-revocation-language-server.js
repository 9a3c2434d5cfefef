#!/usr/bin/env node
// The language server alone, for any LSP client: `renew-revocation-language-server --stdio`.
require('../dist/server.js');
