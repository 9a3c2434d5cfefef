// Key material the trace redaction used to let through, found by the secrets corpus
// (test/security/secretsTrace.test.ts): a PEM block without its END (pasted half, or a mislabelled
// END) in a YAML block scalar, where indentation split the base64 into short runs, and the last
// body line (shorter than 64 characters) stayed readable.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { redactSecrets } from '../../../client/src/redaction';

const key = readFileSync(join(process.cwd(), 'test', 'fixtures', 'pki', 'keys', 'ec-sec1.key'), 'utf8');
const bodyLines = key.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
const lastLine = bodyLines[bodyLines.length - 1];
const indented = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
const configMap = (pem: string) => `kind: ConfigMap\ndata:\n  key.pem: |\n${indented(pem)}\n  other: value\n`;
const traced = (text: string) =>
  `Sending notification 'textDocument/didOpen'.\nParams: ${JSON.stringify({ textDocument: { text } }, null, 4)}`;

function assertRedacted(output: string, what: string): void {
  for (const line of bodyLines) assert.ok(!output.includes(line), `${what}: ${line} is readable in\n${output}`);
}

test('the fixture key ends with a body line shorter than 64 characters (what short runs let through)', () => {
  assert.ok(lastLine.length < 64, lastLine);
});

test('a key in a YAML block scalar with a mislabelled END, in the JSON trace and raw', () => {
  const text = configMap(key.replace('-----END EC PRIVATE KEY-----', '-----END PRIVATE KEY-----'));
  assertRedacted(redactSecrets(traced(text)), 'JSON trace');
  assertRedacted(redactSecrets(text), 'raw text');
  // What follows the block stays readable.
  assert.match(redactSecrets(traced(text)), /other: value/);
});

test('a key cut short (no END line yet), at the end of a document or followed by prose', () => {
  const cut = key.replace(/-----END [A-Z ]+-----\n$/, '');
  for (const text of [cut, configMap(cut), `${cut}\nThe key above is the API server's.\n`]) {
    assertRedacted(redactSecrets(traced(text)), 'JSON trace');
    assertRedacted(redactSecrets(text), 'raw text');
  }
  assert.match(
    redactSecrets(`${cut}\nThe key above is the API server's.\n`),
    /-----BEGIN EC PRIVATE KEY-----<redacted>\nThe key above is the API server's\.\n$/,
  );
});

test('a whole block is still redacted to its armor, and CRLF text the same', () => {
  assert.equal(redactSecrets(key), '-----BEGIN EC PRIVATE KEY-----<redacted>-----END EC PRIVATE KEY-----\n');
  assertRedacted(redactSecrets(traced(configMap(key).replace(/\n/g, '\r\n'))), 'CRLF JSON trace');
});
