// Settings over the protocol: `renewRevocation.rules` asked per document through
// workspace/configuration, or pushed with didChangeConfiguration; a change re-validates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DiagnosticSeverity,
  DocumentDiagnosticRequest,
  HoverRequest,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { fileUri, readRepoFile, startForTest } from './lspClient';

const DOCUMENTED = readRepoFile('examples/documented.yaml');
const DOCUMENTED_URI = fileUri('examples/documented.yaml');

const codesAndSeverities = (diagnostics: { code?: unknown; severity?: number }[]) =>
  diagnostics.map((d) => `${String(d.code)}:${d.severity}`).sort();

test('rules from workspace/configuration, asked for the document, raise one code to error and turn another off', async (t) => {
  const client = await startForTest(t, {
    configuration: true,
    settings: { rules: { 'missing-not-before': 'error', 'broad-revocation': 'off' } },
  });
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const published = await client.waitForDiagnostics(DOCUMENTED_URI);
  assert.deepEqual(
    codesAndSeverities(published.diagnostics),
    Array(4).fill(`missing-not-before:${DiagnosticSeverity.Error}`),
  );
  // The certificate inventory asks for its own settings too (without a document): find the document's request.
  const asked = client.configurationRequests.find((items) => items.some((item) => item.scopeUri === DOCUMENTED_URI));
  assert.deepEqual(asked, [{ scopeUri: DOCUMENTED_URI, section: 'renewRevocation' }]);
});

test('a configuration change re-reads the settings and publishes the open documents again', async (t) => {
  const client = await startForTest(t, { configuration: true, settings: {} });
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const before = await client.waitForDiagnostics(DOCUMENTED_URI);
  assert.equal(before.diagnostics.length, 5);
  const from = client.published.length;
  client.settings = { rules: { 'missing-not-before': 'off', 'broad-revocation': 'hint' } };
  await client.changeConfiguration(null);
  const after = await client.waitForDiagnostics(DOCUMENTED_URI, () => true, from);
  assert.deepEqual(codesAndSeverities(after.diagnostics), [`broad-revocation:${DiagnosticSeverity.Hint}`]);
  assert.equal(after.version, 1);
});

test('a client without workspace/configuration pushes its settings with didChangeConfiguration', async (t) => {
  const client = await startForTest(t);
  await client.changeConfiguration({ renewRevocation: { rules: { 'missing-not-before': 'information' } } });
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const published = await client.waitForDiagnostics(DOCUMENTED_URI);
  assert.deepEqual(codesAndSeverities(published.diagnostics), [
    `broad-revocation:${DiagnosticSeverity.Warning}`,
    ...Array(4).fill(`missing-not-before:${DiagnosticSeverity.Information}`),
  ]);
  assert.equal(client.configurationRequests.length, 0);
});

test('mistakes in renewRevocation.rules are logged once and the valid entries still apply', async (t) => {
  const client = await startForTest(t, {
    configuration: true,
    settings: {
      rules: { 'missing-not-before': 'off', 'no-such-code': 'error', 'broad-revocation': 'loud' },
      maxFileSize: -1,
    },
  });
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  await client.open(fileUri('second.yaml'), DOCUMENTED);
  const published = await client.waitForDiagnostics(DOCUMENTED_URI);
  assert.deepEqual(codesAndSeverities(published.diagnostics), [`broad-revocation:${DiagnosticSeverity.Warning}`]);
  await client.waitForDiagnostics(fileUri('second.yaml'));
  const warnings = client.logs.filter((log) => log.type === 2).map((log) => log.message);
  assert.deepEqual(warnings.sort(), [
    'renewRevocation.maxFileSize must be a number of at least 0; found -1; using 5242880',
    'renewRevocation.rules: severity of `broad-revocation` must be one of error, warning, information, hint, off; found `loud`; this entry is ignored',
    'renewRevocation.rules: unknown diagnostic code `no-such-code`; this entry is ignored',
  ]);
});

test('a client that registers dynamically is asked to send configuration changes of the renewRevocation section and files.exclude', async (t) => {
  const client = await startForTest(t, { configuration: true, configurationRegistration: true });
  const registration = await client.waitFor('the registration', () => client.registrations[0]);
  assert.equal(registration.method, 'workspace/didChangeConfiguration');
  assert.deepEqual(registration.registerOptions, { section: ['renewRevocation', 'files.exclude'] });
});

test('with pull diagnostics a configuration change asks the client to pull again, and the pull has the new severities', async (t) => {
  const client = await startForTest(t, { pullDiagnostics: true, configuration: true, settings: {} });
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const first = await client.request<DocumentDiagnosticReport>(DocumentDiagnosticRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
  });
  assert.equal(first.kind === 'full' && first.items.length, 5);
  client.settings = { rules: { 'missing-not-before': 'error', 'broad-revocation': 'off' } };
  await client.changeConfiguration(null);
  await client.waitFor('a diagnostic refresh request', () => client.refreshRequests > 0);
  const second = await client.request<DocumentDiagnosticReport>(DocumentDiagnosticRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
    previousResultId: first.resultId,
  });
  assert.equal(second.kind, 'full');
  assert.deepEqual(
    second.kind === 'full' && codesAndSeverities(second.items),
    Array(4).fill(`missing-not-before:${DiagnosticSeverity.Error}`),
  );
});

test('a document over renewRevocation.maxFileSize gets only file-too-large, and no hover, until the limit is raised', async (t) => {
  const client = await startForTest(t, { configuration: true, settings: { maxFileSize: 100 } });
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const published = await client.waitForDiagnostics(DOCUMENTED_URI);
  assert.deepEqual(
    published.diagnostics.map((d) => ({ code: d.code, range: d.range, severity: d.severity })),
    [
      {
        code: 'file-too-large',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
      },
    ],
  );
  assert.match(
    published.diagnostics[0].message as string,
    new RegExp(
      `^This file is ${Buffer.byteLength(DOCUMENTED)} bytes, larger than the limit of 100 bytes \\(renewRevocation\\.maxFileSize\\)`,
    ),
  );
  const serial = { line: 11, character: 20 };
  assert.equal(
    await client.request(HoverRequest.method, { textDocument: { uri: DOCUMENTED_URI }, position: serial }),
    null,
  );

  const from = client.published.length;
  client.settings = {};
  await client.changeConfiguration(null);
  const analysed = await client.waitForDiagnostics(DOCUMENTED_URI, () => true, from);
  assert.equal(analysed.diagnostics.length, 5);
  assert.notEqual(
    await client.request(HoverRequest.method, { textDocument: { uri: DOCUMENTED_URI }, position: serial }),
    null,
  );
});
