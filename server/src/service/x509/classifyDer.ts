// What a DER blob is, by its shape alone (no decoding of the contents): a certificate, a
// certificate request, a key, or none of these. Used for whole-file DER and for base64 DER data in
// YAML, which come without a PEM label.
import { DerError, DerReader, TAG } from './der';
import type { BlockKind } from './pemBlocks';

function shapeOf(der: Uint8Array): BlockKind {
  const outer = DerReader.inside(der, DerReader.of(der).expect(TAG.SEQUENCE, 'the data'));
  const first = outer.next('the first field');
  if (first.tag === TAG.INTEGER) {
    const second = outer.next('the second field');
    // PrivateKeyInfo (PKCS#8) { version, AlgorithmIdentifier, OCTET STRING }.
    if (second.tag === TAG.SEQUENCE) {
      outer.expect(TAG.OCTET_STRING, 'the key');
      return 'key';
    }
    // ECPrivateKey (SEC1, `openssl ec -outform DER`) { version 1, OCTET STRING, [0] curve, [1] public key }.
    if (second.tag === TAG.OCTET_STRING)
      return der[first.contentStart] === 1 && first.end - first.contentStart === 1 ? 'key' : 'unknown';
    // RSAPrivateKey (PKCS#1, `openssl rsa -outform DER -traditional`): version and eight INTEGERs.
    let integers = second.tag === TAG.INTEGER ? 2 : 0;
    while (integers > 0 && !outer.done && outer.next('an RSA key field').tag === TAG.INTEGER) integers++;
    return integers >= 9 && outer.done ? 'key' : 'unknown';
  }
  if (first.tag !== TAG.SEQUENCE) return 'unknown';
  const second = outer.next('the second field');
  if (second.tag === TAG.BIT_STRING) return outer.done ? 'key' : 'unknown'; // SubjectPublicKeyInfo
  if (second.tag === TAG.OCTET_STRING) return outer.done ? 'key' : 'unknown'; // EncryptedPrivateKeyInfo
  if (second.tag !== TAG.SEQUENCE) return 'unknown';
  outer.expect(TAG.BIT_STRING, 'the signature');
  // Signed data: TBSCertificate starts with [0] version or the serial INTEGER followed by the
  // signature AlgorithmIdentifier; CertificationRequestInfo is INTEGER, Name, SPKI, [0].
  const inner = DerReader.inside(der, first);
  const head = inner.next('the first inner field');
  if (head.tag === 0xa0) return 'certificate';
  if (head.tag !== TAG.INTEGER) return 'unknown';
  inner.expect(TAG.SEQUENCE, 'the second inner field');
  const third = inner.next('the third inner field');
  if (third.tag === TAG.SEQUENCE) {
    const fourth = inner.next('the fourth inner field');
    if (fourth.tag === 0xa0) return 'csr';
    return fourth.tag === TAG.SEQUENCE ? 'certificate' : 'unknown'; // a CRL has a time here
  }
  return 'unknown';
}

/** The kind of a DER blob, `unknown` when it is not one we read (or not DER at all). */
export function classifyDer(der: Uint8Array): BlockKind {
  try {
    return shapeOf(der);
  } catch (error) {
    if (error instanceof DerError) return 'unknown';
    throw error;
  }
}

/**
 * True when the bytes are one DER element that fills the file (a trailing line break allowed):
 * the cheap test that tells a binary `.der`/`.cer` from a text file.
 */
export function isWholeDer(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== TAG.SEQUENCE) return false;
  try {
    const element = DerReader.of(bytes).next('the data');
    const rest = bytes.subarray(element.end);
    return rest.every((byte) => byte === 0x0a || byte === 0x0d);
  } catch (error) {
    if (error instanceof DerError) return false;
    throw error;
  }
}
