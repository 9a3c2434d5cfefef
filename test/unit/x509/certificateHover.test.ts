// Hover on certificates wherever they are: a PEM file, the second block of a bundle, kubeconfig
// and Secret data, a key block, PEM in Markdown and in a YAML block scalar; and the key files'
// hovers, which show the key's type and never its material.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/service/languageService';
import type { Hover } from '../../../server/src/service/types';
import { FIXTURE_NOW, fixtureFiles, fixtureText, isYamlName } from './helpers/fixturePki';
import { assertNoKeyMaterial, fixtureKeyMaterial } from './helpers/keyMaterial';

const service = createLanguageService({ now: () => FIXTURE_NOW });

function languageOf(name: string): string {
  if (isYamlName(name)) return 'yaml';
  if (name.endsWith('.md')) return 'markdown';
  return 'pem';
}

function hoverAt(name: string, line: number, character = 2): Hover | null {
  const model = service.parse(fixtureText(name), languageOf(name));
  return service.doHover(model, { line, character });
}

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return hover.contents.value;
}

test('hover on a PEM certificate file: the whole card', () => {
  const hover = hoverAt('leaf-server.crt', 5);
  const text = markdown(hover);
  assert.deepEqual(hover!.range, { start: { line: 0, character: 0 }, end: { line: 17, character: 25 } });
  assert.ok(
    text.startsWith('**Certificate** `kube-apiserver` — valid, expires in 4 years\n\n*PEM CERTIFICATE, lines 1–18*'),
    text,
  );
  for (const line of [
    '- **Subject** `CN=kube-apiserver,O=renew-revocation fixtures`',
    '- **Issuer** `CN=Fixture Intermediate CA,OU=Kubernetes,O=renew-revocation fixtures,C=US`',
    '- **Serial** `7f0102030405060708090a0b0c0d0e0f10111213 (7f:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:10:11:12:13; decimal 725064303890588110203033396814564464046290047507)`',
    '- **Valid from** 2024-01-01T00:00:00Z',
    '- **Valid until** 2035-01-01T00:00:00Z (valid, expires in 4 years)',
    '- **DNS names** `api.cluster.local, kubernetes.default.svc., *.apps.example.com, KubeRnetes.Example.COM`',
    '- **IP addresses** `10.0.0.1, 2001:db8::1, ::ffff:10.0.0.2, fe80::1:0:0:5`',
    '- **Public key** EC P-256',
    '- **Signature** `ecdsa-with-SHA256`',
    '- **CA** no',
    '- **Key usage** `digitalSignature, keyEncipherment`',
    '- **Extended key usage** `serverAuth`',
    '- **SHA-256** `6982f7e80a5a9f352f778bc95f5c8806f5f56ad50a95ef00e405326b93cf1cf1`',
    '- **SHA-1** `2ecfe836e2d642d4a87526a3a21015417ac87582`',
    '- **Audit identity** `X509SHA256=6982f7e80a5a9f352f778bc95f5c8806f5f56ad50a95ef00e405326b93cf1cf1`',
  ]) {
    assert.ok(text.includes(`${line}\n`) || text.endsWith(line), `missing: ${line}\n${text}`);
  }
});

test('hover on the second block of a bundle shows that block only', () => {
  const hover = hoverAt('bundle.pem', 25);
  const text = markdown(hover);
  assert.equal(hover!.range!.start.line, 18);
  assert.equal(hover!.range!.end.line, 41);
  assert.ok(text.startsWith('**Certificate** `Fixture Intermediate CA`'), text);
  assert.ok(text.includes('- **CA** yes, path length 0'));
  assert.ok(text.includes('- **Public key** EC P-384'));
  assert.ok(!text.includes('kube-apiserver'));
  assert.equal(
    hoverAt('bundle.pem', 17, 24)!.contents.value.split('\n')[0],
    '**Certificate** `kube-apiserver` — valid, expires in 4 years',
  );
});

test('hover on kubeconfig data: each certificate of the CA bundle, and the client key by type only', () => {
  const ca = markdown(hoverAt('admin.kubeconfig', 6, 40));
  const cards = ca.split('\n\n---\n\n');
  assert.equal(cards.length, 2);
  assert.ok(cards[0].startsWith('**Certificate** `Fixture Intermediate CA`'));
  assert.ok(cards[0].includes('*`certificate-authority-data` (base64 PEM CERTIFICATE), line 7, certificate 1 of 2*'));
  assert.ok(cards[1].startsWith('**Certificate** `Fixture Root CA`'));
  assert.ok(cards[1].includes('- **Public key** RSA 4096 bits'));
  const client = markdown(hoverAt('admin.kubeconfig', 10, 40));
  assert.ok(client.includes('- **Organizations** `system:masters`'));
  const key = markdown(hoverAt('admin.kubeconfig', 11, 30));
  assert.equal(
    key,
    '**Private key RSA 2048 bits** — PKCS#8\n\n*`client-key-data` (base64 PEM PRIVATE KEY), line 12*\n\nThe key material is never shown.',
  );
  // On the key, not the value: no hover from us.
  assert.equal(hoverAt('admin.kubeconfig', 11, 1), null);
});

test('hover on Secret data: tls.crt, ca.crt, and a DER certificate under any key', () => {
  assert.ok(markdown(hoverAt('secret.yaml', 7, 20)).startsWith('**Certificate** `kube-apiserver`'));
  assert.ok(markdown(hoverAt('secret.yaml', 9, 20)).startsWith('**Certificate** `Fixture Intermediate CA`'));
  const der = markdown(hoverAt('secret.yaml', 10, 20));
  assert.ok(der.startsWith('**Certificate** `system:node:node-1`'), der);
  assert.ok(der.includes('*`serving.der` (base64 DER), line 11*'));
  assert.equal(
    markdown(hoverAt('secret.yaml', 8, 20)),
    '**Private key EC P-256** — PKCS#8\n\n*`tls.key` (base64 PEM PRIVATE KEY), line 9*\n\nThe key material is never shown.',
  );
});

test('hover on PEM in Markdown and in a YAML block scalar', () => {
  assert.ok(markdown(hoverAt('notes.md', 8)).startsWith('**Certificate** `Fixture Root CA`'));
  assert.equal(hoverAt('notes.md', 1), null);
  assert.ok(markdown(hoverAt('configmap.yaml', 10, 6)).startsWith('**Certificate** `Fixture Intermediate CA`'));
});

test('hover marks expired, expiring and not yet valid certificates', () => {
  assert.ok(
    markdown(hoverAt('expired.crt', 2)).startsWith('**Certificate** `expired.example.com` — **EXPIRED 10 years ago**'),
  );
  assert.ok(
    markdown(hoverAt('kubelet-client.crt', 2)).startsWith(
      '**Certificate** `system:node:node-1` — **EXPIRES in 14 days**',
    ),
  );
  assert.ok(
    markdown(hoverAt('not-yet-valid.crt', 2)).startsWith(
      '**Certificate** `future.example.com` — **NOT YET VALID (valid from 2045-01-01T00:00:00Z)**',
    ),
  );
});

test('hover on a CSR and on each kind of key block', () => {
  const csr = markdown(hoverAt('request.csr', 3));
  assert.ok(csr.startsWith('**Certificate request** `csr.example.com`\n\n*PEM CERTIFICATE REQUEST, lines 1–10*'), csr);
  assert.ok(csr.includes('- **IP addresses** `10.1.2.3, 2001:db8::2`'));
  const expected: Record<string, string> = {
    'keys/rsa-pkcs1.key': '**Private key RSA 2048 bits** — PKCS#1',
    'keys/rsa-pkcs8.key': '**Private key RSA 2048 bits** — PKCS#8',
    'keys/ec-sec1.key': '**Private key EC P-256** — SEC1',
    'keys/ec-p384-pkcs8.key': '**Private key EC P-384** — PKCS#8',
    'keys/ed25519.key': '**Private key Ed25519** — PKCS#8',
    'keys/encrypted-pkcs8.key': '**Private key (encrypted)** — PKCS#8, encrypted',
    'keys/rsa-legacy-encrypted.key': '**Private key (encrypted)** — PKCS#1, PEM-encrypted',
    'keys/rsa-public.pem': '**Public key RSA 2048 bits** — SubjectPublicKeyInfo',
    'keys/ec-p521-public.pem': '**Public key EC P-521** — SubjectPublicKeyInfo',
  };
  for (const [name, heading] of Object.entries(expected)) {
    assert.equal(markdown(hoverAt(name, 1)).split('\n')[0], heading, name);
  }
  assert.equal(markdown(hoverAt('key-and-cert.pem', 2)).split('\n')[0], '**Private key EC P-256** — PKCS#8');
});

test('no hover anywhere in the fixture shows key material', () => {
  const material = fixtureKeyMaterial();
  assert.ok(material.length >= 12, `found ${material.length} keys`);
  for (const name of fixtureFiles()) {
    if (name.startsWith('der/') || name === 'bulk.pem') continue;
    const text = fixtureText(name);
    const model = service.parse(text, languageOf(name));
    for (let line = 0; line < model.lineIndex.lineCount; line++) {
      const hover = service.doHover(model, { line, character: Math.min(20, model.lineIndex.lineText(line).length) });
      if (hover) assertNoKeyMaterial(hover.contents.value, material, `hover on ${name}:${line + 1}`);
    }
  }
});

test('a block that does not decode says why in its hover', () => {
  const text = fixtureText('leaf-server.crt').replace(/^(MII.{10})/m, '$1!');
  const model = service.parse(text, 'pem');
  const hover = markdown(service.doHover(model, { line: 3, character: 1 }));
  assert.equal(
    hover,
    '**`CERTIFICATE` block**: the body of the CERTIFICATE block is not valid base64: `!` is not a base64 character\n\n*PEM CERTIFICATE, lines 1–18*',
  );
});
