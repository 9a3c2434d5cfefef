// The "Decode Certificate File" request over the protocol: binary DER, a bundle, and a PEM file
// with a key beside its certificate (the key's type only, never its material).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DECODE_REQUEST, type DecodeResult } from '../../server/src/protocol';
import { assertNoKeyMaterial, fixtureKeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { fileUri, repoRoot, startForTest } from './lspClient';

const PKI = 'test/fixtures/pki';

function decodeParams(relative: string) {
  return { uri: fileUri(relative), base64: readFileSync(join(repoRoot(), relative)).toString('base64') };
}

test('a binary DER file decodes to its certificate, with subject, serial and fingerprints', async (t) => {
  const client = await startForTest(t);
  const result = await client.request<DecodeResult | null>(DECODE_REQUEST, decodeParams(`${PKI}/der/root-ca.der`));
  assert.ok(result);
  assert.match(result.text, /Fixture Root CA/);
  assert.match(result.text, /SHA-256/i);
});

test('a bundle decodes every certificate in order; a key beside a certificate shows its type only', async (t) => {
  const client = await startForTest(t);
  const bundle = await client.request<DecodeResult | null>(DECODE_REQUEST, decodeParams(`${PKI}/bundle.pem`));
  assert.ok(bundle);
  const root = bundle.text.indexOf('Fixture Root CA');
  const intermediate = bundle.text.indexOf('Fixture Intermediate CA');
  assert.ok(root >= 0 && intermediate >= 0, 'both CAs of the bundle are decoded');
  assert.equal(bundle.blocks, 3, 'the bundle holds three certificates');
  const withKey = await client.request<DecodeResult | null>(DECODE_REQUEST, decodeParams(`${PKI}/key-and-cert.pem`));
  assert.ok(withKey);
  assert.match(withKey.text, /private key/i);
  assertNoKeyMaterial(withKey.text, fixtureKeyMaterial(), 'the decoded view of key-and-cert.pem');
});

test('bad input gets a readable answer, not an error', async (t) => {
  const client = await startForTest(t);
  const garbage = await client.request<DecodeResult | null>(DECODE_REQUEST, {
    uri: 'file:///garbage.der',
    base64: Buffer.from([0x30, 0x82, 0xff, 0xff, 1, 2, 3]).toString('base64'),
  });
  assert.ok(garbage);
  assert.ok(garbage.text.length > 0);
  const malformed = await client.request<DecodeResult | null>(DECODE_REQUEST, { uri: 42 });
  assert.equal(malformed, null);
});

test('a file with no certificate (a manifest) says so and counts 0 blocks: the editor then offers a file picker', async (t) => {
  const client = await startForTest(t);
  const manifest = await client.request<DecodeResult | null>(DECODE_REQUEST, decodeParams('examples/documented.yaml'));
  assert.deepEqual(manifest, {
    text: 'No certificate, certificate request or key was found in this file.\n',
    blocks: 0,
  });
});
