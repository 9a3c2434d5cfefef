// Bulk certificate decoding throughput (bench/README.md): the lean path against Node's
// crypto.X509Certificate (parse and read the same fields) and the full decoder (@peculiar/x509),
// on the same PEM bundle, in the same run. Prints certificates per second and the ratios.
// Run: node scripts/build.mjs --no-typecheck && node out/bench/decodeThroughput.js [count] [--json]
import { createHash, X509Certificate } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  decodeBase64,
  findPemCertificates,
  readCertificateFacts,
  readCertificateSummary,
  sha256Hex,
} from '../server/src/service';
import { buildBundle } from '../test/unit/x509/helpers/bundle';
import { toPem } from '../test/unit/x509/helpers/certificateBuilder';

const count = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 2201);
const asJson = process.argv.includes('--json');

const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const portableBase64 = (text: string): Uint8Array | undefined => {
  const result = decodeBase64(text);
  return result.ok ? result.bytes : undefined;
};

function ders(pem: string): Uint8Array[] {
  return findPemCertificates(pem).flatMap((block) => ('der' in block ? [block.der] : []));
}

/** Everything the inventory reads, from PEM text: split, base64, parse, fields, fingerprint. */
function lean(pem: string): number {
  let read = 0;
  for (const block of findPemCertificates(pem)) {
    if ('der' in block && !('error' in readCertificateSummary(block.der, nodeSha256))) read++;
  }
  return read;
}

/** The same with nothing from Node: the portable base64 and SHA-256 (what a browser runs). */
function leanPortable(pem: string): number {
  let read = 0;
  for (const block of findPemCertificates(pem, portableBase64)) {
    if ('der' in block && !('error' in readCertificateSummary(block.der, sha256Hex))) read++;
  }
  return read;
}

/** Node's X509Certificate on the same blocks, reading the same fields. */
function node(pem: string): number {
  let read = 0;
  for (const block of findPemCertificates(pem)) {
    if (!('der' in block)) continue;
    const certificate = new X509Certificate(block.der);
    const fields = [
      certificate.serialNumber,
      certificate.subject,
      certificate.issuer,
      certificate.validFrom,
      certificate.validTo,
      certificate.subjectAltName,
      certificate.ca,
      certificate.keyUsage,
      certificate.fingerprint256,
    ];
    if (fields.length) read++;
  }
  return read;
}

/** The full decoder (@peculiar/x509 and the record hover and `decode` show) on the same blocks. */
function full(pem: string): number {
  let read = 0;
  for (const block of findPemCertificates(pem)) {
    if ('der' in block && readCertificateFacts(block.der).ok) read++;
  }
  return read;
}

/** Median certificates per second over `rounds` timed runs, after one warm-up run. */
function measure(run: (pem: string) => number, pem: string, expected: number, rounds: number): number {
  if (run(pem) !== expected) throw new Error(`${run.name} read fewer than ${expected} certificates`);
  const rates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    run(pem);
    rates.push(expected / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

const built = performance.now();
const certificates = buildBundle(count);
const pem = certificates.map(toPem).join('');
const buildMs = performance.now() - built;
if (ders(pem).length !== count) throw new Error('the bundle does not split back into its certificates');

// Interleave the contenders so that load from other processes falls on all of them alike.
const rates = { lean: [] as number[], leanPortable: [] as number[], node: [] as number[], full: [] as number[] };
for (let round = 0; round < 2; round++) {
  rates.lean.push(measure(lean, pem, count, 3));
  rates.node.push(measure(node, pem, count, 3));
  rates.leanPortable.push(measure(leanPortable, pem, count, 3));
}
// The full decoder is ten times slower: a few hundred certificates give its rate.
const fullCount = Math.min(count, 300);
const fullPem = certificates.slice(0, fullCount).map(toPem).join('');
rates.full.push(measure(full, fullPem, fullCount, 1));
const best = (values: number[]): number => Math.max(...values);
const result = {
  certificates: count,
  bundleBytes: pem.length,
  leanPerSecond: Math.round(best(rates.lean)),
  leanPortablePerSecond: Math.round(best(rates.leanPortable)),
  nodePerSecond: Math.round(best(rates.node)),
  fullPerSecond: Math.round(best(rates.full)),
};
if (asJson) console.log(JSON.stringify(result));
else {
  console.log(
    `bundle: ${count} certificates, ${(pem.length / 1024).toFixed(0)} KiB of PEM (built in ${buildMs.toFixed(0)} ms)`,
  );
  console.log(
    `lean (Node base64 + SHA-256):  ${result.leanPerSecond} certificates/s  (${(result.leanPerSecond / result.nodePerSecond).toFixed(2)}× Node)`,
  );
  console.log(
    `lean (portable, as a browser): ${result.leanPortablePerSecond} certificates/s  (${(result.leanPortablePerSecond / result.nodePerSecond).toFixed(2)}× Node)`,
  );
  console.log(`Node crypto.X509Certificate:   ${result.nodePerSecond} certificates/s`);
  console.log(
    `full decoder (@peculiar/x509): ${result.fullPerSecond} certificates/s  (${(result.fullPerSecond / result.nodePerSecond).toFixed(2)}× Node)`,
  );
}
