// Code lint: ESLint's and typescript-eslint's recommended rules. The architecture's import rules
// (layers, boundaries, no cycles) are dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'server/src/service/generated/**',
      '.vscode-test/**',
      'bench/results/**',
      'bench/.cache/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Terminal escapes and the control characters of certificate names are what some of this
      // code reads and writes, on purpose.
      'no-control-regex': 'off',
      // One import statement per module (type-only imports may stand apart).
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      // A leading underscore marks a parameter or element that must be there but is not read.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The product's sources get the type-aware rules too (floating promises, unsafe any, unbound
    // methods); the tests and scripts get the syntactic ones, which is where the cost is worth it.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Values read from YAML and thrown errors are shown as String() shows them, on purpose.
      '@typescript-eslint/no-base-to-string': 'off',
      // An async function that does not await still returns a promise, which its interface wants.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Code that runs in the browser's web worker as well as on Node (the client, the LSP server,
    // the service, the browser host): Node's globals are not there. Web APIs instead
    // (client/src/bytes.ts, server/src/lsp/base64Bytes.ts, the runtime's timer).
    files: ['client/src/**/*.ts', 'server/src/{browser,lsp,protocol,service}/**/*.ts', 'server/src/server.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Buffer', 'process', 'setImmediate', 'clearImmediate', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: `${name} is Node's: this code runs in a browser web worker too.`,
        })),
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The preview webview's script runs in the webview, a browser page.
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
  {
    files: ['test/editor/**/*.mjs', 'test/ui/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
