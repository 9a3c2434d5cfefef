// The lean certificate path (bench/README.md): the fields matching and listing need, read straight from
// DER at several times the speed of the full decoder, in plain TypeScript so that it runs in a
// browser as well as in Node. The full decoder (@peculiar/x509) stays the reference for hover,
// the decoded view and `decode`; tests hold the two equal field by field.

import { canonicalIpFromBytes } from '../values/ip';
import { canonicalSerialFromDer } from '../values/serial';
import type { CertificateSummary } from './certificateSummary';
import { contentBytes, DerError, DerReader, readBoolean, readLatin1, readOid, TAG, type DerElement } from './der';
import { readDistinguishedName } from './derName';
import { readTime } from './derTime';
import { extendedKeyUsageName } from './extendedKeyUsage';
import { flat, flatOrUndefined } from '../text/flatString';
import { commonNameOf, formatName, organizationsOf } from './names';
import { isAscii } from './sanEntries';

/** Lowercase hex SHA-256 of some bytes: Node's `crypto` or the portable `sha256Hex`. */
export type Sha256Hex = (bytes: Uint8Array) => string;

export type CertificateSummaryResult = CertificateSummary | { error: string };

/**
 * The summary of one DER certificate, or why it cannot be read. Never throws. Bytes after the
 * certificate (the trust settings of a `TRUSTED CERTIFICATE`) are ignored; the fingerprint is the
 * SHA-256 of the certificate alone.
 */
export function readCertificateSummary(der: Uint8Array, sha256: Sha256Hex): CertificateSummaryResult {
  try {
    return readSummary(der, sha256);
  } catch (error) {
    if (error instanceof DerError) return { error: `the certificate does not decode: ${error.message}` };
    return { error: `the certificate does not decode: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function readSummary(der: Uint8Array, sha256: Sha256Hex): CertificateSummary {
  const outer = DerReader.of(der).expect(TAG.SEQUENCE, 'the certificate');
  const certificate = DerReader.inside(der, outer);
  const tbsElement = certificate.expect(TAG.SEQUENCE, 'the TBSCertificate');
  certificate.expect(TAG.SEQUENCE, 'the signature algorithm');
  certificate.expect(TAG.BIT_STRING, 'the signature');

  const tbs = DerReader.inside(der, tbsElement);
  const version = tbs.optional(0xa0);
  if (version) DerReader.inside(der, version).expect(TAG.INTEGER, 'the version');
  const serial = contentBytes(der, tbs.expect(TAG.INTEGER, 'the serial number'));
  if (serial.length === 0) throw new DerError('the serial number is empty');
  tbs.expect(TAG.SEQUENCE, 'the signature algorithm of the TBSCertificate');
  const issuer = readDistinguishedName(der, tbs.expect(TAG.SEQUENCE, 'the issuer'), 'issuer');
  const validity = DerReader.inside(der, tbs.expect(TAG.SEQUENCE, 'the validity'));
  const notBefore = readTime(der, validity.next('notBefore'), 'notBefore');
  const notAfter = readTime(der, validity.next('notAfter'), 'notAfter');
  const subject = readDistinguishedName(der, tbs.expect(TAG.SEQUENCE, 'the subject'), 'subject');
  tbs.expect(TAG.SEQUENCE, 'the subject public key info');
  // issuerUniqueID [1] and subjectUniqueID [2], primitive or (wrongly) constructed.
  if (!tbs.optional(0x81)) tbs.optional(0xa1);
  if (!tbs.optional(0x82)) tbs.optional(0xa2);
  const extensionsElement = tbs.optional(0xa3);
  const extensions = extensionsElement ? readExtensions(der, extensionsElement) : NO_EXTENSIONS;
  if (!tbs.done) throw new DerError(`the TBSCertificate has unexpected data at byte ${tbs.position}`);

  return {
    serialNumber: flat(canonicalSerialFromDer(serial)),
    subject: flat(formatName(subject)),
    issuer: flat(formatName(issuer)),
    commonName: flatOrUndefined(commonNameOf(subject)),
    organizations: organizationsOf(subject).map(flat),
    notBefore: flat(notBefore),
    notAfter: flat(notAfter),
    dnsNames: extensions.dnsNames.map(flat),
    ipAddresses: extensions.ipAddresses.map(flat),
    sha256Fingerprint: sha256(der.subarray(outer.start, outer.end)),
    isCA: extensions.isCA,
    extendedKeyUsage: extensions.extendedKeyUsage,
  };
}

interface ExtensionFields {
  dnsNames: string[];
  ipAddresses: string[];
  isCA: boolean;
  extendedKeyUsage: string[];
}

const NO_EXTENSIONS: Readonly<ExtensionFields> = Object.freeze({
  dnsNames: [],
  ipAddresses: [],
  isCA: false,
  extendedKeyUsage: [],
});

// The last octet of the id-ce extensions read here (2.5.29.x, encoded 55 1d x).
const SUBJECT_ALT_NAME = 17;
const BASIC_CONSTRAINTS = 19;
const EXTENDED_KEY_USAGE = 37;

function readExtensions(der: Uint8Array, element: DerElement): ExtensionFields {
  const fields: ExtensionFields = { dnsNames: [], ipAddresses: [], isCA: false, extendedKeyUsage: [] };
  const seen = new Set<number>();
  const list = DerReader.inside(der, DerReader.inside(der, element).expect(TAG.SEQUENCE, 'the extensions'));
  while (!list.done) {
    const extension = DerReader.inside(der, list.expect(TAG.SEQUENCE, 'an extension'));
    const id = extension.expect(TAG.OID, 'an extension identifier');
    extension.optional(TAG.BOOLEAN); // `critical`: nothing read here depends on it.
    const value = extension.expect(TAG.OCTET_STRING, 'an extension value');
    const which =
      id.end - id.contentStart === 3 && der[id.contentStart] === 0x55 && der[id.contentStart + 1] === 0x1d
        ? der[id.contentStart + 2]
        : -1;
    if (which !== SUBJECT_ALT_NAME && which !== BASIC_CONSTRAINTS && which !== EXTENDED_KEY_USAGE) continue;
    // RFC 5280 §4.2: at most one instance of an extension; OpenSSL reads none when there are two.
    if (seen.has(which)) throw new DerError(`the certificate carries the extension 2.5.29.${which} twice`);
    seen.add(which);
    const inner = new DerReader(der, value.contentStart, value.end);
    if (which === SUBJECT_ALT_NAME)
      readSubjectAltNames(der, inner.expect(TAG.SEQUENCE, 'the subject alternative names'), fields);
    else if (which === BASIC_CONSTRAINTS)
      fields.isCA = readCa(der, inner.expect(TAG.SEQUENCE, 'the basic constraints'));
    else fields.extendedKeyUsage = readExtendedKeyUsage(der, inner.expect(TAG.SEQUENCE, 'the extended key usage'));
  }
  return fields;
}

const DNS_NAME = 0x82; // [2] IMPLICIT IA5String
const IP_ADDRESS = 0x87; // [7] IMPLICIT OCTET STRING

function readSubjectAltNames(der: Uint8Array, element: DerElement, fields: ExtensionFields): void {
  const names = DerReader.inside(der, element);
  while (!names.done) {
    const name = names.next('a subject alternative name');
    // A dNSName that is not ASCII is no DNS name (sanEntries.ts): it matches nothing, as the full decoder shows.
    if (name.tag === DNS_NAME) {
      if (isAscii(contentBytes(der, name))) fields.dnsNames.push(readLatin1(der, name));
    } else if (name.tag === IP_ADDRESS) {
      // Only 4 or 16 octets are an address; anything else (a name-constraint style range) matches nothing.
      const ip = canonicalIpFromBytes(contentBytes(der, name));
      if (ip !== undefined) fields.ipAddresses.push(ip);
    }
  }
}

function readCa(der: Uint8Array, element: DerElement): boolean {
  const constraints = DerReader.inside(der, element);
  const ca = constraints.optional(TAG.BOOLEAN);
  return ca ? readBoolean(der, ca) : false;
}

/** The key purposes of an ExtKeyUsageSyntax element, as names where known. */
export function readExtendedKeyUsage(der: Uint8Array, element: DerElement): string[] {
  const usages: string[] = [];
  const purposes = DerReader.inside(der, element);
  while (!purposes.done) usages.push(extendedKeyUsageName(readOid(der, purposes.expect(TAG.OID, 'a key purpose'))));
  return usages;
}
