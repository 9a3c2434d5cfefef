// The outer shape of a certificate, walked with the DER reader: a cut-off or garbled certificate
// gets a message that names the field and the byte, and the serial, the validity, the names and
// the public key come from the bytes themselves. `@peculiar/x509` sees single extensions only
// (decodeCertificate.ts): parsing a whole certificate through it costs seconds and gigabytes for
// one of millions of tiny elements.
import { contentBytes, DerReader, elementBytes, readOid, TAG } from './der';
import { readTime } from './derTime';

export interface CertificateParts {
  /** The Certificate element alone (a TRUSTED CERTIFICATE appends OpenSSL's trust data after it). */
  certificate: Uint8Array;
  /** Bytes after the Certificate element. */
  trailing: number;
  /** DER INTEGER content of the serial (two's complement). */
  serial: Uint8Array;
  /** The outer signatureAlgorithm OID. */
  signatureOid: string;
  /** The validity, ISO 8601 UTC with seconds. */
  notBefore: string;
  notAfter: string;
  /** The issuer and subject Names and the SubjectPublicKeyInfo, each as its whole DER element. */
  issuer: Uint8Array;
  subject: Uint8Array;
  publicKey: Uint8Array;
  /** Each Extension element (SEQUENCE { extnID, critical, extnValue }), whole. */
  extensions: Uint8Array[];
}

/** Walks Certificate → TBSCertificate; throws DerError with the field that is wrong. */
export function readCertificateParts(der: Uint8Array): CertificateParts {
  const outer = DerReader.of(der).expect(TAG.SEQUENCE, 'the certificate');
  const certificate = DerReader.inside(der, outer);
  const tbsElement = certificate.expect(TAG.SEQUENCE, 'the to-be-signed part');
  const signature = DerReader.inside(der, certificate.expect(TAG.SEQUENCE, 'the signature algorithm'));
  const signatureOid = readOid(der, signature.expect(TAG.OID, 'the signature algorithm'));
  certificate.expect(TAG.BIT_STRING, 'the signature');

  const tbs = DerReader.inside(der, tbsElement);
  tbs.optional(0xa0); // version, absent for v1
  const serial = contentBytes(der, tbs.expect(TAG.INTEGER, 'the serial number'));
  tbs.expect(TAG.SEQUENCE, 'the inner signature algorithm');
  const issuer = elementBytes(der, tbs.expect(TAG.SEQUENCE, 'the issuer'));
  const validity = DerReader.inside(der, tbs.expect(TAG.SEQUENCE, 'the validity'));
  const notBefore = readTime(der, validity.next('notBefore'), 'notBefore');
  const notAfter = readTime(der, validity.next('notAfter'), 'notAfter');
  const subject = elementBytes(der, tbs.expect(TAG.SEQUENCE, 'the subject'));
  const publicKey = elementBytes(der, tbs.expect(TAG.SEQUENCE, 'the public key'));
  const extensions: Uint8Array[] = [];
  while (!tbs.done) {
    const field = tbs.next('an optional field');
    if (field.tag !== 0xa3) continue; // issuerUniqueID [1], subjectUniqueID [2]
    const list = DerReader.inside(der, DerReader.inside(der, field).expect(TAG.SEQUENCE, 'the extensions'));
    while (!list.done) extensions.push(elementBytes(der, list.expect(TAG.SEQUENCE, 'an extension')));
  }
  return {
    certificate: der.subarray(0, outer.end),
    trailing: der.length - outer.end,
    serial,
    signatureOid,
    notBefore,
    notAfter,
    issuer,
    subject,
    publicKey,
    extensions,
  };
}

// openssl's names, so that what we print matches `openssl x509 -text`.
const SIGNATURE_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['1.2.840.113549.1.1.4', 'md5WithRSAEncryption'],
  ['1.2.840.113549.1.1.5', 'sha1WithRSAEncryption'],
  ['1.2.840.113549.1.1.10', 'RSASSA-PSS'],
  ['1.2.840.113549.1.1.11', 'sha256WithRSAEncryption'],
  ['1.2.840.113549.1.1.12', 'sha384WithRSAEncryption'],
  ['1.2.840.113549.1.1.13', 'sha512WithRSAEncryption'],
  ['1.2.840.113549.1.1.14', 'sha224WithRSAEncryption'],
  ['1.2.840.10045.4.1', 'ecdsa-with-SHA1'],
  ['1.2.840.10045.4.3.1', 'ecdsa-with-SHA224'],
  ['1.2.840.10045.4.3.2', 'ecdsa-with-SHA256'],
  ['1.2.840.10045.4.3.3', 'ecdsa-with-SHA384'],
  ['1.2.840.10045.4.3.4', 'ecdsa-with-SHA512'],
  ['1.3.101.112', 'ED25519'],
  ['1.3.101.113', 'ED448'],
  ['1.2.840.10040.4.3', 'dsaWithSHA1'],
  ['2.16.840.1.101.3.4.3.2', 'dsa_with_SHA256'],
]);

export function signatureAlgorithmName(oid: string): string {
  return SIGNATURE_ALGORITHMS.get(oid) ?? oid;
}

/** The signature algorithm OID of a CertificationRequest (the element after the request info). */
export function readCsrSignatureOid(der: Uint8Array): string {
  const outer = DerReader.inside(der, DerReader.of(der).expect(TAG.SEQUENCE, 'the certificate request'));
  outer.expect(TAG.SEQUENCE, 'the request info');
  const algorithm = DerReader.inside(der, outer.expect(TAG.SEQUENCE, 'the signature algorithm'));
  return readOid(der, algorithm.expect(TAG.OID, 'the signature algorithm'));
}
