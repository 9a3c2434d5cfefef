// Certificate files in the editor: one outline symbol per block (CN or key type), one folding range
// per block, and the decoded view, which shows keys by type only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/service/languageService';
import { FIXTURE_NOW, fixtureFiles, fixturePath, fixtureText } from './helpers/fixturePki';
import { assertNoKeyMaterial, fixtureKeyMaterial } from './helpers/keyMaterial';
import { readFileSync } from 'node:fs';

const service = createLanguageService({ now: () => FIXTURE_NOW });

test('document symbols of a PEM file: one per block, named by CN or key type', () => {
  const symbols = (name: string) => service.findDocumentSymbols(service.parse(fixtureText(name), 'pem'));
  assert.deepEqual(
    symbols('bundle.pem').map((symbol) => [
      symbol.name,
      symbol.kind,
      symbol.range.start.line,
      symbol.range.end.line,
      symbol.selectionRange.end.character,
    ]),
    [
      ['kube-apiserver', 'object', 0, 17, 27],
      ['Fixture Intermediate CA', 'object', 18, 41, 27],
      ['Fixture Root CA', 'object', 42, 72, 27],
    ],
  );
  assert.deepEqual(symbols('bundle.pem')[0].detail, 'certificate, until 2035-01-01T00:00:00Z');
  assert.deepEqual(
    symbols('key-and-cert.pem').map((symbol) => [symbol.name, symbol.kind, symbol.detail]),
    [
      ['EC P-256 private key', 'key', 'PRIVATE KEY'],
      ['kube-apiserver', 'object', 'certificate, until 2035-01-01T00:00:00Z'],
    ],
  );
  assert.deepEqual(
    symbols('request.csr').map((symbol) => symbol.name),
    ['csr.example.com'],
  );
  assert.deepEqual(
    symbols('keys/encrypted-pkcs8.key').map((symbol) => symbol.name),
    ['encrypted private key'],
  );
  assert.deepEqual(
    symbols('keys/rsa-public.pem').map((symbol) => symbol.name),
    ['RSA 2048 bits public key'],
  );
});

test('folding ranges: one per PEM block in pem files, none elsewhere', () => {
  assert.deepEqual(service.getFoldingRanges(service.parse(fixtureText('bundle.pem'), 'pem')), [
    { startLine: 0, endLine: 17 },
    { startLine: 18, endLine: 41 },
    { startLine: 42, endLine: 72 },
  ]);
  assert.deepEqual(service.getFoldingRanges(service.parse(fixtureText('configmap.yaml'), 'yaml')), []);
});

test('the decoded view of a bundle and of binary DER', () => {
  const bundle = service.decodeForView(fixtureText('bundle.pem'));
  assert.ok(
    bundle.startsWith(
      '3 blocks: 3 certificates\n\n[1] Certificate kube-apiserver — PEM CERTIFICATE, lines 1–18\n  Subject             CN=kube-apiserver,O=renew-revocation fixtures\n',
    ),
    bundle,
  );
  assert.ok(bundle.includes('\n[2] Certificate Fixture Intermediate CA — PEM CERTIFICATE, lines 19–42\n'));
  assert.ok(bundle.includes('  CA                yes, path length 0\n'));
  const der = service.decodeForView(new Uint8Array(readFileSync(fixturePath('der/root-ca.der'))));
  assert.ok(der.startsWith('1 block: 1 certificate\n\n[1] Certificate Fixture Root CA — DER file\n'), der);
  assert.equal(
    service.decodeForView('nothing here\n'),
    'No certificate, certificate request or key was found in this file.\n',
  );
});

test('the decoded view of every fixture file shows no key material', () => {
  const material = fixtureKeyMaterial();
  for (const name of fixtureFiles()) {
    const view = service.decodeForView(new Uint8Array(readFileSync(fixturePath(name))));
    assertNoKeyMaterial(view, material, `decoded view of ${name}`);
  }
  const keys = service.decodeForView(fixtureText('keys/rsa-pkcs1.key'));
  assert.equal(
    keys,
    '1 block: 1 key\n\n[1] Private key RSA 2048 bits — PEM RSA PRIVATE KEY, lines 1–27\n  Key     RSA 2048 bits\n  Format  PKCS#1\n',
  );
});
