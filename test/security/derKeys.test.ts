// Binary DER keys, as `openssl … -outform DER` writes them, are recognised and shown by type only:
// PKCS#8, SEC1 (`EC PRIVATE KEY`), PKCS#1 (`RSA PRIVATE KEY`), encrypted PKCS#8 and public keys.
// SEC1, PKCS#1 and encrypted DER keys used to be reported as data that does not decode.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/service/languageService';
import { assertNoKeyMaterial, fixtureKeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { findRoot } from '../robustness/repoRoot';

const service = createLanguageService({ now: () => new Date('2030-06-15T00:00:00Z') });
const material = fixtureKeyMaterial();

function derOf(name: string): Uint8Array {
  const pem = readFileSync(join(findRoot(), 'test', 'fixtures', 'pki', 'keys', name), 'utf8');
  const body = pem
    .split(/\r?\n/)
    .filter((line) => line !== '' && !line.startsWith('-----') && !line.includes(':'))
    .join('');
  return new Uint8Array(Buffer.from(body, 'base64'));
}

const CASES: Array<[string, string, string]> = [
  ['rsa-pkcs8.key', 'Private key RSA 2048 bits', 'PKCS#8'],
  ['rsa-pkcs1.key', 'Private key RSA 2048 bits', 'PKCS#1'],
  ['ec-sec1.key', 'Private key EC P-256', 'SEC1'],
  ['ec-p384-pkcs8.key', 'Private key EC P-384', 'PKCS#8'],
  ['ed25519.key', 'Private key Ed25519', 'PKCS#8'],
  ['encrypted-pkcs8.key', 'Private key (encrypted)', 'PKCS#8, encrypted'],
  ['rsa-public.pem', 'Public key RSA 2048 bits', 'SubjectPublicKeyInfo'],
];

for (const [name, heading, format] of CASES) {
  test(`${name} as binary DER decodes to its type, and nothing of the key`, () => {
    const view = service.decodeForView(derOf(name));
    assert.ok(view.startsWith(`1 block: 1 key\n\n[1] ${heading} — DER file\n`), view);
    assert.ok(view.includes(`  Format  ${format}\n`), view);
    assertNoKeyMaterial(view, material, `the decoded view of ${name} as DER`);
  });
}
