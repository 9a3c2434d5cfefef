// Every certificate of the fixture PKI, wherever it sits (PEM file, bundle, DER, TRUSTED
// CERTIFICATE, CRLF, YAML block scalar, Markdown, kubeconfig and Secret data), decoded by the
// full decoder: each field equals what real openssl prints for the same bytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBlock, withClock } from '../../../server/src/service/x509/decodeBlocks';
import type { DecodedCertificate } from '../../../server/src/service/x509/decodedTypes';
import { FIXTURE_NOW, fixtureBlocks, fixtureFiles } from './helpers/fixturePki';
import { opensslAvailable, opensslReports } from './helpers/openssl';
import { opensslDetails } from './helpers/opensslText';

const clock = { now: FIXTURE_NOW, expiryWarningDays: 30 };

interface Located {
  where: string;
  der: Uint8Array;
  record: DecodedCertificate;
}

function certificates(): Located[] {
  const found: Located[] = [];
  for (const name of fixtureFiles()) {
    const blocks = fixtureBlocks(name).filter((block) => block.kind === 'certificate');
    // bulk.pem's 300 certificates differ only in serial and CN: every 100th is enough here.
    const chosen = name === 'bulk.pem' ? blocks.filter((_, index) => index % 100 === 0) : blocks;
    chosen.forEach((block, index) => {
      const decoded = withClock(decodeBlock(block), clock);
      assert.ok(decoded.ok, `${name} #${index}: ${decoded.ok ? '' : decoded.failure.error}`);
      assert.equal(decoded.record.kind, 'certificate');
      // The certificate alone (a TRUSTED CERTIFICATE carries trust settings after it).
      found.push({ where: `${name} #${index}`, der: block.bytes!, record: decoded.record as DecodedCertificate });
    });
  }
  return found;
}

const haveOpenssl = opensslAvailable();

test('the fixture holds the certificates it promises, found in every kind of place', () => {
  const where = certificates().map((located) => located.where.replace(/ #\d+$/, ''));
  const count = (name: string) => where.filter((file) => file === name).length;
  assert.equal(count('bundle.pem'), 3);
  assert.equal(count('admin.kubeconfig'), 3, 'CA bundle (2) and client certificate');
  assert.equal(count('secret.yaml'), 3, 'tls.crt, ca.crt and the DER value');
  for (const name of [
    'configmap.yaml',
    'notes.md',
    'trusted-root.pem',
    'leaf-server-crlf.pem',
    'key-and-cert.pem',
    'der/root-ca.der',
    'der/kubelet-client.cer',
  ]) {
    assert.equal(count(name), 1, name);
  }
  assert.equal(count('bulk.pem'), 3);
});

test(
  'every fixture certificate: each decoded field equals what openssl prints',
  { skip: !haveOpenssl && 'openssl is not installed' },
  () => {
    const located = certificates();
    const reports = opensslReports(located.map((item) => item.der));
    const details = opensslDetails(located.map((item) => item.der));
    located.forEach(({ where, record }, index) => {
      const report = reports[index];
      const detail = details[index];
      const message = (field: string) => `${where}: ${field}`;
      assert.equal(record.serialNumber, report.serialNumber, message('serial'));
      assert.equal(record.subject, report.subject, message('subject'));
      assert.equal(record.issuer, report.issuer, message('issuer'));
      assert.equal(record.notBefore, report.notBefore, message('notBefore'));
      assert.equal(record.notAfter, report.notAfter, message('notAfter'));
      assert.equal(record.sha256Fingerprint, report.sha256Fingerprint, message('SHA-256'));
      assert.equal(record.auditIdentity, `X509SHA256=${report.sha256Fingerprint}`, message('audit identity'));
      assert.equal(record.sha1Fingerprint, detail.sha1Fingerprint, message('SHA-1'));
      assert.deepEqual(record.dnsNames, report.dnsNames, message('DNS names'));
      assert.deepEqual(record.ipAddresses, report.ipAddresses, message('IP addresses'));
      assert.equal(record.isCA, detail.isCA, message('CA'));
      assert.deepEqual(record.extendedKeyUsage, report.extendedKeyUsage, message('extended key usage'));
      assert.deepEqual(record.keyUsage, detail.keyUsage, message('key usage'));
      assert.equal(record.basicConstraints?.pathLength, detail.pathLength, message('path length'));
      assert.equal(record.version, detail.version, message('version'));
      assert.equal(record.signatureAlgorithm, detail.signatureAlgorithm, message('signature algorithm'));
      assert.deepEqual(record.publicKey, detail.publicKey, message('public key'));
      assert.equal(record.subjectKeyIdentifier, detail.subjectKeyIdentifier, message('subject key identifier'));
      assert.equal(record.authorityKeyIdentifier, detail.authorityKeyIdentifier, message('authority key identifier'));
    });
  },
);

test('fields openssl shows differently: common name, organizations in certificate order, expiry', () => {
  const byWhere = new Map(certificates().map((located) => [located.where, located.record]));
  const odd = byWhere.get('odd-subject.crt #0')!;
  assert.equal(odd.commonName, 'Zoë "Z", Ops; <root>+admin');
  assert.deepEqual(odd.organizations, ['system:masters', 'Équipe Ünïcødé']);
  assert.ok(odd.notes.length === 0, odd.notes.join('; '));
  assert.ok(odd.extensions.some((extension) => extension.oid === '1.3.6.1.4.1.55555.1.1' && !extension.critical));
  const kubelet = byWhere.get('kubelet-client.crt #0')!;
  assert.equal(kubelet.commonName, 'system:node:node-1');
  assert.deepEqual(kubelet.organizations, ['system:nodes']);
  assert.equal(kubelet.expiry, 'expiring');
  assert.equal(kubelet.daysToExpiry, 14);
  assert.equal(byWhere.get('expired.crt #0')!.expiry, 'expired');
  assert.equal(byWhere.get('not-yet-valid.crt #0')!.expiry, 'not-yet-valid');
  assert.equal(byWhere.get('root-ca.crt #0')!.expiry, 'valid');
  const negative = byWhere.get('negative-serial.crt #0')!;
  assert.equal(negative.serialNumber, '-4d2');
  assert.deepEqual(negative.notes, ['the serial number is negative, which RFC 5280 does not allow']);
  assert.equal(byWhere.get('root-ca.crt #0')!.serialNumber, '1');
  assert.equal(byWhere.get('intermediate-ca.crt #0')!.serialNumber, '8a3f0c21d4e5f60718293a4b5c6d7e8f');
});
