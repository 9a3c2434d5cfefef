// The architecture's import rules (docs/ARCHITECTURE.md), checked by `npm run lint` (part of
// `npm test`): a forbidden import or an import cycle fails the build. Type-only imports count:
// a cycle of types is still two modules that cannot be read apart.

/** The pure language service, bottom first (folders and files of server/src/service/). */
const serviceLayers = [
  { name: 'foundations', parts: ['text/', 'values/', 'types.ts', 'codes.ts', 'settings.ts', 'generated/'] },
  { name: 'model', parts: ['manifest/'] },
  { name: 'parse', parts: ['parse/'] },
  { name: 'readers', parts: ['x509/', 'inventory/', 'rules/', 'match/'] },
  { name: 'features', parts: ['features/', 'preview/'] },
  { name: 'service entry', parts: ['languageService.ts', 'index.ts'] },
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const servicePaths = (parts) => `^server/src/service/(${parts.map(escapeRegExp).join('|')})`;

const layerRules = serviceLayers.slice(0, -1).map((layer, index) => ({
  name: `service-layer-${layer.name.replace(/ /g, '-')}`,
  comment: `The ${layer.name} layer of the service imports only from its own layer and the layers below it.`,
  severity: 'error',
  from: { path: servicePaths(layer.parts) },
  to: { path: servicePaths(serviceLayers.slice(index + 1).flatMap((upper) => upper.parts)) },
}));

const hosts = '^(server/src/(cli|lsp|node|browser|protocol)/|server/src/server\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'No import cycle, type-only ones included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'hosts-use-the-service-index',
      comment:
        'The CLI, the LSP server, the Node and browser runtimes and the protocol module use the language service only through server/src/service/index.ts.',
      severity: 'error',
      from: { path: hosts },
      to: { path: '^server/src/service/', pathNot: '^server/src/service/index\\.ts$' },
    },
    {
      name: 'bench-uses-the-service-index',
      comment:
        'The bench too, except the compiled schema validator: the floor it measures us against is yaml plus that validator alone.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^server/src/service/', pathNot: '^server/src/service/(index\\.ts|generated/)' },
    },
    {
      name: 'service-knows-no-host',
      comment: 'The language service imports no host: not the CLI, the LSP server, the Node runtime or the client.',
      severity: 'error',
      from: { path: '^server/src/service/' },
      to: { path: '^(server/src/(cli|lsp|node|browser|protocol)/|server/src/server\\.ts$|client/)' },
    },
    {
      name: 'service-has-no-io',
      comment:
        'The language service has no Node built-in dependency: it runs in the CLI, the Node server and a browser worker alike.',
      severity: 'error',
      from: { path: '^server/src/service/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'service-has-no-editor',
      comment: 'The language service depends on no editor or LSP library.',
      severity: 'error',
      from: { path: '^server/src/service/' },
      to: { path: '(^|/)(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(/|$)' },
    },
    {
      name: 'browser-host-has-no-node',
      comment:
        'The browser host (the web worker server and the browser client) runs in a browser: no Node built-in, no Node host, no Node build of an LSP library.',
      severity: 'error',
      from: { path: '^(server|client)/src/browser/' },
      to: {
        dependencyTypesNot: ['type-only'],
        path: '^server/src/(node|cli)/|(^|/)vscode-language(server|client)/node|^client/src/extension\\.ts$',
      },
    },
    {
      name: 'server-wiring-has-no-node',
      comment:
        'The LSP server (server.ts, lsp/) and the protocol module run in the Node and the browser hosts alike: no Node host, no Node build of the LSP server library.',
      severity: 'error',
      from: { path: '^(server/src/(lsp|protocol)/|server/src/server\\.ts$)' },
      to: { path: '^server/src/(node|cli|browser)/|(^|/)vscode-languageserver/node' },
    },
    {
      name: 'browser-code-has-no-node-builtin',
      comment:
        'What runs in the browser web worker as well as on Node (the client, the LSP server, the protocol module, the browser host) imports no Node built-in: web APIs instead (client/src/bytes.ts, server/src/lsp/base64Bytes.ts).',
      severity: 'error',
      from: { path: '^(client/src/|server/src/(lsp|protocol|browser)/|server/src/server\\.ts$)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'client-shares-the-node-lsp-client-only-in-the-node-entry',
      comment:
        'Only client/src/extension.ts uses vscode-languageclient/node; the shared client code uses its common API.',
      severity: 'error',
      from: { path: '^client/src/', pathNot: '^client/src/extension\\.ts$' },
      to: { path: '(^|/)vscode-languageclient/node' },
    },
    {
      name: 'client-shares-only-the-protocol',
      comment:
        "The VS Code client shares only the protocol module (server/src/protocol/) with the server, and the preview report formatters (server/src/service/preview/index.ts), so that an export from the editor reads exactly like the CLI's.",
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/src/', pathNot: '^server/src/(protocol/|service/preview/index\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(out|dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
  },
};
