// What the real `openssl` reports for certificates: the reference the lean decoder is held to.
// One shell starts openssl for every certificate of a batch (a test process per certificate would
// cost far more).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalIp } from '../../../../server/src/service/values/ip';

export function opensslAvailable(): boolean {
  return spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
}

export interface OpensslReport {
  /** Canonical form: lowercase, no leading zeros, `-` for negative. */
  serialNumber: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
  dnsNames: string[];
  ipAddresses: string[];
  isCA: boolean;
  extendedKeyUsage: string[];
}

const PURPOSE_NAMES: Record<string, string> = {
  'TLS Web Server Authentication': 'serverAuth',
  'TLS Web Client Authentication': 'clientAuth',
  'Code Signing': 'codeSigning',
  'E-mail Protection': 'emailProtection',
  'Time Stamping': 'timeStamping',
  'OCSP Signing': 'OCSPSigning',
};

/** The subject and issuer in `-nameopt RFC2253` of each DER certificate (a cheaper run for names only). */
export function opensslNames(ders: Uint8Array[]): Array<{ subject: string; issuer: string }> {
  return runBatch(ders, ['-subject', '-issuer', '-nameopt', 'RFC2253']).map((lines) => ({
    subject: value(lines, 'subject='),
    issuer: value(lines, 'issuer='),
  }));
}

/** openssl's report of each DER certificate, in the canonical forms of the certificate summary. */
export function opensslReports(ders: Uint8Array[]): OpensslReport[] {
  return runBatch(ders, REPORT_OPTIONS).map(parseReport);
}

export const REPORT_OPTIONS = [
  '-serial',
  '-subject',
  '-issuer',
  '-nameopt',
  'RFC2253',
  '-startdate',
  '-enddate',
  '-dateopt',
  'iso_8601',
  '-fingerprint',
  '-sha256',
  '-ext',
  'subjectAltName,basicConstraints,extendedKeyUsage',
];

/**
 * The output lines of `openssl x509 -inform DER -noout OPTIONS` for each certificate. A run costs
 * tens of milliseconds, nearly all of it start-up, so the runs of a batch share the cores (xargs
 * -P), each writing its own file, read back in order.
 */
export function runBatch(ders: Uint8Array[], options: string[]): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'lean-openssl-'));
  try {
    ders.forEach((der, index) => writeFileSync(join(dir, `${index}.der`), der));
    const run = `openssl x509 -inform DER -in "${dir}/$0.der" -noout ${options.join(' ')} > "${dir}/$0.out" 2>&1; exit 0`;
    const script = `seq 0 ${ders.length - 1} | xargs -P ${availableParallelism()} -n 1 sh -c '${run}'`;
    const result = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl batch failed: ${result.stderr}`);
    return ders.map((_, index) =>
      readFileSync(join(dir, `${index}.out`), 'utf8')
        .split('\n')
        .filter((line) => line !== ''),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function value(lines: string[], prefix: string): string {
  const line = lines.find((l) => l.startsWith(prefix));
  if (line === undefined) throw new Error(`openssl printed no ${prefix}: ${lines.join('\n')}`);
  return line.slice(prefix.length);
}

/** The indented line after an extension's heading, or undefined when openssl printed none. */
function extensionBody(lines: string[], heading: string): string | undefined {
  const index = lines.findIndex((l) => l.startsWith(heading));
  return index < 0 ? undefined : lines[index + 1]?.trim();
}

function canonicalSerial(text: string): string {
  const negative = text.startsWith('-');
  const magnitude = text
    .replace(/^-/, '')
    .toLowerCase()
    .replace(/^0+(?=.)/, '');
  return negative && magnitude !== '0' ? `-${magnitude}` : magnitude;
}

export function parseReport(lines: string[]): OpensslReport {
  const san = extensionBody(lines, 'X509v3 Subject Alternative Name');
  const sanItems = san ? san.split(', ') : [];
  const eku = extensionBody(lines, 'X509v3 Extended Key Usage');
  return {
    serialNumber: canonicalSerial(value(lines, 'serial=')),
    subject: value(lines, 'subject='),
    issuer: value(lines, 'issuer='),
    notBefore: value(lines, 'notBefore=').replace(' ', 'T'),
    notAfter: value(lines, 'notAfter=').replace(' ', 'T'),
    sha256Fingerprint: value(lines, 'sha256 Fingerprint=').replace(/:/g, '').toLowerCase(),
    dnsNames: sanItems.filter((item) => item.startsWith('DNS:')).map((item) => item.slice(4)),
    ipAddresses: sanItems
      .filter((item) => item.startsWith('IP Address:'))
      .map((item) => canonicalIp(item.slice(11)) ?? `unreadable ${item}`),
    isCA: extensionBody(lines, 'X509v3 Basic Constraints') === 'CA:TRUE',
    extendedKeyUsage: eku ? eku.split(', ').map((purpose) => PURPOSE_NAMES[purpose] ?? purpose) : [],
  };
}
