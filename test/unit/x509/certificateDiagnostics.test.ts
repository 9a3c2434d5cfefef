// The certificate diagnostics family: expired, expiring (renewRevocation.expiryWarningDays),
// not yet valid, and blocks that do not decode, in certificate files and in any YAML; none in
// Markdown or plain text (hover only there).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import type { Diagnostic } from '../../../server/src/service/types';
import { FIXTURE_NOW, fixtureText } from './helpers/fixturePki';

function diagnose(text: string, languageId: string, now = FIXTURE_NOW, expiryWarningDays = 30): Diagnostic[] {
  const service = createLanguageService({ now: () => now });
  return service.doValidation(service.parse(text, languageId), { ...DEFAULT_SETTINGS, expiryWarningDays });
}

const BEGIN_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 27 } };

test('an expired certificate file: a warning on its BEGIN line', () => {
  assert.deepEqual(diagnose(fixtureText('expired.crt'), 'pem'), [
    {
      range: BEGIN_LINE,
      severity: 'warning',
      code: 'certificate-expired',
      source: 'renew-revocation',
      message:
        'Certificate `expired.example.com` expired 10 years ago (notAfter 2020-01-01T00:00:00Z): renew or replace it.',
    },
  ]);
});

test('expiring within expiryWarningDays is information; outside it, nothing', () => {
  const kubelet = fixtureText('kubelet-client.crt');
  assert.deepEqual(
    diagnose(kubelet, 'pem').map((d) => [d.code, d.severity, d.message]),
    [
      [
        'certificate-expiring',
        'information',
        'Certificate `system:node:node-1` expires in 14 days (notAfter 2030-06-29T12:00:00Z): plan its renewal.',
      ],
    ],
  );
  assert.deepEqual(diagnose(kubelet, 'pem', FIXTURE_NOW, 10), []);
  assert.deepEqual(
    diagnose(kubelet, 'pem', FIXTURE_NOW, 15).map((d) => d.code),
    ['certificate-expiring'],
  );
});

test('a certificate not valid yet is a warning', () => {
  const [diagnostic] = diagnose(fixtureText('not-yet-valid.crt'), 'pem');
  assert.equal(diagnostic.code, 'certificate-not-yet-valid');
  assert.equal(diagnostic.severity, 'warning');
  assert.equal(
    diagnostic.message,
    "Certificate `future.example.com` is not valid until 2045-01-01T00:00:00Z: clients will reject it before then (check the issuer's clock).",
  );
});

test('valid certificates, keys and CSRs give no diagnostics', () => {
  for (const name of [
    'bundle.pem',
    'key-and-cert.pem',
    'request.csr',
    'keys/rsa-legacy-encrypted.key',
    'keys/encrypted-pkcs8.key',
    'trusted-root.pem',
    'odd-subject.crt',
  ]) {
    assert.deepEqual(diagnose(fixtureText(name), 'pem'), [], name);
  }
});

test('pem-invalid says why: bad base64, cut short, END label differs, garbage DER', () => {
  const leaf = fixtureText('leaf-server.crt');
  const badBase64 = leaf.replace(/^(MII.{10})/m, '$1!');
  const cutShort = leaf.split('\n').slice(0, 9).join('\n');
  const endLabel = leaf.replace('-----END CERTIFICATE-----', '-----END PRIVATE KEY-----');
  const garbage = '-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGUgYXQgYWxs\n-----END CERTIFICATE-----\n';
  const messages = [badBase64, cutShort, endLabel, garbage].map((text) => {
    const diagnostics = diagnose(text, 'pem');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'pem-invalid');
    assert.equal(diagnostics[0].severity, 'error');
    assert.deepEqual(diagnostics[0].range, BEGIN_LINE);
    return diagnostics[0].message;
  });
  assert.deepEqual(messages, [
    'This CERTIFICATE block does not decode: the body of the CERTIFICATE block is not valid base64: `!` is not a base64 character.',
    'This CERTIFICATE block does not decode: the CERTIFICATE block has no `-----END CERTIFICATE-----` line: it is cut short.',
    'This CERTIFICATE block does not decode: the block begins as `CERTIFICATE` but ends as `PRIVATE KEY`.',
    'This CERTIFICATE block does not decode: not a valid certificate: the certificate at byte 0 claims 111 bytes but only 22 remain.',
  ]);
});

test('certificate data in any YAML: expired tls.crt, undecodable client-certificate-data', () => {
  const later = new Date('2036-01-01T00:00:00Z');
  const secret = diagnose(fixtureText('secret.yaml'), 'yaml', later);
  assert.deepEqual(
    secret.map((d) => [d.code, d.range.start.line, d.message]),
    [
      [
        'certificate-expired',
        7,
        'Certificate `kube-apiserver` in `tls.crt` expired 365 days ago (notAfter 2035-01-01T00:00:00Z): renew or replace it.',
      ],
      [
        'certificate-expired',
        10,
        'Certificate `system:node:node-1` in `serving.der` expired 4 years ago (notAfter 2031-07-01T00:00:00Z): renew or replace it.',
      ],
    ],
  );
  assert.deepEqual(secret[0].range.start, { line: 7, character: 11 });
  const kubeconfig = fixtureText('admin.kubeconfig').replace(
    /client-certificate-data: LS0t\S{40}/,
    'client-certificate-data: LS0tAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  );
  const [broken] = diagnose(kubeconfig, 'yaml');
  assert.equal(broken.code, 'pem-invalid');
  assert.equal(broken.range.start.line, 10);
  assert.match(broken.message, /^`client-certificate-data` does not decode: /);
});

test('PEM in a YAML block scalar is checked; Markdown and plain text are not', () => {
  const expired = fixtureText('expired.crt');
  const configMap = `apiVersion: v1\nkind: ConfigMap\ndata:\n  ca.crt: |\n${expired.replace(/^/gm, '    ').trimEnd()}\n`;
  const [diagnostic] = diagnose(configMap, 'yaml');
  assert.equal(diagnostic.code, 'certificate-expired');
  assert.deepEqual(diagnostic.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 31 } });
  assert.deepEqual(diagnose(`# Notes\n\n${expired}`, 'markdown'), []);
  assert.deepEqual(diagnose(expired, 'plaintext'), []);
});

test('rules setting and suppression apply to certificate codes too', () => {
  const service = createLanguageService({ now: () => FIXTURE_NOW });
  const model = service.parse(fixtureText('expired.crt'), 'pem');
  assert.deepEqual(service.doValidation(model, { ...DEFAULT_SETTINGS, rules: { 'certificate-expired': 'off' } }), []);
  assert.equal(
    service.doValidation(model, { ...DEFAULT_SETTINGS, rules: { 'certificate-expired': 'error' } })[0].severity,
    'error',
  );
});
