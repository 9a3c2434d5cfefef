// Differential: every certificate of the system trust store and of the test corpora, decoded by
// us and by openssl, field by field: serial, validity, subject and issuer, SANs, key algorithm
// and size or curve, CA flag. Certificates that no one here wrote (some 150 roots, with their odd
// names, old keys and v1 certificates) are where decoders part ways.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { readCertificateFacts } from '../../../server/src/service/x509/decodeCertificate';
import type { CertificateFacts } from '../../../server/src/service/x509/decodedTypes';
import { fileBlocks } from './helpers/fixturePki';
import { opensslAvailable } from './helpers/openssl';
import { opensslReportsAndDetails } from './helpers/opensslText';

const TRUST_STORE = '/etc/ssl/certs';
const CORPORA = [join(process.cwd(), 'test', 'fixtures')];

interface Found {
  where: string;
  der: Uint8Array;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// bulk.pem holds 300 certificates of one template, differing in serial and CN only: every 25th
// of them is enough here, and keeps the openssl runs (one per certificate) to a few seconds.
const SAMPLED = new Map([['bulk.pem', 25]]);

/** Each distinct certificate (by its DER) of these files, where first found. */
function certificatesIn(paths: string[]): Found[] {
  const seen = new Set<string>();
  const found: Found[] = [];
  for (const path of paths) {
    const every = SAMPLED.get(basename(path)) ?? 1;
    fileBlocks(path).forEach((block, index) => {
      if (block.kind !== 'certificate' || !block.bytes || index % every !== 0) return;
      const digest = createHash('sha256').update(block.bytes).digest('hex');
      if (seen.has(digest)) return;
      seen.add(digest);
      found.push({ where: `${path} #${index}`, der: block.bytes });
    });
  }
  return found;
}

function trustStoreFiles(): string[] {
  // The .pem files are links into /usr/share/ca-certificates; each root once.
  const targets = new Set(
    readdirSync(TRUST_STORE)
      .filter((name) => name.endsWith('.pem'))
      .map((name) => realpathSync(join(TRUST_STORE, name))),
  );
  return [...targets].sort();
}

const skip = !opensslAvailable() && 'openssl is not installed';

function compare(found: Found[]): void {
  const started = performance.now();
  const openssl = opensslReportsAndDetails(found.map((item) => item.der));
  const opensslMs = performance.now() - started;
  const decodeStarted = performance.now();
  const decoded = found.map(({ der }) => readCertificateFacts(der));
  const decodeMs = performance.now() - decodeStarted;
  found.forEach(({ where }, index) => {
    const result = decoded[index];
    assert.ok(result.ok, `${where}: ${result.ok ? '' : result.error}`);
    const facts: CertificateFacts = result.facts;
    const { report, details: detail } = openssl[index];
    const field = (name: string) => `${where}: ${name}`;
    assert.equal(facts.serialNumber, report.serialNumber, field('serial'));
    assert.equal(facts.notBefore, report.notBefore, field('notBefore'));
    assert.equal(facts.notAfter, report.notAfter, field('notAfter'));
    assert.equal(facts.subject, report.subject, field('subject'));
    assert.equal(facts.issuer, report.issuer, field('issuer'));
    assert.deepEqual(facts.dnsNames, report.dnsNames, field('DNS names'));
    assert.deepEqual(facts.ipAddresses, report.ipAddresses, field('IP addresses'));
    assert.deepEqual(facts.publicKey, detail.publicKey, field('public key'));
    assert.equal(facts.isCA, detail.isCA, field('CA'));
    assert.equal(facts.sha256Fingerprint, report.sha256Fingerprint, field('SHA-256'));
  });
  // Reported, not asserted: the openssl batch is most of this test's time.
  console.log(
    `${found.length} certificates: openssl ${Math.round(opensslMs)} ms (one run each), our decoder ${Math.round(decodeMs)} ms`,
  );
}

test("every certificate of the system trust store: our fields equal openssl's", { skip }, () => {
  // .ci/run installs ca-certificates; a Linux machine without it has nothing to compare here.
  assert.ok(existsSync(TRUST_STORE), `${TRUST_STORE} is missing: install the ca-certificates package`);
  const found = certificatesIn(trustStoreFiles());
  assert.ok(found.length >= 100, `${found.length} certificates in ${TRUST_STORE}: install the ca-certificates package`);
  compare(found);
});

test("every certificate of the test corpora: our fields equal openssl's", { skip }, () => {
  const found = certificatesIn(CORPORA.flatMap(filesUnder).sort());
  assert.ok(found.length >= 30, `${found.length} certificates in the test corpora`);
  compare(found);
});
