// Extended key usage purposes by the names RFC 5280 §4.2.1.12 gives them; any other purpose is
// shown as its dotted OID.

const EXTENDED_KEY_USAGE_NAMES: ReadonlyMap<string, string> = new Map([
  ['1.3.6.1.5.5.7.3.1', 'serverAuth'],
  ['1.3.6.1.5.5.7.3.2', 'clientAuth'],
  ['1.3.6.1.5.5.7.3.3', 'codeSigning'],
  ['1.3.6.1.5.5.7.3.4', 'emailProtection'],
  ['1.3.6.1.5.5.7.3.8', 'timeStamping'],
  ['1.3.6.1.5.5.7.3.9', 'OCSPSigning'],
]);

/** `serverAuth` for 1.3.6.1.5.5.7.3.1, and so on; the OID itself when it has no name here. */
export function extendedKeyUsageName(oid: string): string {
  return EXTENDED_KEY_USAGE_NAMES.get(oid) ?? oid;
}
