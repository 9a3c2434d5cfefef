// The full certificate decoder: `@peculiar/x509` for the structure and the extensions, our own
// readers for what must be exact (the serial's sign, names as openssl prints them, SAN bytes,
// fingerprints). One plain record in the canonical forms of SPEC §4; never throws.
import { canonicalSerialFromDer, MAX_SERIAL_OCTETS } from '../values/serial';
import { formatIsoUtc } from '../values/time';
import { readCertificateParts, signatureAlgorithmName } from './certificateDer';
import { DerError, DerReader, readBoolean, readOid, TAG } from './der';
import { readNameDer } from './derName';
import type { CertificateFacts, DecodedCertificate, ExtensionSummary } from './decodedTypes';
import { sha1Hex, sha256Hex } from './digest';
import { extendedKeyUsageName } from './extendedKeyUsage';
import { expiryOf, type ExpiryClock } from './expiry';
import { readGeneralNames } from './generalNames';
import { publicKeyInfo } from './keyInfo';
import { commonNameOf, formatName, organizationsOf, type DistinguishedName } from './names';
import { libraryReason, x509, type X509 } from './peculiar';

export type FactsResult = { ok: true; facts: CertificateFacts } | { ok: false; error: string };
export type CertificateResult = { ok: true; certificate: DecodedCertificate } | { ok: false; error: string };

const EXTENSION_NAMES: ReadonlyMap<string, string> = new Map([
  ['2.5.29.14', 'subjectKeyIdentifier'],
  ['2.5.29.15', 'keyUsage'],
  ['2.5.29.17', 'subjectAltName'],
  ['2.5.29.18', 'issuerAltName'],
  ['2.5.29.19', 'basicConstraints'],
  ['2.5.29.30', 'nameConstraints'],
  ['2.5.29.31', 'cRLDistributionPoints'],
  ['2.5.29.32', 'certificatePolicies'],
  ['2.5.29.35', 'authorityKeyIdentifier'],
  ['2.5.29.36', 'policyConstraints'],
  ['2.5.29.37', 'extendedKeyUsage'],
  ['1.3.6.1.5.5.7.1.1', 'authorityInfoAccess'],
  ['1.3.6.1.4.1.11129.2.4.2', 'signedCertificateTimestamps'],
]);

// RFC 5280 §4.2.1.3, in bit order, as the library's KeyUsageFlags (1 << bit).
const KEY_USAGES: ReadonlyArray<[number, string]> = [
  [1, 'digitalSignature'],
  [2, 'nonRepudiation'],
  [4, 'keyEncipherment'],
  [8, 'dataEncipherment'],
  [16, 'keyAgreement'],
  [32, 'keyCertSign'],
  [64, 'cRLSign'],
  [128, 'encipherOnly'],
  [256, 'decipherOnly'],
];

export function extensionName(oid: string): string {
  return EXTENSION_NAMES.get(oid) ?? oid;
}

function name(der: Uint8Array, what: string): DistinguishedName {
  const read = readNameDer(der);
  if ('error' in read) throw new DerError(`the ${what} does not decode: ${read.error}`);
  return read;
}

/** extnID and critical of a raw Extension, for one that the library cannot read. */
function extensionHeader(raw: Uint8Array): ExtensionSummary {
  const reader = DerReader.inside(raw, DerReader.of(raw).expect(TAG.SEQUENCE, 'an extension'));
  const oid = readOid(raw, reader.expect(TAG.OID, 'an extension id'));
  const critical = reader.peekTag() === TAG.BOOLEAN ? readBoolean(raw, reader.next('the critical flag')) : false;
  return { oid, name: extensionName(oid), critical };
}

function readExtensions(raws: Uint8Array[], facts: CertificateFacts): void {
  for (const raw of raws) {
    let extension: X509.Extension;
    try {
      extension = x509().ExtensionFactory.create(raw.slice());
    } catch (error) {
      const header = extensionHeader(raw);
      facts.extensions.push(header);
      facts.notes.push(`the ${header.name} extension does not decode (${libraryReason(error)})`);
      continue;
    }
    const summary: ExtensionSummary = { oid: extension.type, name: extensionName(extension.type), critical: extension.critical };
    facts.extensions.push(summary);
    try {
      readExtension(extension, facts);
    } catch (error) {
      facts.notes.push(`the ${summary.name} extension does not decode (${error instanceof DerError ? error.message : libraryReason(error)})`);
    }
  }
}

function hex(buffer: ArrayBuffer | string): string {
  if (typeof buffer === 'string') return buffer.toLowerCase();
  let text = '';
  for (const byte of new Uint8Array(buffer)) text += byte.toString(16).padStart(2, '0');
  return text;
}

function readExtension(extension: X509.Extension, facts: CertificateFacts): void {
  const x509Library = x509();
  if (extension instanceof x509Library.BasicConstraintsExtension) {
    facts.isCA = extension.ca;
    facts.basicConstraints = { isCA: extension.ca, pathLength: extension.pathLength };
  } else if (extension instanceof x509Library.KeyUsagesExtension) {
    facts.keyUsage = KEY_USAGES.filter(([flag]) => (extension.usages & flag) !== 0).map(([, usage]) => usage);
  } else if (extension instanceof x509Library.ExtendedKeyUsageExtension) {
    facts.extendedKeyUsage = Array.from(extension.usages, (usage) => extendedKeyUsageName(String(usage)));
  } else if (extension instanceof x509Library.SubjectKeyIdentifierExtension) {
    facts.subjectKeyIdentifier = hex(extension.keyId);
  } else if (extension instanceof x509Library.AuthorityKeyIdentifierExtension) {
    if (extension.keyId) facts.authorityKeyIdentifier = hex(extension.keyId);
  } else if (extension.type === '2.5.29.17') {
    const names = readGeneralNames(new Uint8Array(extension.value));
    facts.dnsNames = names.dnsNames;
    facts.ipAddresses = names.ipAddresses;
    facts.otherNames = names.otherNames;
  } else if (extension.critical && !EXTENSION_NAMES.has(extension.type)) {
    facts.notes.push(`critical extension ${extension.type} is unknown: software that does not know it must reject this certificate`);
  }
}

function readFacts(der: Uint8Array): CertificateFacts {
  const parts = readCertificateParts(der);
  const certificate = new (x509().X509Certificate)(parts.certificate.slice());
  const subject = name(parts.subject, 'subject');
  const issuer = name(parts.issuer, 'issuer');
  const key = publicKeyInfo(parts.publicKey);
  const sha256 = sha256Hex(parts.certificate);
  const facts: CertificateFacts = {
    kind: 'certificate',
    serialNumber: canonicalSerialFromDer(parts.serial),
    subject: formatName(subject),
    issuer: formatName(issuer),
    commonName: commonNameOf(subject),
    organizations: organizationsOf(subject),
    notBefore: formatIsoUtc(certificate.notBefore),
    notAfter: formatIsoUtc(certificate.notAfter),
    dnsNames: [],
    ipAddresses: [],
    sha256Fingerprint: sha256,
    isCA: false,
    extendedKeyUsage: [],
    version: versionOf(parts.certificate),
    sha1Fingerprint: sha1Hex(parts.certificate),
    publicKey: key.ok ? { algorithm: key.info.keyType, ...pick(key.info) } : { algorithm: 'unknown' },
    keyUsage: [],
    signatureAlgorithm: signatureAlgorithmName(parts.signatureOid),
    basicConstraints: undefined,
    subjectKeyIdentifier: undefined,
    authorityKeyIdentifier: undefined,
    otherNames: [],
    auditIdentity: `X509SHA256=${sha256}`,
    extensions: [],
    notes: [],
  };
  if (!key.ok) facts.notes.push(key.reason);
  readExtensions(parts.extensions, facts);
  if (facts.serialNumber.startsWith('-')) facts.notes.push('the serial number is negative, which RFC 5280 does not allow');
  if (parts.serial.length > MAX_SERIAL_OCTETS) {
    facts.notes.push(`the serial number is ${parts.serial.length} octets long; RFC 5280 allows at most ${MAX_SERIAL_OCTETS}`);
  }
  if (parts.trailing > 0) facts.notes.push(`${parts.trailing} bytes after the certificate were not read`);
  return facts;
}

/** The version from the TBSCertificate's explicit [0] INTEGER (1-based, as people count it). */
function versionOf(der: Uint8Array): number {
  const outer = DerReader.inside(der, DerReader.of(der).expect(TAG.SEQUENCE, 'the certificate'));
  const tbs = DerReader.inside(der, outer.expect(TAG.SEQUENCE, 'the to-be-signed part'));
  const tagged = tbs.optional(0xa0);
  if (!tagged) return 1;
  const integer = DerReader.inside(der, tagged).expect(TAG.INTEGER, 'the version');
  return der[integer.contentStart] + 1;
}

function pick(info: { size?: number; curve?: string }): { size?: number; curve?: string } {
  return info.size !== undefined ? { size: info.size } : info.curve !== undefined ? { curve: info.curve } : {};
}

/** The clock-free record of a certificate's DER (trailing data, as in TRUSTED CERTIFICATE, ignored). */
export function readCertificateFacts(der: Uint8Array): FactsResult {
  try {
    return { ok: true, facts: readFacts(der) };
  } catch (error) {
    if (error instanceof DerError) return { ok: false, error: `not a valid certificate: ${error.message}` };
    return { ok: false, error: `not a valid certificate: ${libraryReason(error)}` };
  }
}

/** The record with its expiry state against `clock`. */
export function withExpiry(facts: CertificateFacts, clock: ExpiryClock): DecodedCertificate {
  const expiry = expiryOf(facts, clock);
  return { ...facts, expiry: expiry.state, daysToExpiry: expiry.daysToExpiry };
}

export function decodeCertificate(der: Uint8Array, clock: ExpiryClock): CertificateResult {
  const facts = readCertificateFacts(der);
  return facts.ok ? { ok: true, certificate: withExpiry(facts.facts, clock) } : facts;
}
