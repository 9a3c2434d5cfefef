// 3. Bulk decode throughput on one PEM bundle, in this process: the full decoder (@peculiar/x509
// and the record hover and `decode` show), the lean inventory path (split, base64, the fields
// matching needs, SHA-256), and Node's crypto.X509Certificate reading the same fields. The three
// are interleaved so that load from other processes falls on each alike.
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { findPemCertificates, readCertificateFacts, readCertificateSummary } from '../../server/src/service';
import type { BenchContext } from '../context';
import { median, type FigureSpec } from '../report/figures';

export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

type Decoder = (pem: string) => number;

const lean: Decoder = (pem) => {
  let read = 0;
  for (const block of findPemCertificates(pem))
    if ('der' in block && !('error' in readCertificateSummary(block.der, nodeSha256))) read++;
  return read;
};

const node: Decoder = (pem) => {
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
};

const full: Decoder = (pem) => {
  let read = 0;
  for (const block of findPemCertificates(pem)) if ('der' in block && readCertificateFacts(block.der).ok) read++;
  return read;
};

function rate(decoder: Decoder, pem: string, count: number): number {
  const started = performance.now();
  const read = decoder(pem);
  const seconds = (performance.now() - started) / 1000;
  if (read !== count) throw new Error(`read ${read} of ${count} certificates`);
  return count / seconds;
}

export async function measureDecode(context: BenchContext): Promise<void> {
  const { config, figures, inputs, log } = context;
  const count = config.decodeCount;
  const pem = readFileSync(inputs.bundle(count), 'utf8');
  const group = `3. Decode throughput, ${count.toLocaleString('en-US')}-certificate PEM bundle (in-process)`;
  const spec = (label: string, extra: Partial<FigureSpec> = {}): FigureSpec => ({
    group,
    label,
    unit: 'certificates/s',
    ...extra,
  });
  const decoders = { lean, node, full };
  const samples: Record<keyof typeof decoders, number[]> = { lean: [], node: [], full: [] };
  log(`decode ${count}: warm-up`);
  for (const decoder of Object.values(decoders)) rate(decoder, pem, count);
  for (let r = 0; r < config.decodeRepetitions; r++) {
    log(`decode ${count}: round ${r + 1} of ${config.decodeRepetitions}`);
    for (const [name, decoder] of Object.entries(decoders) as [keyof typeof decoders, Decoder][])
      samples[name].push(rate(decoder, pem, count));
  }
  const nodeRate = median(samples.node);
  figures.add(`decode.full@${count}`, spec('full decoder (@peculiar/x509)'), median(samples.full), samples.full);
  figures.add(`decode.lean@${count}`, spec('lean inventory path'), median(samples.lean), samples.lean);
  figures.add(`decode.node@${count}`, spec('Node crypto.X509Certificate (same fields)'), nodeRate, samples.node);
  figures.add(
    `decode.leanOverNode@${count}`,
    { group, label: 'lean / Node', unit: '×', target: { op: '>=', limit: 0.5, text: '≥ 0.5×' } },
    median(samples.lean) / nodeRate,
  );
  figures.add(
    `decode.fullOverNode@${count}`,
    { group, label: 'full / Node', unit: '×' },
    median(samples.full) / nodeRate,
  );
}
