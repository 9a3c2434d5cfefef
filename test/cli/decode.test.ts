// `renew-revocation decode` as a user runs it: JSON exactly as the README, "Command line" (kind, source, index and
// the fields of each kind), text for people, folders searched recursively, binary DER, kubeconfig
// and Secret data, exit codes 0/1/2, and never a key's material in any output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertNoKeyMaterial, fixtureKeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { ROOT, runCli, STACK_FRAME, tempFolder } from './cliHarness';

const NOW = ['--now', '2030-06-15T00:00:00Z'];
const PKI = join(ROOT, 'test', 'fixtures', 'pki');
const fixture = (name: string) => readFileSync(join(PKI, name));

function decodeJson(
  args: string[],
  cwd: string,
): { status: number | null; records: Array<Record<string, unknown>>; stderr: string } {
  const run = runCli(['decode', '--format', 'json', ...NOW, ...args], { cwd });
  return { status: run.status, records: JSON.parse(run.stdout), stderr: run.stderr };
}

test('JSON: a certificate record has exactly the fields the README lists, in order', () => {
  const cwd = tempFolder({ 'leaf.crt': fixture('leaf-server.crt') });
  const { status, records, stderr } = decodeJson(['leaf.crt'], cwd);
  assert.equal(status, 0);
  assert.equal(stderr, '');
  assert.deepEqual(records, [
    {
      kind: 'certificate',
      source: 'leaf.crt',
      index: 0,
      serialNumber: '7f0102030405060708090a0b0c0d0e0f10111213',
      subject: 'CN=kube-apiserver,O=renew-revocation fixtures',
      issuer: 'CN=Fixture Intermediate CA,OU=Kubernetes,O=renew-revocation fixtures,C=US',
      commonName: 'kube-apiserver',
      organizations: ['renew-revocation fixtures'],
      notBefore: '2024-01-01T00:00:00Z',
      notAfter: '2035-01-01T00:00:00Z',
      dnsNames: ['api.cluster.local', 'kubernetes.default.svc.', '*.apps.example.com', 'KubeRnetes.Example.COM'],
      ipAddresses: ['10.0.0.1', '2001:db8::1', '::ffff:10.0.0.2', 'fe80::1:0:0:5'],
      invalidSanEntries: [],
      sha256Fingerprint: '6982f7e80a5a9f352f778bc95f5c8806f5f56ad50a95ef00e405326b93cf1cf1',
      sha1Fingerprint: '2ecfe836e2d642d4a87526a3a21015417ac87582',
      publicKey: { algorithm: 'EC', curve: 'P-256' },
      isCA: false,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      extendedKeyUsage: ['serverAuth'],
      expiry: 'valid',
    },
  ]);
  assert.deepEqual(Object.keys(records[0]), [
    'kind',
    'source',
    'index',
    'serialNumber',
    'subject',
    'issuer',
    'commonName',
    'organizations',
    'notBefore',
    'notAfter',
    'dnsNames',
    'ipAddresses',
    'invalidSanEntries',
    'sha256Fingerprint',
    'sha1Fingerprint',
    'publicKey',
    'isCA',
    'keyUsage',
    'extendedKeyUsage',
    'expiry',
  ]);
});

test('JSON: a folder recursively, every file; index counts all kinds within each file', () => {
  const cwd = tempFolder({
    'pki/key-and-cert.pem': fixture('key-and-cert.pem'),
    'pki/nested/request.csr': fixture('request.csr'),
    'pki/nested/root.der': fixture('der/root-ca.der'),
    'pki/admin.kubeconfig': fixture('admin.kubeconfig'),
    'pki/secret.yaml': fixture('secret.yaml'),
    'pki/README.txt': 'nothing to decode here\n',
  });
  const { status, records } = decodeJson(['pki'], cwd);
  assert.equal(status, 0);
  const summary = records.map((record) => [
    record.source,
    record.index,
    record.kind,
    record.commonName ?? record.keyType ?? record.subject,
  ]);
  assert.deepEqual(summary, [
    [join('pki', 'admin.kubeconfig'), 0, 'certificate', 'Fixture Intermediate CA'],
    [join('pki', 'admin.kubeconfig'), 1, 'certificate', 'Fixture Root CA'],
    [join('pki', 'admin.kubeconfig'), 2, 'certificate', 'kubernetes-admin'],
    [join('pki', 'admin.kubeconfig'), 3, 'key', 'RSA'],
    [join('pki', 'key-and-cert.pem'), 0, 'key', 'EC'],
    [join('pki', 'key-and-cert.pem'), 1, 'certificate', 'kube-apiserver'],
    [join('pki', 'nested', 'request.csr'), 0, 'csr', 'CN=csr.example.com,O=renew-revocation fixtures'],
    [join('pki', 'nested', 'root.der'), 0, 'certificate', 'Fixture Root CA'],
    [join('pki', 'secret.yaml'), 0, 'certificate', 'kube-apiserver'],
    [join('pki', 'secret.yaml'), 1, 'key', 'EC'],
    [join('pki', 'secret.yaml'), 2, 'certificate', 'Fixture Intermediate CA'],
    [join('pki', 'secret.yaml'), 3, 'certificate', 'system:node:node-1'],
  ]);
  assert.deepEqual(records[3], {
    kind: 'key',
    source: join('pki', 'admin.kubeconfig'),
    index: 3,
    keyType: 'RSA',
    size: 2048,
  });
  assert.deepEqual(records[6], {
    kind: 'csr',
    source: join('pki', 'nested', 'request.csr'),
    index: 0,
    subject: 'CN=csr.example.com,O=renew-revocation fixtures',
    dnsNames: ['csr.example.com', 'www.csr.example.com'],
    ipAddresses: ['10.1.2.3', '2001:db8::2'],
    invalidSanEntries: [],
    publicKey: { algorithm: 'EC', curve: 'P-256' },
  });
});

test('--now sets the expiry state', () => {
  const cwd = tempFolder({ 'kubelet.crt': fixture('kubelet-client.crt') });
  const expiry = (now: string) =>
    JSON.parse(runCli(['decode', '--format', 'json', '--now', now, 'kubelet.crt'], { cwd }).stdout)[0].expiry;
  assert.equal(expiry('2029-01-01T00:00:00Z'), 'not-yet-valid');
  assert.equal(expiry('2030-01-01T00:00:00Z'), 'valid');
  assert.equal(expiry('2030-06-15T00:00:00Z'), 'expiring');
  assert.equal(expiry('2030-07-01T00:00:00Z'), 'expired');
});

test('text: each file, each block with aligned fields, and a closing count', () => {
  const cwd = tempFolder({ 'bundle.pem': fixture('bundle.pem'), 'kubelet.crt': fixture('kubelet-client.crt') });
  const run = runCli(['decode', ...NOW, 'bundle.pem', 'kubelet.crt'], { cwd });
  assert.equal(run.status, 0);
  assert.ok(
    run.stdout.startsWith(
      'bundle.pem\n\n[0] Certificate kube-apiserver — PEM CERTIFICATE, lines 1–18\n  Subject             CN=kube-apiserver,O=renew-revocation fixtures\n',
    ),
    run.stdout,
  );
  assert.ok(run.stdout.includes('\n[1] Certificate Fixture Intermediate CA — PEM CERTIFICATE, lines 19–42\n'));
  assert.ok(run.stdout.includes('\nkubelet.crt\n\n[0] Certificate system:node:node-1 — PEM CERTIFICATE, lines 1–18\n'));
  assert.ok(run.stdout.includes('  Valid until         2030-06-29T12:00:00Z (EXPIRES in 14 days)\n'));
  assert.ok(run.stdout.endsWith('\n4 certificates, 0 certificate requests, 0 keys in 2 files\n'));
  const coloured = runCli(['decode', ...NOW, 'kubelet.crt'], { cwd, env: { FORCE_COLOR: '1' } });
  assert.ok(
    coloured.stdout.includes('\u001b[33m\u001b[1mCertificate system:node:node-1\u001b[22m\u001b[39m'),
    coloured.stdout,
  );
});

test('a block that does not decode: its error in the output, exit 1', () => {
  const cwd = tempFolder({
    'bad.pem': '-----BEGIN CERTIFICATE-----\nMIIB!!!!\n-----END CERTIFICATE-----\n',
    'good.crt': fixture('root-ca.crt'),
  });
  const { status, records } = decodeJson(['bad.pem', 'good.crt'], cwd);
  assert.equal(status, 1);
  assert.deepEqual(records[0], {
    kind: 'certificate',
    source: 'bad.pem',
    index: 0,
    error: 'the body of the CERTIFICATE block is not valid base64: `!` is not a base64 character',
  });
  assert.equal(records[1].commonName, 'Fixture Root CA');
  const text = runCli(['decode', ...NOW, 'bad.pem'], { cwd });
  assert.equal(text.status, 1);
  assert.ok(
    text.stdout.includes(
      '[0] CERTIFICATE block does not decode — PEM CERTIFICATE, lines 1–3\n  Error  the body of the CERTIFICATE block is not valid base64',
    ),
  );
  assert.doesNotMatch(text.stdout + text.stderr, STACK_FRAME);
});

test('usage and I/O errors exit 2, and 2 wins over 1', () => {
  const cwd = tempFolder({ 'bad.pem': '-----BEGIN CERTIFICATE-----\nAAAA\n' });
  const missing = runCli(['decode', ...NOW, 'bad.pem', 'missing.pem'], { cwd });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read 'missing\.pem': no such file or folder/);
  assert.equal(runCli(['decode'], { cwd }).status, 2);
  const format = runCli(['decode', '--format', 'xml', 'bad.pem'], { cwd });
  assert.equal(format.status, 2);
  assert.match(format.stderr, /--format must be one of text, json; found 'xml'/);
  assert.equal(runCli(['decode', '--now', 'yesterday', 'bad.pem'], { cwd }).status, 2);
});

test('nothing found: an empty JSON array, or the zero count in text, and an error, exit 2', () => {
  const cwd = tempFolder({ 'notes.txt': 'no certificates\n', 'empty.pem': '' });
  const error = 'renew-revocation: error: no certificate, certificate request or key was found in the files given\n';
  const json = runCli(['decode', '--format', 'json', 'notes.txt', 'empty.pem'], { cwd });
  assert.equal(json.status, 2);
  assert.equal(json.stdout, '[]\n');
  assert.equal(json.stderr, error);
  const text = runCli(['decode', 'notes.txt'], { cwd });
  assert.equal(text.status, 2);
  assert.equal(text.stdout, '0 certificates, 0 certificate requests, 0 keys in 0 files\n');
  assert.equal(text.stderr, error);
});

test('key files: no key material in the text or the JSON output', () => {
  const material = fixtureKeyMaterial();
  for (const format of ['text', 'json']) {
    const run = runCli(
      ['decode', '--format', format, ...NOW, 'keys', 'key-and-cert.pem', 'admin.kubeconfig', 'secret.yaml'],
      { cwd: PKI },
    );
    assert.equal(run.status, 0, run.stderr);
    assertNoKeyMaterial(run.stdout + run.stderr, material, `decode --format ${format}`);
    assert.doesNotMatch(run.stdout, /PRIVATE KEY-----/);
  }
  const json = JSON.parse(runCli(['decode', '--format', 'json', ...NOW, 'keys'], { cwd: PKI }).stdout) as Array<
    Record<string, unknown>
  >;
  assert.deepEqual(
    json.map((record) => [record.source, record.keyType, record.size ?? record.curve ?? null]),
    [
      [join('keys', 'ec-p384-pkcs8.key'), 'EC', 'P-384'],
      [join('keys', 'ec-p521-public.pem'), 'EC', 'P-521'],
      [join('keys', 'ec-sec1.key'), 'EC', 'P-256'],
      [join('keys', 'ed25519.key'), 'Ed25519', null],
      [join('keys', 'encrypted-pkcs8.key'), 'encrypted', null],
      [join('keys', 'rsa-legacy-encrypted.key'), 'encrypted', null],
      [join('keys', 'rsa-pkcs1.key'), 'RSA', 2048],
      [join('keys', 'rsa-pkcs8.key'), 'RSA', 2048],
      [join('keys', 'rsa-public.pem'), 'RSA', 2048],
    ],
  );
  for (const record of json)
    assert.deepEqual(
      Object.keys(record).filter((key) => !['kind', 'source', 'index', 'keyType', 'size', 'curve'].includes(key)),
      [],
    );
});
