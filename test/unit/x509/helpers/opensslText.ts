// What `openssl x509 -text` and `-fingerprint -sha1` say of certificates beyond the summary
// fields (helpers/openssl.ts has those): key, signature algorithm, version, key usage, path
// length, key identifiers. One shell runs openssl for a whole batch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpensslDetails {
  version: number;
  signatureAlgorithm: string;
  publicKey: { algorithm: string; size?: number; curve?: string };
  keyUsage: string[];
  isCA: boolean;
  pathLength: number | undefined;
  subjectKeyIdentifier: string | undefined;
  authorityKeyIdentifier: string | undefined;
  sha1Fingerprint: string;
}

const KEY_USAGE_NAMES: Record<string, string> = {
  'Digital Signature': 'digitalSignature',
  'Non Repudiation': 'nonRepudiation',
  'Key Encipherment': 'keyEncipherment',
  'Data Encipherment': 'dataEncipherment',
  'Key Agreement': 'keyAgreement',
  'Certificate Sign': 'keyCertSign',
  'CRL Sign': 'cRLSign',
  'Encipher Only': 'encipherOnly',
  'Decipher Only': 'decipherOnly',
};

const SEPARATOR = '=====end of certificate=====';

export function opensslDetails(ders: Uint8Array[]): OpensslDetails[] {
  const dir = mkdtempSync(join(tmpdir(), 'full-openssl-'));
  try {
    ders.forEach((der, index) => writeFileSync(join(dir, `${index}.der`), der));
    const script = `i=0; while [ $i -lt ${ders.length} ]; do openssl x509 -inform DER -in "${dir}/$i.der" -noout -text -fingerprint -sha1 2>&1; echo "${SEPARATOR}"; i=$((i+1)); done`;
    const result = spawnSync('sh', ['-c', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`openssl batch failed: ${result.stderr}`);
    return result.stdout.split(`${SEPARATOR}\n`).slice(0, ders.length).map((block) => parse(block.split('\n')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function after(lines: string[], heading: string): string | undefined {
  const index = lines.findIndex((line) => line.trim().startsWith(heading));
  return index < 0 ? undefined : lines[index + 1]?.trim();
}

function match(lines: string[], pattern: RegExp): RegExpExecArray | undefined {
  for (const line of lines) {
    const found = pattern.exec(line);
    if (found) return found;
  }
  return undefined;
}

function parse(lines: string[]): OpensslDetails {
  const version = Number(match(lines, /^\s*Version: (\d+)/)?.[1]);
  const signatureAlgorithm = match(lines, /^\s*Signature Algorithm: (\S+)/)?.[1] ?? 'none';
  const algorithm = match(lines, /^\s*Public Key Algorithm: (\S+)/)?.[1] ?? 'none';
  const bits = match(lines, /Public-Key: \((\d+) bit\)/)?.[1];
  const curve = match(lines, /NIST CURVE: (\S+)/)?.[1];
  const publicKey =
    algorithm === 'rsaEncryption' ? { algorithm: 'RSA', size: Number(bits) }
    : algorithm === 'id-ecPublicKey' ? { algorithm: 'EC', curve: curve ?? 'unknown' }
    : { algorithm: algorithm === 'ED25519' ? 'Ed25519' : algorithm === 'ED448' ? 'Ed448' : algorithm };
  const keyUsage = after(lines, 'X509v3 Key Usage');
  const basic = after(lines, 'X509v3 Basic Constraints');
  const pathLength = basic ? /pathlen:(\d+)/.exec(basic)?.[1] : undefined;
  const hexOf = (text: string | undefined) => text?.replace(/^keyid:/, '').replace(/:/g, '').toLowerCase();
  return {
    version,
    signatureAlgorithm,
    publicKey,
    keyUsage: keyUsage ? keyUsage.split(', ').map((usage) => KEY_USAGE_NAMES[usage] ?? usage) : [],
    isCA: basic?.startsWith('CA:TRUE') ?? false,
    pathLength: pathLength === undefined ? undefined : Number(pathLength),
    subjectKeyIdentifier: hexOf(after(lines, 'X509v3 Subject Key Identifier')),
    authorityKeyIdentifier: hexOf(after(lines, 'X509v3 Authority Key Identifier')),
    sha1Fingerprint: (match(lines, /^sha1 Fingerprint=(\S+)/i)?.[1] ?? '').replace(/:/g, '').toLowerCase(),
  };
}
