// Builds signed X.509 certificates in DER from a plain description, with Node's crypto as the
// signer: for the lean decoder's tests and the throughput benchmark. It writes what openssl will
// not (a negative serial, a UTCTime before 1970, any ASN.1 string type in a name) and writes a
// bundle of thousands in well under a second. Test code only: it holds a private key in memory.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  const header =
    length < 0x80
      ? [tag, length]
      : length < 0x100
        ? [tag, 0x81, length]
        : length < 0x10000
          ? [tag, 0x82, length >> 8, length & 0xff]
          : [tag, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  const out = new Uint8Array(header.length + length);
  out.set(header);
  out.set(content, header.length);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export const sequence = (...items: Uint8Array[]): Uint8Array => tlv(0x30, concat(...items));
export const set = (...items: Uint8Array[]): Uint8Array => tlv(0x31, concat(...items));
export const explicit = (number: number, item: Uint8Array): Uint8Array => tlv(0xa0 | number, item);

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const bytes: number[] = [];
  const push = (value: number): void => {
    const group: number[] = [value & 0x7f];
    for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128))
      group.unshift(0x80 | (rest & 0x7f));
    bytes.push(...group);
  };
  push(arcs[0] * 40 + arcs[1]);
  for (const arc of arcs.slice(2)) push(arc);
  return tlv(0x06, Uint8Array.from(bytes));
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

/** An INTEGER with exactly these content octets (two's complement, as written). */
export const integerBytes = (content: Uint8Array): Uint8Array => tlv(0x02, content);

export function hexBytes(hex: string): Uint8Array {
  const even = hex.length % 2 ? `0${hex}` : hex;
  return Uint8Array.from(even.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** The minimal two's complement DER content of a (possibly negative) integer. */
export function integerContent(value: bigint): Uint8Array {
  if (value === 0n) return Uint8Array.of(0);
  const bytes: number[] = [];
  let rest = value;
  for (;;) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
    const top = bytes[0] & 0x80;
    if ((rest === 0n && !top) || (rest === -1n && top)) break;
  }
  return Uint8Array.from(bytes);
}

/** One attribute of a name: the type OID, the ASN.1 string tag (UTF8String by default) and the value. */
export interface AttributeSpec {
  type: string;
  value: string | Uint8Array;
  tag?: number;
}

export const STRING_TAG = { UTF8: 0x0c, PRINTABLE: 0x13, T61: 0x14, IA5: 0x16, UNIVERSAL: 0x1c, BMP: 0x1e } as const;

function stringContent(value: string, tag: number): Uint8Array {
  if (tag === STRING_TAG.BMP) {
    const out: number[] = [];
    for (let i = 0; i < value.length; i++) out.push(value.charCodeAt(i) >> 8, value.charCodeAt(i) & 0xff);
    return Uint8Array.from(out);
  }
  if (tag === STRING_TAG.UNIVERSAL) {
    const out: number[] = [];
    for (const char of value) {
      const codePoint = char.codePointAt(0) ?? 0;
      out.push(codePoint >>> 24, (codePoint >> 16) & 0xff, (codePoint >> 8) & 0xff, codePoint & 0xff);
    }
    return Uint8Array.from(out);
  }
  return tag === STRING_TAG.UTF8 ? utf8(value) : latin1(value);
}

/** A Name from RDNs (each a list of attributes), in certificate order. */
export function name(rdns: AttributeSpec[][]): Uint8Array {
  return sequence(
    ...rdns.map((rdn) =>
      set(
        ...rdn.map((attribute) => {
          const tag = attribute.tag ?? STRING_TAG.UTF8;
          const value =
            typeof attribute.value === 'string' ? tlv(tag, stringContent(attribute.value, tag)) : attribute.value;
          return sequence(oid(attribute.type), value);
        }),
      ),
    ),
  );
}

/** UTCTime for years 1950–2049, GeneralizedTime otherwise, from ISO `YYYY-MM-DDTHH:MM:SSZ`. */
export function time(iso: string, force?: 'utc' | 'generalized'): Uint8Array {
  const digits = iso.replace(/[-:TZ]/g, '');
  const year = Number(digits.slice(0, 4));
  const utc = force ? force === 'utc' : year >= 1950 && year < 2050;
  return utc ? tlv(0x17, latin1(`${digits.slice(2)}Z`)) : tlv(0x18, latin1(`${digits}Z`));
}

export interface CertificateSpec {
  /** The serial's DER INTEGER content octets, exactly as written. */
  serial: Uint8Array;
  subject: AttributeSpec[][];
  issuer?: AttributeSpec[][];
  notBefore: string;
  notAfter: string;
  /** Force the time type (e.g. a GeneralizedTime in the UTCTime years). */
  timeType?: 'utc' | 'generalized';
  dnsNames?: string[];
  /** SAN iPAddress octets (4 or 16). */
  ipAddresses?: Uint8Array[];
  /** basicConstraints: absent when undefined. */
  ca?: boolean;
  /** Extended key usage OIDs: absent when undefined. */
  extendedKeyUsage?: string[];
  /** Further extensions, as whole DER Extension elements. */
  extraExtensions?: Uint8Array[];
  /** The subject's public key (SubjectPublicKeyInfo DER); the signer's own by default. */
  spki?: Uint8Array;
}

export interface Signer {
  key: KeyObject;
  spki: Uint8Array;
}

/** One key for a whole test run or bundle (never printed): P-256 by default, RSA 2048 as clusters use. */
export function createSigner(type: 'ec' | 'rsa' = 'ec'): Signer {
  const { privateKey, publicKey } =
    type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { key: privateKey, spki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) };
}

const ECDSA_WITH_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));
const RSA_WITH_SHA256 = sequence(oid('1.2.840.113549.1.1.11'), tlv(0x05, new Uint8Array(0)));

function extension(id: string, value: Uint8Array, critical = false): Uint8Array {
  return sequence(oid(id), ...(critical ? [tlv(0x01, Uint8Array.of(0xff))] : []), tlv(0x04, value));
}

/** The DER of a certificate described by `spec`, signed by `signer`. */
export function buildCertificate(spec: CertificateSpec, signer: Signer): Uint8Array {
  const extensions: Uint8Array[] = [];
  if (spec.ca !== undefined) {
    extensions.push(extension('2.5.29.19', sequence(...(spec.ca ? [tlv(0x01, Uint8Array.of(0xff))] : [])), true));
  }
  if (spec.dnsNames?.length || spec.ipAddresses?.length) {
    const names = [
      ...(spec.dnsNames ?? []).map((dns) => tlv(0x82, latin1(dns))),
      ...(spec.ipAddresses ?? []).map((ip) => tlv(0x87, ip)),
    ];
    extensions.push(extension('2.5.29.17', sequence(...names)));
  }
  if (spec.extendedKeyUsage) extensions.push(extension('2.5.29.37', sequence(...spec.extendedKeyUsage.map(oid))));
  extensions.push(...(spec.extraExtensions ?? []));
  const algorithm = signer.key.asymmetricKeyType === 'rsa' ? RSA_WITH_SHA256 : ECDSA_WITH_SHA256;
  const tbs = sequence(
    explicit(0, integerBytes(Uint8Array.of(2))),
    integerBytes(spec.serial),
    algorithm,
    name(spec.issuer ?? [[{ type: '2.5.4.3', value: 'lean test CA', tag: STRING_TAG.PRINTABLE }]]),
    sequence(time(spec.notBefore, spec.timeType), time(spec.notAfter, spec.timeType)),
    name(spec.subject),
    spec.spki ?? signer.spki,
    ...(extensions.length ? [explicit(3, sequence(...extensions))] : []),
  );
  const signature = sign('sha256', tbs, signer.key);
  return sequence(tbs, algorithm, tlv(0x03, concat(Uint8Array.of(0), signature)));
}

export function toPem(der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}
