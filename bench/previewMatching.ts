// Preview matching (bench/README.md): 1,000 entries against an inventory of 10,000 synthetic certificate
// summaries and against 10× as many, in the same run. Prints warm medians (ms) of the index build
// (once per inventory version), the match + preview model (once per manifest version), and the
// growth ratio 100k / 10k (target: at most 11×; 10k preview under 1 s).
// Run: node scripts/build.mjs --no-typecheck && node out/bench/previewMatching.js [--json]
import { performance } from 'node:perf_hooks';
import {
  buildMatchIndex,
  buildPreview,
  CertificateInventory,
  type CertificateSummary,
  matchManifests,
  parseFile,
} from '../server/src/service';

const asJson = process.argv.includes('--json');
const ENTRIES = 1000;
const NODES = 500;

function hex(n: number, width = 16): string {
  return n.toString(16).padStart(width, '0');
}

function iso(day: number): string {
  return new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A cluster-shaped population: kubelet client and serving certificates, service certificates with SANs, a few CAs. */
function certificates(count: number): CertificateSummary[] {
  const list: CertificateSummary[] = [];
  for (let i = 0; i < count; i++) {
    const node = `n${i % NODES}`;
    const kind = i % 10;
    const serving = kind === 1;
    const service = kind >= 2 && kind <= 4;
    list.push({
      serialNumber: hex(i * 7919 + 1).replace(/^0+/, ''),
      subject: serving || kind === 0 ? `CN=system:node:${node},O=system:nodes` : `CN=svc-${i},O=team-${i % 200}`,
      issuer: 'CN=kubernetes',
      commonName: serving || kind === 0 ? `system:node:${node}` : `svc-${i}`,
      organizations: serving || kind === 0 ? ['system:nodes'] : [`team-${i % 200}`],
      notBefore: iso(i % 1500),
      notAfter: iso((i % 1500) + 365),
      dnsNames: service
        ? [`svc-${i}.ns-${i % 50}.svc`, `svc-${i}.ns-${i % 50}.svc.cluster.local`]
        : serving
          ? [node, `${node}.corp.example`]
          : [],
      ipAddresses: service ? [`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`] : [],
      sha256Fingerprint: hex(i, 64),
      isCA: i % 5000 === 0,
      extendedKeyUsage: serving ? ['serverAuth'] : ['clientAuth'],
    });
  }
  return list;
}

/** 1,000 entries: mostly serials, then groups, DNS names and suffixes, IPs; half with notBefore. */
function manifest(): string {
  const lines = [
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'metadata:',
    '  name: bench',
    'spec:',
    '  revocations:',
  ];
  for (let e = 0; e < ENTRIES; e++) {
    const notBefore = e % 2 === 0 ? `    notBefore: "${iso(e % 1500)}"` : undefined;
    const slot = e % 10;
    if (slot < 6)
      lines.push('  - kind: serialnumber', `    serialNumber: "${hex(e * 13 * 7919 + 1).replace(/^0+/, '')}"`);
    else if (slot === 6) lines.push('  - kind: Group', `    group: team-${e % 200}`);
    else if (slot === 7)
      lines.push(
        '  - kind: DNS',
        `    dns: ${e % 20 === 7 ? `.ns-${e % 50}.svc.cluster.local` : `svc-${e * 3}.ns-${(e * 3) % 50}.svc`}`,
      );
    else if (slot === 8) lines.push('  - kind: IP', `    ip: 10.0.${(e >> 8) & 255}.${e & 255}`);
    else lines.push('  - kind: Group', '    group: system:nodes');
    if (notBefore) lines.push(notBefore);
  }
  return `${lines.join('\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Warm medians of wall time and of this process's CPU time (steadier when other work shares the machine). */
function time<T>(run: () => T, repeats: number): { ms: number; cpuMs: number; value: T } {
  let value = run(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    // With --expose-gc: start each sample without the previous sample's garbage.
    (globalThis as { gc?: () => void }).gc?.();
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    value = run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), value };
}

const file = parseFile(manifest());

function measure(count: number) {
  const inventory = new CertificateInventory();
  inventory.setFile('bundle.pem', {
    certificates: certificates(count).map((certificate, index) => ({ certificate, index })),
  });
  const snapshot = inventory.snapshot();
  const repeats = count > 50_000 ? 5 : 11;
  const index = time(() => buildMatchIndex(snapshot), repeats);
  const match = time(() => matchManifests(file.manifests, index.value), repeats);
  const preview = time(() => buildPreview(matchManifests(file.manifests, index.value)), repeats);
  const p = preview.value;
  return {
    certificates: count,
    indexMs: index.ms,
    indexCpuMs: index.cpuMs,
    matchMs: match.ms,
    matchCpuMs: match.cpuMs,
    previewCpuMs: preview.cpuMs,
    previewMs: preview.ms,
    revoked: p.revoked.length,
    notRevocable: p.notRevocable.length,
    matches: p.entries.reduce((sum, entry) => sum + entry.matches.length, 0),
  };
}

const small = measure(10_000);
const large = measure(100_000);
const result = {
  entries: ENTRIES,
  small,
  large,
  matchRatio: large.matchMs / small.matchMs,
  previewCpuRatio: large.previewCpuMs / small.previewCpuMs,
  previewRatio: large.previewMs / small.previewMs,
  totalRatio: (large.indexMs + large.previewMs) / (small.indexMs + small.previewMs),
};
if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  for (const row of [small, large]) {
    console.log(
      `${ENTRIES} entries × ${row.certificates} certificates: index ${row.indexMs.toFixed(1)} ms, match ${row.matchMs.toFixed(1)} ms, match + preview ${row.previewMs.toFixed(1)} ms ` +
        `(${row.matches} matches, ${row.revoked} revoked, ${row.notRevocable} not revocable)`,
    );
  }
  console.log(
    `CPU time: index ${small.indexCpuMs.toFixed(0)} → ${large.indexCpuMs.toFixed(0)} ms, match + preview ${small.previewCpuMs.toFixed(0)} → ${large.previewCpuMs.toFixed(0)} ms ` +
      `(${result.previewCpuRatio.toFixed(2)}×)`,
  );
  console.log(
    `growth 100k/10k: match ${result.matchRatio.toFixed(2)}×, match + preview ${result.previewRatio.toFixed(2)}×, index + preview ${result.totalRatio.toFixed(2)}×`,
  );
}
