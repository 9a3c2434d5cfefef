import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { redactSecrets } from '../../../client/src/redaction';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../../test/fixtures/pki', name), 'utf8');

/** The base64 body of every PEM block in `text`, one line at a time. */
const bodyLines = (text: string) => text.split(/\r?\n/).filter((line) => /^[A-Za-z0-9+/=]{16,}$/.test(line));

test('PEM bodies of keys and certificates are redacted, armor kept, in raw text and in a JSON trace', () => {
  for (const name of [
    'keys/rsa-pkcs1.key',
    'keys/ec-sec1.key',
    'keys/ed25519.key',
    'key-and-cert.pem',
    'keys/encrypted-pkcs8.key',
  ]) {
    const text = fixture(name);
    const raw = redactSecrets(text);
    const traced = redactSecrets(
      `Sending notification 'textDocument/didOpen'.\nParams: ${JSON.stringify({ textDocument: { text } }, null, 4)}`,
    );
    for (const line of bodyLines(text)) {
      assert.ok(!raw.includes(line), `${name}: ${line} left in the raw text`);
      assert.ok(!traced.includes(line), `${name}: ${line} left in the trace`);
    }
    assert.match(raw, /-----BEGIN [A-Z ]+-----<redacted>-----END [A-Z ]+-----/);
  }
});

test('base64 key and certificate data in a kubeconfig is redacted; names, serials and hex fingerprints stay', () => {
  const kubeconfig = fixture('admin.kubeconfig');
  const data = [...kubeconfig.matchAll(/-data: (\S+)/g)].map((match) => match[1]);
  assert.ok(data.length >= 2);
  const redacted = redactSecrets(kubeconfig);
  for (const value of data) assert.ok(!redacted.includes(value.slice(0, 64)));
  assert.match(redacted, /client-key-data: <redacted \d+ characters>/);

  const kept =
    'serial 77fdf4b1033b387aaace6ce1c18710c2, SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, CN=system:node:n1,O=system:nodes';
  assert.equal(redactSecrets(kept), kept);
});
