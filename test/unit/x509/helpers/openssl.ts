// What the real `openssl` reports for certificates: the reference the lean decoder is held to.
// One shell runs openssl for every certificate of a batch (one spawn per certificate is what
// costs; one test process per certificate would cost more).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const SEPARATOR = '=====end of certificate=====';

/** The subject and issuer in `-nameopt RFC2253` of each DER certificate (a cheaper run for names only). */
export function opensslNames(ders: Uint8Array[]): Array<{ subject: string; issuer: string }> {
  return runBatch(ders, ['-subject', '-issuer', '-nameopt', 'RFC2253']).map((lines) => ({ subject: value(lines, 'subject='), issuer: value(lines, 'issuer=') }));
}

/** openssl's report of each DER certificate, in the canonical forms of the certificate summary. */
export function opensslReports(ders: Uint8Array[]): OpensslReport[] {
  const options = ['-serial', '-subject', '-issuer', '-nameopt', 'RFC2253', '-startdate', '-enddate', '-dateopt', 'iso_8601', '-fingerprint', '-sha256', '-ext', 'subjectAltName,basicConstraints,extendedKeyUsage'];
  return runBatch(ders, options).map(parseReport);
}

function runBatch(ders: Uint8Array[], options: string[]): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'lean-openssl-'));
  try {
    ders.forEach((der, index) => writeFileSync(join(dir, `${index}.der`), der));
    const script = `i=0; while [ $i -lt ${ders.length} ]; do openssl x509 -inform DER -in "${dir}/$i.der" -noout ${options.join(' ')} 2>&1; echo "${SEPARATOR}"; i=$((i+1)); done`;
    const result = spawnSync('sh', ['-c', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`openssl batch failed: ${result.stderr}`);
    const blocks = result.stdout.split(`${SEPARATOR}\n`).slice(0, ders.length);
    return blocks.map((block) => block.split('\n').filter((line) => line !== ''));
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
  const magnitude = text.replace(/^-/, '').toLowerCase().replace(/^0+(?=.)/, '');
  return negative && magnitude !== '0' ? `-${magnitude}` : magnitude;
}

function parseReport(lines: string[]): OpensslReport {
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
    ipAddresses: sanItems.filter((item) => item.startsWith('IP Address:')).map((item) => canonicalIp(item.slice(11)) ?? `unreadable ${item}`),
    isCA: extensionBody(lines, 'X509v3 Basic Constraints') === 'CA:TRUE',
    extendedKeyUsage: eku ? eku.split(', ').map((purpose) => PURPOSE_NAMES[purpose] ?? purpose) : [],
  };
}
