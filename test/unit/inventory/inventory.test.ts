import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CertificateInventory, fileTooLargeProblem } from '../../../server/src/service/inventory/inventory';
import { fingerprintOf, summary } from '../helpers/certificateSummaries';

const apiserver = summary({ name: 'apiserver' });
const admin = summary({ name: 'admin', organizations: ['system:masters'] });
const ca = summary({ name: 'ca', isCA: true });

function fingerprints(inventory: CertificateInventory): string[] {
  return inventory.snapshot().certificates.map((c) => c.certificate.sha256Fingerprint);
}

test('a certificate found in several files is one certificate with every source', () => {
  const inventory = new CertificateInventory();
  inventory.setFile('/pki/apiserver.crt', { certificates: [{ certificate: apiserver, index: 0, offset: 0 }] });
  inventory.setFile('C:\\AksHci\\pki\\bundle.pem', {
    certificates: [
      { certificate: ca, index: 0, offset: 0 },
      { certificate: summary({ name: 'apiserver' }), index: 2, offset: 2400 },
    ],
  });
  inventory.setFile('/pki/apiserver.der', { certificates: [{ certificate: apiserver, index: 0 }] });
  assert.equal(inventory.size, 2);
  assert.deepEqual(inventory.get(fingerprintOf('apiserver'))?.sources, [
    { path: '/pki/apiserver.crt', index: 0, offset: 0 },
    { path: '/pki/apiserver.der', index: 0 },
    { path: 'C:\\AksHci\\pki\\bundle.pem', index: 2, offset: 2400 },
  ]);
  assert.deepEqual(inventory.get(fingerprintOf('ca'))?.sources, [
    { path: 'C:\\AksHci\\pki\\bundle.pem', index: 0, offset: 0 },
  ]);
});

test('the same certificate twice in one file keeps both places', () => {
  const inventory = new CertificateInventory();
  inventory.setFile('a.pem', {
    certificates: [
      { certificate: admin, index: 0, offset: 0 },
      { certificate: admin, index: 1, offset: 900 },
    ],
  });
  assert.equal(inventory.size, 1);
  assert.deepEqual(inventory.get(admin.sha256Fingerprint)?.sources, [
    { path: 'a.pem', index: 0, offset: 0 },
    { path: 'a.pem', index: 1, offset: 900 },
  ]);
  inventory.removeFile('a.pem');
  assert.equal(inventory.size, 0);
});

test('replacing one file updates only its share; removing it drops certificates no other file holds', () => {
  const inventory = new CertificateInventory();
  inventory.setFile('a.pem', {
    certificates: [
      { certificate: apiserver, index: 0 },
      { certificate: admin, index: 1 },
    ],
  });
  inventory.setFile('b.pem', { certificates: [{ certificate: admin, index: 0 }] });
  const v1 = inventory.version;

  inventory.setFile('a.pem', { certificates: [{ certificate: ca, index: 0 }] });
  assert.ok(inventory.version > v1);
  assert.deepEqual(new Set(fingerprints(inventory)), new Set([admin.sha256Fingerprint, ca.sha256Fingerprint]));
  assert.deepEqual(inventory.get(admin.sha256Fingerprint)?.sources, [{ path: 'b.pem', index: 0 }]);

  const v2 = inventory.version;
  inventory.removeFile('b.pem');
  assert.ok(inventory.version > v2);
  assert.deepEqual(fingerprints(inventory), [ca.sha256Fingerprint]);
  assert.equal(inventory.get(admin.sha256Fingerprint), undefined);
  assert.deepEqual(inventory.paths(), ['a.pem']);
});

test('the version moves on change only: an identical re-read keeps it (and its snapshot)', () => {
  const inventory = new CertificateInventory();
  assert.equal(inventory.version, 0);
  inventory.setFile('a.pem', { certificates: [{ certificate: apiserver, index: 0, offset: 10 }], stamp: '100:1' });
  const version = inventory.version;
  const snapshot = inventory.snapshot();
  inventory.setFile('a.pem', {
    certificates: [{ certificate: summary({ name: 'apiserver' }), index: 0, offset: 10 }],
    stamp: '100:2',
  });
  assert.equal(inventory.version, version);
  assert.equal(inventory.snapshot(), snapshot);
  assert.equal(inventory.stampOf('a.pem'), '100:2');
  inventory.setFile('a.pem', { certificates: [{ certificate: apiserver, index: 0, offset: 11 }] });
  assert.equal(inventory.version, version + 1);
  assert.notEqual(inventory.snapshot(), snapshot);
  inventory.removeFile('never-seen.pem');
  assert.equal(inventory.version, version + 1);
});

test('snapshots list certificates in the order of their first source and do not change afterwards', () => {
  const inventory = new CertificateInventory();
  inventory.setFile('z.pem', { certificates: [{ certificate: ca, index: 0 }] });
  inventory.setFile('a.pem', {
    certificates: [
      { certificate: admin, index: 1 },
      { certificate: apiserver, index: 0 },
    ],
  });
  const snapshot = inventory.snapshot();
  assert.deepEqual(fingerprints(inventory), [
    apiserver.sha256Fingerprint,
    admin.sha256Fingerprint,
    ca.sha256Fingerprint,
  ]);
  inventory.removeFile('a.pem');
  assert.equal(snapshot.certificates.length, 3);
  assert.deepEqual(snapshot.certificates[0].sources, [{ path: 'a.pem', index: 0 }]);
});

test('problems are kept per file, with their path, and replaced with the file', () => {
  const inventory = new CertificateInventory();
  inventory.setFile('big.pem', {
    certificates: [],
    problems: [fileTooLargeProblem('big.pem', 6 * 1024 * 1024, 5 * 1024 * 1024)],
  });
  inventory.setFile('a.pem', {
    certificates: [{ certificate: apiserver, index: 0 }],
    problems: [
      { path: 'a.pem', code: 'pem-invalid', message: 'the base64 body does not decode', index: 1, offset: 1200 },
    ],
  });
  assert.deepEqual(inventory.problems(), [
    { path: 'a.pem', code: 'pem-invalid', message: 'the base64 body does not decode', index: 1, offset: 1200 },
    {
      path: 'big.pem',
      code: 'file-too-large',
      message:
        '6.0 MiB is more than renewRevocation.maxFileSize (5.0 MiB): its certificates are not in the inventory. Raise the setting to include it.',
    },
  ]);
  const version = inventory.version;
  inventory.setFile('a.pem', { certificates: [{ certificate: apiserver, index: 0 }] });
  assert.equal(inventory.version, version + 1);
  assert.deepEqual(
    inventory.problems().map((p) => p.path),
    ['big.pem'],
  );
  assert.deepEqual(
    inventory.snapshot().problems.map((p) => p.code),
    ['file-too-large'],
  );
});

test('removeFiles drops a folder; clear empties everything', () => {
  const inventory = new CertificateInventory();
  inventory.setFile('C:\\AksHci\\pki\\ca.crt', { certificates: [{ certificate: ca, index: 0 }] });
  inventory.setFile('C:\\AksHci\\pki\\admin.crt', { certificates: [{ certificate: admin, index: 0 }] });
  inventory.setFile('file:///work/apiserver.crt', { certificates: [{ certificate: apiserver, index: 0 }] });
  inventory.removeFiles((path) => path.startsWith('C:\\AksHci\\pki\\'));
  assert.deepEqual(inventory.paths(), ['file:///work/apiserver.crt']);
  assert.deepEqual(fingerprints(inventory), [apiserver.sha256Fingerprint]);
  const version = inventory.version;
  inventory.clear();
  assert.equal(inventory.size, 0);
  assert.equal(inventory.version, version + 1);
  assert.deepEqual(inventory.paths(), []);
});
