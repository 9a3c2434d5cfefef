// `decode --format json`: an array of records exactly as the README, "Command line" lists them. Each has `kind`
// (`certificate`, `csr` or `key`), `source` (the path) and `index` (its place in the file, all
// kinds counted); a block that does not decode has `error` instead of its fields. A key record
// holds its type and size or curve, nothing more. A path that cannot be read is a record of kind
// `unreadable` with its `source` and `error`.
import type { DecodedCertificate, DecodedCsr, DecodedKey, InvalidSanEntry, PublicKeySummary } from '../../service';
import { NothingToCheckError } from '../errors';
import type { DecodeRun } from './decodeFiles';

function publicKey(key: PublicKeySummary): PublicKeySummary {
  return {
    algorithm: key.algorithm,
    ...(key.size !== undefined ? { size: key.size } : {}),
    ...(key.curve !== undefined ? { curve: key.curve } : {}),
    ...(key.malformed ? { malformed: true as const } : {}),
  };
}

/** type, hex and (for a dNSName that is valid UTF-8) text; the reason is for people and stays in the text output. */
function invalidSanEntries(entries: readonly InvalidSanEntry[]): Array<Omit<InvalidSanEntry, 'reason'>> {
  return entries.map(({ type, hex, text }) => (text === undefined ? { type, hex } : { type, hex, text }));
}

function certificateFields(certificate: DecodedCertificate) {
  return {
    serialNumber: certificate.serialNumber,
    subject: certificate.subject,
    issuer: certificate.issuer,
    commonName: certificate.commonName ?? null,
    organizations: certificate.organizations,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    dnsNames: certificate.dnsNames,
    ipAddresses: certificate.ipAddresses,
    invalidSanEntries: invalidSanEntries(certificate.invalidSanEntries),
    sha256Fingerprint: certificate.sha256Fingerprint,
    sha1Fingerprint: certificate.sha1Fingerprint,
    publicKey: publicKey(certificate.publicKey),
    isCA: certificate.isCA,
    keyUsage: certificate.keyUsage,
    extendedKeyUsage: certificate.extendedKeyUsage,
    expiry: certificate.expiry,
  };
}

function csrFields(csr: DecodedCsr) {
  return {
    subject: csr.subject,
    dnsNames: csr.dnsNames,
    ipAddresses: csr.ipAddresses,
    invalidSanEntries: invalidSanEntries(csr.invalidSanEntries),
    publicKey: publicKey(csr.publicKey),
  };
}

function keyFields(key: DecodedKey) {
  return {
    keyType: key.keyType,
    ...(key.size !== undefined ? { size: key.size } : {}),
    ...(key.curve !== undefined ? { curve: key.curve } : {}),
  };
}

export function decodeRecords(run: DecodeRun): object[] {
  const records: object[] = run.files.flatMap((file) =>
    file.blocks.map(({ result }, index) => {
      const head = { source: file.path, index };
      if (!result.ok)
        return {
          kind: result.failure.kind === 'unknown' ? 'certificate' : result.failure.kind,
          ...head,
          error: result.failure.error,
        };
      const record = result.record;
      if (record.kind === 'certificate') return { kind: 'certificate', ...head, ...certificateFields(record) };
      if (record.kind === 'csr') return { kind: 'csr', ...head, ...csrFields(record) };
      return { kind: 'key', ...head, ...keyFields(record) };
    }),
  );
  // An input that could not be read closes the array: without it, a short array would look whole.
  for (const problem of run.problems) {
    if (!(problem instanceof NothingToCheckError))
      records.push({ kind: 'unreadable', source: problem.path, error: problem.message });
  }
  return records;
}

export function formatDecodeJson(run: DecodeRun): string {
  return `${JSON.stringify(decodeRecords(run), null, 2)}\n`;
}
