// The examples ship in the .vsix and open as the walkthrough's workspace: certificates only,
// never a key, and none of them close to expiring (an example folder must not start warning).
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const examples = join(__dirname, '..', '..', '..', '..', 'examples');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('no example file holds a private key', () => {
  for (const path of filesUnder(examples)) {
    assert.doesNotMatch(path, /\.(key|p12|pfx)$/, path);
    const text = readFileSync(path, 'latin1');
    assert.doesNotMatch(text, /PRIVATE KEY|client-key-data|tls\.key/, path);
  }
});

test('every example certificate is valid until 2033 or later', () => {
  const certificates = filesUnder(examples).filter((path) => path.endsWith('.crt'));
  assert.ok(certificates.length >= 8, `found ${certificates.length} certificates`);
  for (const path of certificates) {
    const certificate = new X509Certificate(readFileSync(path));
    assert.ok(
      new Date(certificate.validTo) >= new Date('2033-01-01T00:00:00Z'),
      `${path} expires ${certificate.validTo}`,
    );
  }
});
