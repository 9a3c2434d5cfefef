// What `openssl x509 -text` and `-fingerprint -sha1` say of certificates beyond the summary
// fields (helpers/openssl.ts has those): key, signature algorithm, version, key usage, path
// length, key identifiers. One shell runs openssl for a whole batch.
import { parseReport, REPORT_OPTIONS, runBatch, type OpensslReport } from './openssl';

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

export function opensslDetails(ders: Uint8Array[]): OpensslDetails[] {
  return runBatch(ders, ['-text', '-fingerprint', '-sha1']).map(parse);
}

/**
 * The report and the details of each certificate from one openssl run apiece (a run costs tens of
 * milliseconds, nearly all of it start-up): for batches of hundreds. No SHA-1 fingerprint (the
 * run prints SHA-256); the -text output's names are in RFC 2253 form.
 */
export function opensslReportsAndDetails(
  ders: Uint8Array[],
): Array<{ report: OpensslReport; details: Omit<OpensslDetails, 'sha1Fingerprint'> }> {
  return runBatch(ders, ['-text', ...REPORT_OPTIONS]).map((lines) => {
    const { sha1Fingerprint: _sha1, ...details } = parse(lines);
    return { report: parseReport(lines), details };
  });
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
    algorithm === 'rsaEncryption'
      ? { algorithm: 'RSA', size: Number(bits) }
      : algorithm === 'id-ecPublicKey'
        ? { algorithm: 'EC', curve: curve ?? 'unknown' }
        : { algorithm: algorithm === 'ED25519' ? 'Ed25519' : algorithm === 'ED448' ? 'Ed448' : algorithm };
  const keyUsage = after(lines, 'X509v3 Key Usage');
  const basic = after(lines, 'X509v3 Basic Constraints');
  const pathLength = basic ? /pathlen:(\d+)/.exec(basic)?.[1] : undefined;
  const hexOf = (text: string | undefined) =>
    text
      ?.replace(/^keyid:/, '')
      .replace(/:/g, '')
      .toLowerCase();
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
