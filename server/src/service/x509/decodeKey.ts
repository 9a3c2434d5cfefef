// Key blocks: the type, and the RSA size or the curve where the public part says so. Nothing
// else leaves here (see keyInfo.ts); an encrypted key is only said to be encrypted.
import type { DecodedKey } from './decodedTypes';
import type { PemHeader } from './pemBlocks';
import {
  encryptedKeyInfo,
  pkcs1KeyInfo,
  pkcs8KeyInfo,
  publicKeyInfo,
  sec1KeyInfo,
  type KeyInfoResult,
} from './keyInfo';

export type KeyResult = { ok: true; key: DecodedKey } | { ok: false; error: string };

interface KeyFormat {
  format: string;
  isPrivate: boolean;
  read?: (der: Uint8Array) => KeyInfoResult;
  /** A type that is known without reading the body. */
  keyType?: string;
}

const FORMATS: ReadonlyMap<string, KeyFormat> = new Map<string, KeyFormat>([
  ['PRIVATE KEY', { format: 'PKCS#8', isPrivate: true, read: pkcs8KeyInfo }],
  ['RSA PRIVATE KEY', { format: 'PKCS#1', isPrivate: true, read: (der) => pkcs1KeyInfo(der, true) }],
  ['EC PRIVATE KEY', { format: 'SEC1', isPrivate: true, read: sec1KeyInfo }],
  ['ENCRYPTED PRIVATE KEY', { format: 'PKCS#8, encrypted', isPrivate: true, read: encryptedKeyInfo }],
  ['PUBLIC KEY', { format: 'SubjectPublicKeyInfo', isPrivate: false, read: publicKeyInfo }],
  ['RSA PUBLIC KEY', { format: 'PKCS#1', isPrivate: false, read: (der) => pkcs1KeyInfo(der, false) }],
  ['DSA PRIVATE KEY', { format: 'OpenSSL DSA', isPrivate: true, keyType: 'DSA' }],
  ['OPENSSH PRIVATE KEY', { format: 'OpenSSH', isPrivate: true, keyType: 'OpenSSH' }],
]);

function isLegacyEncrypted(headers: readonly PemHeader[]): boolean {
  return headers.some((header) => header.name.toLowerCase() === 'proc-type' && /ENCRYPTED/i.test(header.value));
}

/** Decodes a key block's bytes as its PEM label says (`PRIVATE KEY`, `EC PRIVATE KEY`…). */
export function decodeKey(label: string, der: Uint8Array, headers: readonly PemHeader[] = []): KeyResult {
  const format = FORMATS.get(label);
  if (!format) return { ok: false, error: `\`${label}\` is not a key format this decoder reads` };
  if (isLegacyEncrypted(headers)) {
    // Old-style PEM encryption (Proc-Type: 4,ENCRYPTED): the body is ciphertext.
    return {
      ok: true,
      key: { kind: 'key', keyType: 'encrypted', isPrivate: true, format: `${format.format}, PEM-encrypted` },
    };
  }
  if (!format.read)
    return {
      ok: true,
      key: { kind: 'key', keyType: format.keyType ?? label, isPrivate: format.isPrivate, format: format.format },
    };
  const result = format.read(der);
  if (!result.ok) return { ok: false, error: result.reason };
  return { ok: true, key: { kind: 'key', ...result.info, isPrivate: format.isPrivate, format: format.format } };
}

// A DER key comes without a label: the formats a file may hold, each reader refusing the others' shapes.
const DER_FORMATS: ReadonlyArray<KeyFormat & { read: (der: Uint8Array) => KeyInfoResult }> = [
  { format: 'PKCS#8', isPrivate: true, read: pkcs8KeyInfo },
  { format: 'SEC1', isPrivate: true, read: sec1KeyInfo },
  { format: 'PKCS#1', isPrivate: true, read: (der) => pkcs1KeyInfo(der, true) },
  { format: 'PKCS#8, encrypted', isPrivate: true, read: encryptedKeyInfo },
  { format: 'SubjectPublicKeyInfo', isPrivate: false, read: publicKeyInfo },
];

/** A DER key of unknown label: PKCS#8, SEC1, PKCS#1, encrypted PKCS#8, then SubjectPublicKeyInfo. */
export function decodeDerKey(der: Uint8Array): KeyResult | undefined {
  for (const format of DER_FORMATS) {
    const result = format.read(der);
    if (result.ok)
      return { ok: true, key: { kind: 'key', ...result.info, isPrivate: format.isPrivate, format: format.format } };
  }
  return undefined;
}
