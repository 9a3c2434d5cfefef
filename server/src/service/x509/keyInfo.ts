// What may be said of a key: its type, and the RSA size or the curve where the key's public part
// says so. Reads SubjectPublicKeyInfo (certificates, CSRs, `PUBLIC KEY`), PKCS#8 (`PRIVATE KEY`),
// PKCS#1 (`RSA PRIVATE KEY`, `RSA PUBLIC KEY`), SEC1 (`EC PRIVATE KEY`) and the outside of
// `ENCRYPTED PRIVATE KEY`. Only the modulus length and the curve name leave this file: no key
// bytes, no modulus, no private value, in any result or message.

import { rethrowIfOverBudget } from './decodeBudget';
import { DerError, DerReader, readOid, TAG, type DerElement } from './der';
import type { PublicKeySummary } from './decodedTypes';

export interface KeyInfo {
  /** `RSA`, `EC`, `Ed25519`, `Ed448`, `X25519`, `X448`, `DSA`, `encrypted`, `OpenSSH`, or the algorithm OID. */
  keyType: string;
  /** RSA (and DSA) modulus length in bits. */
  size?: number;
  /** `P-256`, `P-384`, `P-521`, `secp256k1`, or the curve OID. */
  curve?: string;
  /**
   * Why the key itself does not decode, when its algorithm identifier does: the type is still
   * known (openssl prints `rsaEncryption` and then `Unable to load Public Key`).
   */
  malformed?: string;
}

export type KeyInfoResult = { ok: true; info: KeyInfo } | { ok: false; reason: string };

const ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['1.2.840.113549.1.1.1', 'RSA'],
  ['1.2.840.113549.1.1.10', 'RSA'], // RSASSA-PSS keys
  ['1.2.840.10045.2.1', 'EC'],
  ['1.3.101.112', 'Ed25519'],
  ['1.3.101.113', 'Ed448'],
  ['1.3.101.110', 'X25519'],
  ['1.3.101.111', 'X448'],
  ['1.2.840.10040.4.1', 'DSA'],
]);

const CURVES: ReadonlyMap<string, string> = new Map([
  ['1.2.840.10045.3.1.7', 'P-256'],
  ['1.3.132.0.34', 'P-384'],
  ['1.3.132.0.35', 'P-521'],
  ['1.3.132.0.10', 'secp256k1'],
  ['1.2.840.10045.3.1.1', 'P-192'],
  ['1.3.132.0.33', 'P-224'],
]);

export function curveName(oid: string): string {
  return CURVES.get(oid) ?? oid;
}

/** Length in bits of an INTEGER's magnitude (leading zero octets skipped). */
function integerBits(bytes: Uint8Array, element: DerElement): number {
  let at = element.contentStart;
  while (at < element.end && bytes[at] === 0) at++;
  if (at === element.end) return 0;
  return (element.end - at - 1) * 8 + (32 - Math.clz32(bytes[at]));
}

/** `keepMalformed`: a key whose algorithm reads but whose key does not is a result, not a failure. */
function run(what: string, read: () => KeyInfo, keepMalformed = false): KeyInfoResult {
  try {
    const info = read();
    if (info.malformed !== undefined && !keepMalformed)
      return { ok: false, reason: `the ${what} does not decode: ${info.malformed}` };
    return { ok: true, info };
  } catch (error) {
    rethrowIfOverBudget(error);
    if (error instanceof DerError) return { ok: false, reason: `the ${what} does not decode: ${error.message}` };
    return { ok: false, reason: `the ${what} does not decode` };
  }
}

/** Type and size or curve from an AlgorithmIdentifier and, for RSA and DSA, the key that follows. */
function fromAlgorithm(bytes: Uint8Array, algorithm: DerElement, rsaModulus: () => number): KeyInfo {
  const reader = DerReader.inside(bytes, algorithm);
  const oid = readOid(bytes, reader.expect(TAG.OID, 'the key algorithm'));
  const keyType = ALGORITHMS.get(oid) ?? oid;
  const info: KeyInfo = { keyType };
  if (keyType === 'EC' && reader.peekTag() === TAG.OID)
    info.curve = curveName(readOid(bytes, reader.next('the curve')));
  else if (keyType === 'RSA') {
    try {
      info.size = rsaModulus();
    } catch (error) {
      if (!(error instanceof DerError)) throw error;
      info.malformed = error.message;
    }
  } else if (keyType === 'DSA' && reader.peekTag() === TAG.SEQUENCE) {
    // Dss-Parms ::= SEQUENCE { p, q, g }: the size is that of p.
    const parameters = DerReader.inside(bytes, reader.next('the DSA parameters'));
    info.size = integerBits(bytes, parameters.expect(TAG.INTEGER, 'the DSA prime'));
  }
  return info;
}

/** RSAPublicKey or RSAPrivateKey (PKCS#1) at `element`: the modulus length. */
function rsaModulusBits(bytes: Uint8Array, element: DerElement, isPrivate: boolean): number {
  const reader = DerReader.inside(bytes, element);
  if (isPrivate) reader.expect(TAG.INTEGER, 'the RSA key version');
  return integerBits(bytes, reader.expect(TAG.INTEGER, 'the RSA modulus'));
}

/**
 * The modulus length of the RSAPublicKey in a SubjectPublicKeyInfo's BIT STRING, which must be
 * whole octets holding exactly SEQUENCE { modulus INTEGER, publicExponent INTEGER }.
 */
function rsaPublicKeyBits(der: Uint8Array, bitString: DerElement): number {
  if (bitString.end === bitString.contentStart) throw new DerError('the RSA key bits are empty');
  // The BIT STRING's first octet counts unused bits; the RSAPublicKey follows it.
  if (der[bitString.contentStart] !== 0) throw new DerError('the RSA key bits do not fill whole octets');
  const inner = new DerReader(der, bitString.contentStart + 1, bitString.end);
  const key = DerReader.inside(der, inner.expect(TAG.SEQUENCE, 'the RSA public key'));
  if (!inner.done) throw new DerError(`the RSA public key is followed by data at byte ${inner.position}`);
  const bits = integerBits(der, key.expect(TAG.INTEGER, 'the RSA modulus'));
  key.expect(TAG.INTEGER, 'the RSA public exponent');
  if (!key.done) throw new DerError(`the RSA public key has unexpected data at byte ${key.position}`);
  return bits;
}

/**
 * SubjectPublicKeyInfo: certificates, CSRs and `PUBLIC KEY` blocks. A certificate's key is read
 * with `keepMalformed`, so that a broken key still shows its type as openssl's does; a key block
 * whose key does not decode is refused, as it is nothing but that key.
 */
export function publicKeyInfo(der: Uint8Array, keepMalformed = false): KeyInfoResult {
  return run(
    'public key',
    () => {
      const spki = DerReader.inside(der, DerReader.of(der).expect(TAG.SEQUENCE, 'the public key'));
      const algorithm = spki.expect(TAG.SEQUENCE, 'the key algorithm');
      const bitString = spki.expect(TAG.BIT_STRING, 'the key bits');
      return fromAlgorithm(der, algorithm, () => rsaPublicKeyBits(der, bitString));
    },
    keepMalformed,
  );
}

/** PKCS#8 PrivateKeyInfo (`PRIVATE KEY`). */
export function pkcs8KeyInfo(der: Uint8Array): KeyInfoResult {
  return run('private key', () => {
    const info = DerReader.inside(der, DerReader.of(der).expect(TAG.SEQUENCE, 'the private key'));
    info.expect(TAG.INTEGER, 'the key version');
    const algorithm = info.expect(TAG.SEQUENCE, 'the key algorithm');
    const privateKey = info.expect(TAG.OCTET_STRING, 'the key');
    const result = fromAlgorithm(der, algorithm, () => {
      const inner = new DerReader(der, privateKey.contentStart, privateKey.end);
      return rsaModulusBits(der, inner.expect(TAG.SEQUENCE, 'the RSA key'), true);
    });
    if (result.keyType === 'EC' && result.curve === undefined) {
      // Curve left out of the algorithm: the SEC1 key inside may name it.
      const curve = sec1Curve(
        der,
        new DerReader(der, privateKey.contentStart, privateKey.end).expect(TAG.SEQUENCE, 'the EC key'),
      );
      if (curve) result.curve = curve;
    }
    return result;
  });
}

/** PKCS#1 RSAPrivateKey (`RSA PRIVATE KEY`) or RSAPublicKey (`RSA PUBLIC KEY`). */
export function pkcs1KeyInfo(der: Uint8Array, isPrivate: boolean): KeyInfoResult {
  return run(isPrivate ? 'RSA private key' : 'RSA public key', () => ({
    keyType: 'RSA',
    size: rsaModulusBits(der, DerReader.of(der).expect(TAG.SEQUENCE, 'the RSA key'), isPrivate),
  }));
}

function sec1Curve(der: Uint8Array, element: DerElement): string | undefined {
  const reader = DerReader.inside(der, element);
  reader.expect(TAG.INTEGER, 'the EC key version');
  reader.expect(TAG.OCTET_STRING, 'the EC key');
  const parameters = reader.optional(0xa0);
  if (!parameters) return undefined;
  const inner = DerReader.inside(der, parameters);
  return inner.peekTag() === TAG.OID ? curveName(readOid(der, inner.next('the curve'))) : undefined;
}

/** SEC1 ECPrivateKey (`EC PRIVATE KEY`). */
export function sec1KeyInfo(der: Uint8Array): KeyInfoResult {
  return run('EC private key', () => {
    const curve = sec1Curve(der, DerReader.of(der).expect(TAG.SEQUENCE, 'the EC key'));
    return curve ? { keyType: 'EC', curve } : { keyType: 'EC' };
  });
}

/** EncryptedPrivateKeyInfo (`ENCRYPTED PRIVATE KEY`): only that it is one. */
export function encryptedKeyInfo(der: Uint8Array): KeyInfoResult {
  return run('encrypted private key', () => {
    const info = DerReader.inside(der, DerReader.of(der).expect(TAG.SEQUENCE, 'the encrypted key'));
    info.expect(TAG.SEQUENCE, 'the encryption algorithm');
    info.expect(TAG.OCTET_STRING, 'the encrypted data');
    return { keyType: 'encrypted' };
  });
}

/** A certificate's or request's key as its record shows it: type and size or curve, or that it is malformed. */
export function publicKeySummary(key: KeyInfoResult): PublicKeySummary {
  if (!key.ok) return { algorithm: 'unknown' };
  const { keyType, size, curve, malformed } = key.info;
  if (malformed !== undefined) return { algorithm: keyType, malformed: true };
  return size !== undefined
    ? { algorithm: keyType, size }
    : curve !== undefined
      ? { algorithm: keyType, curve }
      : { algorithm: keyType };
}

/** What a record's notes say of its key: why it does not decode, or why the key itself is malformed. */
export function keyNote(key: KeyInfoResult): string | undefined {
  if (!key.ok) return key.reason;
  return key.info.malformed === undefined
    ? undefined
    : `the ${key.info.keyType} public key itself is malformed: ${key.info.malformed}`;
}
