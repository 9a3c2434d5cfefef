// Diagnostics over the protocol: pushed on open and after edits (never for a stale version),
// pulled when the client asks for pull, both with the same content.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DocumentDiagnosticRequest,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { fileUri, rangeOf, readRepoFile, startForTest } from './lspClient';

const DOCUMENTED = readRepoFile('examples/documented.yaml');
const DOCUMENTED_URI = fileUri('examples/documented.yaml');
const VALID =
  'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: valid\nspec:\n  revocations:\n  - kind: serialnumber\n    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2\n';

/** What a user reads in the Problems panel: code, range, severity, source. */
function summary(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => ({ code: d.code, range: d.range, severity: d.severity, source: d.source }));
}

/** The four missing-not-before and the one broad-revocation of the documented example, on their value fields. */
function documentedExpectation() {
  const warning = (code: string, needle: string) => ({
    code,
    range: rangeOf(DOCUMENTED, needle),
    severity: DiagnosticSeverity.Warning,
    source: 'renew-revocation',
  });
  return [
    warning('missing-not-before', 'system:nodes'),
    warning('broad-revocation', 'system:nodes'),
    warning('missing-not-before', 'kubernetes.default.svc.'),
    warning('missing-not-before', '.cluster.local'),
    warning('missing-not-before', '170.63.128.124'),
  ];
}

const byPosition = (a: { code: unknown; range: { start: { line: number; character: number } } }, b: typeof a) =>
  a.range.start.line - b.range.start.line ||
  a.range.start.character - b.range.start.character ||
  String(a.code).localeCompare(String(b.code));

test('opening the documented example publishes its four missing-not-before and one broad-revocation, on the value fields', async (t) => {
  const client = await startForTest(t);
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const published = await client.waitForDiagnostics(DOCUMENTED_URI);
  assert.equal(published.version, 1);
  assert.deepEqual(summary(published.diagnostics).sort(byPosition), documentedExpectation().sort(byPosition));
  const groupWarning = published.diagnostics.find((d) => d.code === 'missing-not-before')!;
  assert.equal(typeof groupWarning.message, 'string');
  assert.match(groupWarning.message as string, /system:nodes/);
  // No homepage in package.json: no codeDescription link.
  assert.ok(published.diagnostics.every((d) => d.codeDescription === undefined));
});

test("a homepage given in initializationOptions becomes each diagnostic's codeDescription", async (t) => {
  const client = await startForTest(t, { initializationOptions: { homepage: 'https://example.org/renew-revocation' } });
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const published = await client.waitForDiagnostics(DOCUMENTED_URI);
  assert.ok(published.diagnostics.length > 0);
  for (const diagnostic of published.diagnostics) {
    assert.deepEqual(diagnostic.codeDescription, { href: `https://example.org/renew-revocation#${diagnostic.code}` });
  }
});

test('duplicate-entry points at the first occurrence with related information in the same document', async (t) => {
  const client = await startForTest(t);
  const uri = fileUri('duplicates.yaml');
  const text = `${VALID}  - kind: serialnumber\n    serialNumber: 77FDF4B1033B387AAACE6CE1C18710C2\n`;
  await client.open(uri, text);
  const published = await client.waitForDiagnostics(uri);
  const duplicate = published.diagnostics.find((d) => d.code === 'duplicate-entry');
  assert.ok(duplicate, `no duplicate-entry in ${JSON.stringify(published.diagnostics)}`);
  assert.deepEqual(duplicate.range, rangeOf(text, '77FDF4B1033B387AAACE6CE1C18710C2'));
  assert.equal(duplicate.relatedInformation?.length, 1);
  assert.equal(duplicate.relatedInformation![0].location.uri, uri);
  assert.deepEqual(duplicate.relatedInformation![0].location.range, rangeOf(text, '77fdf4b1033b387aaace6ce1c18710c2'));
});

test('YAML that is not a manifest, and a manifest opened as plain text, get an empty publish', async (t) => {
  const client = await startForTest(t);
  const configMap = fileUri('configmap.yaml');
  const plain = fileUri('documented.txt');
  await client.open(configMap, 'kind: ConfigMap\ndata: [a, b\n');
  await client.open(plain, DOCUMENTED, 'plaintext');
  assert.deepEqual((await client.waitForDiagnostics(configMap)).diagnostics, []);
  assert.deepEqual((await client.waitForDiagnostics(plain)).diagnostics, []);
});

test('an incremental edit publishes fresh diagnostics for the new version, and fixing it clears them', async (t) => {
  const client = await startForTest(t);
  const uri = fileUri('edited.yaml');
  await client.open(uri, VALID);
  assert.deepEqual((await client.waitForDiagnostics(uri, (p) => p.version === 1)).diagnostics, []);

  // Replace the serial's last character with `g`: not hexadecimal.
  const serial = rangeOf(VALID, '77fdf4b1033b387aaace6ce1c18710c2');
  const lastCharacter = { start: { line: serial.end.line, character: serial.end.character - 1 }, end: serial.end };
  await client.change(uri, 2, [{ range: lastCharacter, text: 'g' }]);
  const broken = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(
    broken.diagnostics.map((d) => [d.code, d.range]),
    [['serial-invalid', serial]],
  );
  assert.equal(broken.diagnostics[0].severity, DiagnosticSeverity.Error);

  await client.change(uri, 3, [{ range: lastCharacter, text: '2' }]);
  assert.deepEqual((await client.waitForDiagnostics(uri, (p) => p.version === 3)).diagnostics, []);
});

test('diagnostics of a version that an edit has replaced are never published', async (t) => {
  // Settings arrive 300 ms after the server asks: the validation of version 1 is still waiting
  // for them when the edits arrive, and must then be dropped.
  const client = await startForTest(t, { configuration: true, configurationDelayMs: 300 });
  const uri = fileUri('burst.yaml');
  await client.open(uri, VALID);
  const end = { line: 8, character: 0 };
  const appended = ['# one\n', 'spec: [a, b\n'];
  for (const [i, text] of appended.entries()) {
    const at = { line: end.line + i, character: 0 };
    await client.change(uri, i + 2, [{ range: { start: at, end: at }, text }]);
  }
  const latest = await client.waitForDiagnostics(uri, (p) => p.version === 3);
  assert.ok(
    latest.diagnostics.some((d) => d.code === 'yaml-syntax' && d.range.start.line === 9),
    JSON.stringify(latest.diagnostics),
  );
  // A request is answered after every notification sent before it was handled; a straggler
  // would have been sent by then.
  await client.request(CodeActionRequest.method, {
    textDocument: { uri },
    range: { start: end, end },
    context: { diagnostics: [] },
  });
  assert.deepEqual(
    client.published.map((p) => p.version),
    [3],
  );
});

test('closing a document clears its diagnostics', async (t) => {
  const client = await startForTest(t);
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const opened = await client.waitForDiagnostics(DOCUMENTED_URI);
  assert.ok(opened.diagnostics.length > 0);
  const from = client.published.length;
  await client.close(DOCUMENTED_URI);
  assert.deepEqual((await client.waitForDiagnostics(DOCUMENTED_URI, () => true, from)).diagnostics, []);
});

test('a client with pull diagnostics pulls the same diagnostics, and nothing is pushed', async (t) => {
  const client = await startForTest(t, { pullDiagnostics: true });
  assert.deepEqual(client.initializeResult!.capabilities.diagnosticProvider, {
    interFileDependencies: false,
    workspaceDiagnostics: false,
  });
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const report = await client.request<DocumentDiagnosticReport>(DocumentDiagnosticRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
  });
  assert.equal(report.kind, 'full');
  assert.ok(report.kind === 'full' && report.resultId);
  assert.deepEqual(summary(report.items).sort(byPosition), documentedExpectation().sort(byPosition));

  // The same version again: unchanged.
  const again = await client.request<DocumentDiagnosticReport>(DocumentDiagnosticRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
    previousResultId: report.resultId,
  });
  assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });

  // Add notBefore to the IP entry: one missing-not-before fewer.
  const ipLine = rangeOf(DOCUMENTED, 'ip: 170.63.128.124').start.line;
  const at = { line: ipLine, character: 0 };
  await client.change(DOCUMENTED_URI, 2, [
    { range: { start: at, end: at }, text: '    notBefore: "2020-04-17T17:22:05Z"\n' },
  ]);
  const edited = await client.request<DocumentDiagnosticReport>(DocumentDiagnosticRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
    previousResultId: report.resultId,
  });
  assert.equal(edited.kind, 'full');
  assert.deepEqual(edited.kind === 'full' && edited.items.map((d) => d.code).sort(), [
    'broad-revocation',
    'missing-not-before',
    'missing-not-before',
    'missing-not-before',
  ]);

  assert.equal(client.published.length, 0);
});
