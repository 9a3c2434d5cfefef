// Building the inventory from disk (bench/README.md: 10,000 certificates under 5 s, in the background):
// the pure reader (service/inventory/readCertificateFile.ts: the shared finder, then the lean
// decoder) on the bench's folder of 10,000 one-certificate files, as the CLI's `--certs` does it
// and as the CPU cost of the reader alone; beside it the bare PEM splitter path (no finder) for
// comparison, and the two kinds of YAML a workspace holds: a large manifest (no certificate data:
// skipped before any YAML parse) and a `kubectl get secrets -A -o yaml` List (parsed).
// Run: node scripts/build.mjs --no-typecheck && node out/bench/inventoryRead.js [--json] [--rounds N]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readInventory, nodeSha256 } from '../server/src/cli/inventory/readInventory';
import {
  CertificateInventory,
  findPemCertificates,
  readCertificateFile,
  readCertificateSummary,
} from '../server/src/service';
import { BenchInputs } from './generate/inputs';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
const COUNT = 10_000;
const SECRETS = 1_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Warm medians of `ROUNDS` runs after one discarded run: wall time, and the CPU time of this
 * process (user + system), which tells the work apart from the waiting on a shared machine.
 */
async function measure<T>(run: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  let value = await run();
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    value = await run();
    const used = process.cpuUsage(cpu);
    samples.push(performance.now() - started);
    cpuSamples.push((used.user + used.system) / 1000);
  }
  return { ms: median(samples), cpuMs: median(cpuSamples), value };
}

/** What `kubectl get secrets -A -o yaml` writes for `count` TLS Secrets holding these PEM certificates. */
function secretList(pems: readonly string[]): string {
  const lines = ['apiVersion: v1', 'items:'];
  pems.forEach((pem, i) => {
    const data = Buffer.from(pem).toString('base64');
    lines.push(
      '- apiVersion: v1',
      '  data:',
      `    ca.crt: ${data}`,
      `    tls.crt: ${data}`,
      `    tls.key: ${Buffer.from(`-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n-----END PRIVATE KEY-----\n`).toString('base64')}`,
      '  kind: Secret',
      '  metadata:',
      `    name: tls-${i}`,
      `    namespace: ns-${i % 50}`,
      `    resourceVersion: "${1000 + i}"`,
      '  type: kubernetes.io/tls',
    );
  });
  lines.push('kind: List', 'metadata:', '  resourceVersion: ""', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const inputs = new BenchInputs(resolve(__dirname, '..', '..'), (message) => process.stderr.write(`${message}\n`));
  const folder = inputs.folder(COUNT, 1);
  const paths = readdirSync(folder)
    .sort()
    .map((name) => join(folder, name));
  const files = paths.map((path) => new Uint8Array(readFileSync(path)));
  const manifest = inputs.manifest(10_000);
  const list = secretList(files.slice(0, SECRETS).map((bytes) => Buffer.from(bytes).toString('latin1')));

  const figures: Record<string, number> = {};
  const perSecond = (ms: number, count: number) => Math.round((count / ms) * 1000);

  // As `preview --certs FOLDER` does it: walk, read each file, reader, inventory model.
  const cli = await measure(() => readInventory([folder], 5 * 1024 * 1024));
  if (cli.value.snapshot.certificates.length !== COUNT)
    throw new Error(`the inventory holds ${cli.value.snapshot.certificates.length} of ${COUNT}`);
  figures.cliFolderMs = cli.ms;
  figures.cliFolderCpuMs = cli.cpuMs;

  // The reader and the inventory model alone, the files already in memory.
  const read = (sha256?: (bytes: Uint8Array) => string) => () => {
    const inventory = new CertificateInventory();
    files.forEach((bytes, i) =>
      inventory.setFile(paths[i], readCertificateFile(paths[i], bytes, sha256 ? { sha256 } : {})),
    );
    return inventory.size;
  };
  const reader = await measure(read(nodeSha256));
  figures.readerNodeShaMs = reader.ms;
  figures.readerNodeShaCpuMs = reader.cpuMs;
  const portable = await measure(read());
  figures.readerPortableShaMs = portable.ms;
  figures.readerPortableShaCpuMs = portable.cpuMs;

  // The bare splitter (certificate blocks only, no finder), as a floor for the detection step.
  const splitter = await measure(() => {
    const inventory = new CertificateInventory();
    files.forEach((bytes, i) => {
      const certificates = findPemCertificates(Buffer.from(bytes).toString('latin1')).flatMap((block, index) => {
        if (!('der' in block)) return [];
        const certificate = readCertificateSummary(block.der, nodeSha256);
        return 'error' in certificate ? [] : [{ certificate, index, offset: block.offset }];
      });
      inventory.setFile(paths[i], { certificates });
    });
    return inventory.size;
  });
  figures.splitterNodeShaMs = splitter.ms;
  figures.splitterNodeShaCpuMs = splitter.cpuMs;

  // YAML: a 10,000-entry manifest (no certificate data) and a List of Secrets.
  const manifestRead = await measure(() => readCertificateFile('manifest.yaml', manifest.text).certificates.length);
  figures.manifestMs = manifestRead.ms;
  figures.manifestCpuMs = manifestRead.cpuMs;
  const listRead = await measure(() => readCertificateFile('secrets.yaml', list, { sha256: nodeSha256 }));
  if (listRead.value.certificates.length !== 2 * SECRETS)
    throw new Error(`the List gave ${listRead.value.certificates.length} certificates`);
  figures.secretListMs = listRead.ms;
  figures.secretListCpuMs = listRead.cpuMs;

  const result = {
    certificates: COUNT,
    rounds: ROUNDS,
    ...figures,
    cliFolderPerSecond: perSecond(figures.cliFolderMs, COUNT),
    readerNodeShaPerSecond: perSecond(figures.readerNodeShaMs, COUNT),
    readerPortableShaPerSecond: perSecond(figures.readerPortableShaMs, COUNT),
    splitterNodeShaPerSecond: perSecond(figures.splitterNodeShaMs, COUNT),
    manifestKiB: Math.round(manifest.text.length / 1024),
    secretListKiB: Math.round(list.length / 1024),
    secretListCertificatesPerSecond: perSecond(figures.secretListMs, 2 * SECRETS),
  };
  if (asJson) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const ms = (wall: number, cpu: number) => `${wall.toFixed(0).padStart(6)} ms (CPU ${cpu.toFixed(0).padStart(5)} ms)`;
  const rate = (value: number) => `${value.toLocaleString('en-US').padStart(7)} certificates/s`;
  process.stdout.write(
    [
      `Inventory from ${COUNT.toLocaleString('en-US')} one-certificate files (warm medians of ${ROUNDS}; target < 5 s):`,
      `  preview --certs FOLDER (walk, read, reader, model)  ${ms(figures.cliFolderMs, figures.cliFolderCpuMs)}  ${rate(result.cliFolderPerSecond)}`,
      `  reader + model, files in memory, Node SHA-256      ${ms(figures.readerNodeShaMs, figures.readerNodeShaCpuMs)}  ${rate(result.readerNodeShaPerSecond)}`,
      `  reader + model, files in memory, portable SHA-256  ${ms(figures.readerPortableShaMs, figures.readerPortableShaCpuMs)}  ${rate(result.readerPortableShaPerSecond)}`,
      `  bare PEM splitter + lean decoder (no finder)       ${ms(figures.splitterNodeShaMs, figures.splitterNodeShaCpuMs)}  ${rate(result.splitterNodeShaPerSecond)}`,
      `YAML through the reader:`,
      `  a 10,000-entry manifest (${result.manifestKiB} KiB, no certificate data)   ${ms(figures.manifestMs, figures.manifestCpuMs)}`,
      `  a List of ${SECRETS.toLocaleString('en-US')} TLS Secrets (${result.secretListKiB} KiB, ${2 * SECRETS} certificates) ${ms(figures.secretListMs, figures.secretListCpuMs)}  ${rate(result.secretListCertificatesPerSecond)}`,
      '',
    ].join('\n'),
  );
}

void main();
