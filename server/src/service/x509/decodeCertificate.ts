// The full certificate decoder: our own DER readers for the structure and what must be exact
// (the serial's sign, names as openssl prints them, SAN bytes, fingerprints), `@peculiar/x509`
// for the small extensions it models (basic constraints, key usage, key identifiers). One plain
// record in the canonical forms of the README's certificate fields, within a time budget
// (decodeBudget.ts); never throws.
import { canonicalSerialFromDer, MAX_SERIAL_OCTETS } from '../values/serial';
import { readCertificateParts, signatureAlgorithmName } from './certificateDer';
import { BudgetExceeded, CERTIFICATE_BUDGET_MS, checkBudget, rethrowIfOverBudget, withinBudget } from './decodeBudget';
import { contentBytes, DerError, DerReader, readBoolean, readOid, TAG } from './der';
import { readNameDer } from './derName';
import type { CertificateFacts, DecodedCertificate, ExtensionSummary } from './decodedTypes';
import { sha1Hex, sha256Hex } from './digest';
import { expiryOf, type ExpiryClock } from './expiry';
import { readGeneralNames } from './generalNames';
import { keyNote, publicKeyInfo, publicKeySummary } from './keyInfo';
import { readExtendedKeyUsage } from './leanCertificate';
import { commonNameOf, formatName, organizationsOf, type DistinguishedName } from './names';
import { libraryReason, PARSE_OPTIONS, x509, type X509 } from './peculiar';

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

// Real extensions are a few kilobytes at most (a long name-constraints list). asn1js builds an
// object per element, so a larger one, of tiny elements, would cost the library seconds: only its
// header is read then, and our own readers take the SAN and EKU lists whatever their size.
const LIBRARY_EXTENSION_LIMIT = 32 * 1024;
const SUBJECT_ALT_NAME = '2.5.29.17';
const EXTENDED_KEY_USAGE = '2.5.29.37';

interface ExtensionParts {
  summary: ExtensionSummary;
  /** The extnValue OCTET STRING's content. */
  value: Uint8Array;
}

function readExtensionParts(raw: Uint8Array): ExtensionParts {
  const reader = DerReader.inside(raw, DerReader.of(raw).expect(TAG.SEQUENCE, 'an extension'));
  const oid = readOid(raw, reader.expect(TAG.OID, 'an extension id'));
  const critical = reader.peekTag() === TAG.BOOLEAN ? readBoolean(raw, reader.next('the critical flag')) : false;
  const value = contentBytes(raw, reader.expect(TAG.OCTET_STRING, 'an extension value'));
  return { summary: { oid, name: extensionName(oid), critical }, value };
}

function readExtensions(raws: Uint8Array[], facts: CertificateFacts): void {
  for (const raw of raws) {
    checkBudget();
    const { summary, value } = readExtensionParts(raw);
    facts.extensions.push(summary);
    if (summary.critical && !EXTENSION_NAMES.has(summary.oid)) {
      facts.notes.push(
        `critical extension ${summary.oid} is unknown: software that does not know it must reject this certificate`,
      );
    }
    try {
      if (summary.oid === SUBJECT_ALT_NAME) readSubjectAltNames(value, facts);
      else if (summary.oid === EXTENDED_KEY_USAGE) {
        facts.extendedKeyUsage = readExtendedKeyUsage(
          value,
          DerReader.of(value).expect(TAG.SEQUENCE, 'the extended key usage'),
        );
      } else if (raw.length > LIBRARY_EXTENSION_LIMIT) {
        facts.notes.push(`the ${summary.name} extension is ${raw.length} bytes long, more than the decoder reads`);
      } else readExtension(x509().ExtensionFactory.create(raw.slice(), PARSE_OPTIONS), facts);
    } catch (error) {
      rethrowIfOverBudget(error);
      facts.notes.push(
        `the ${summary.name} extension does not decode (${error instanceof DerError ? error.message : libraryReason(error)})`,
      );
    }
  }
}

function readSubjectAltNames(value: Uint8Array, facts: CertificateFacts): void {
  const names = readGeneralNames(value);
  facts.dnsNames = names.dnsNames;
  facts.ipAddresses = names.ipAddresses;
  facts.otherNames = names.otherNames;
  facts.invalidSanEntries = names.invalid;
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
  } else if (extension instanceof x509Library.SubjectKeyIdentifierExtension) {
    facts.subjectKeyIdentifier = hex(extension.keyId);
  } else if (extension instanceof x509Library.AuthorityKeyIdentifierExtension) {
    if (extension.keyId) facts.authorityKeyIdentifier = hex(extension.keyId);
  }
}

function readFacts(der: Uint8Array): CertificateFacts {
  const parts = readCertificateParts(der);
  const subject = name(parts.subject, 'subject');
  const issuer = name(parts.issuer, 'issuer');
  const key = publicKeyInfo(parts.publicKey, true);
  const sha256 = sha256Hex(parts.certificate);
  const facts: CertificateFacts = {
    kind: 'certificate',
    serialNumber: canonicalSerialFromDer(parts.serial),
    subject: formatName(subject),
    issuer: formatName(issuer),
    commonName: commonNameOf(subject),
    organizations: organizationsOf(subject),
    notBefore: parts.notBefore,
    notAfter: parts.notAfter,
    dnsNames: [],
    ipAddresses: [],
    sha256Fingerprint: sha256,
    isCA: false,
    extendedKeyUsage: [],
    version: versionOf(parts.certificate),
    sha1Fingerprint: sha1Hex(parts.certificate),
    publicKey: publicKeySummary(key),
    keyUsage: [],
    signatureAlgorithm: signatureAlgorithmName(parts.signatureOid),
    basicConstraints: undefined,
    subjectKeyIdentifier: undefined,
    authorityKeyIdentifier: undefined,
    otherNames: [],
    invalidSanEntries: [],
    auditIdentity: `X509SHA256=${sha256}`,
    extensions: [],
    notes: [],
  };
  const note = keyNote(key);
  if (note) facts.notes.push(note);
  readExtensions(parts.extensions, facts);
  if (facts.serialNumber.startsWith('-'))
    facts.notes.push('the serial number is negative, which RFC 5280 does not allow');
  if (parts.serial.length > MAX_SERIAL_OCTETS) {
    facts.notes.push(
      `the serial number is ${parts.serial.length} octets long; RFC 5280 allows at most ${MAX_SERIAL_OCTETS}`,
    );
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

/**
 * The clock-free record of a certificate's DER (trailing data, as in TRUSTED CERTIFICATE,
 * ignored), or why not; `budgetMs` is the time it may take (decodeBudget.ts).
 */
export function readCertificateFacts(der: Uint8Array, budgetMs = CERTIFICATE_BUDGET_MS): FactsResult {
  try {
    return { ok: true, facts: withinBudget(budgetMs, () => readFacts(der)) };
  } catch (error) {
    if (error instanceof DerError || error instanceof BudgetExceeded)
      return { ok: false, error: `not a valid certificate: ${error.message}` };
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
