// Certificates of the synthetic population in DER and PEM, made quickly: the TBSCertificate is
// written here and one Ed25519 key (derived from a fixed seed, so signatures too are the same on
// every run; Ed25519 signing is deterministic) signs them all, some 20,000 a second. Every
// certificate carries the same RSA 2048 subject public key, so that sizes are those of cluster
// certificates (the parsers do not check that a key matches). The key never leaves this process.
import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import {
  bitString,
  explicit,
  integer,
  NULL,
  octetString,
  oid,
  printableString,
  sequence,
  set,
  time,
  tlv,
  TRUE,
  utf8String,
} from './der';
import type { CertificateFacts } from './population';
import { seededRandom } from './random';

const ED25519 = sequence(oid('1.3.101.112'));
const ISSUER = sequence(
  set(sequence(oid('2.5.4.6'), printableString('US'))),
  set(sequence(oid('2.5.4.10'), utf8String('AKS hybrid bench'))),
  set(sequence(oid('2.5.4.3'), utf8String('kubernetes'))),
);
const EKU_OIDS = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2' } as const;

export interface Signer {
  key: KeyObject;
}

/** The bench's signing key: Ed25519 from a fixed seed (PKCS#8 is a fixed prefix and the seed). */
export function benchSigner(): Signer {
  const seed = createHash('sha256').update('renew-revocation bench signer').digest();
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return { key: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }) };
}

/** An RSA 2048 SubjectPublicKeyInfo with a modulus from a fixed seed (odd, top bit set). */
function subjectPublicKey(): Buffer {
  const next = seededRandom(2048);
  const modulus = Buffer.alloc(257);
  for (let i = 1; i < 257; i++) modulus[i] = Math.floor(next() * 256);
  modulus[1] |= 0x80;
  modulus[256] |= 1;
  const rsaKey = sequence(integer(modulus), integer(Buffer.of(1, 0, 1)));
  return sequence(sequence(oid('1.2.840.113549.1.1.1'), NULL), bitString(rsaKey));
}

const SUBJECT_KEY = subjectPublicKey();

function subjectName(facts: CertificateFacts): Buffer {
  const rdns = [
    ...(facts.role === 'ca' ? [set(sequence(oid('2.5.4.6'), printableString('US')))] : []),
    ...facts.organizations.map((organization) => set(sequence(oid('2.5.4.10'), utf8String(organization)))),
    set(sequence(oid('2.5.4.3'), utf8String(facts.commonName))),
  ];
  return sequence(...rdns);
}

function extension(id: string, value: Uint8Array, critical = false): Buffer {
  return critical ? sequence(oid(id), TRUE, octetString(value)) : sequence(oid(id), octetString(value));
}

function extensions(facts: CertificateFacts): Buffer {
  const list = [
    extension('2.5.29.19', facts.isCA ? sequence(TRUE) : sequence(), true),
    // keyUsage: keyCertSign + cRLSign for CAs; digitalSignature + keyEncipherment otherwise.
    extension('2.5.29.15', facts.isCA ? Buffer.of(0x03, 0x02, 0x01, 0x06) : Buffer.of(0x03, 0x02, 0x05, 0xa0), true),
  ];
  if (facts.dnsNames.length || facts.ipAddresses.length) {
    const names = [
      ...facts.dnsNames.map((dns) => tlv(0x82, Buffer.from(dns, 'latin1'))),
      ...facts.ipAddresses.map((ip) => tlv(0x87, ip.bytes)),
    ];
    list.push(extension('2.5.29.17', sequence(...names)));
  }
  if (facts.extendedKeyUsage.length)
    list.push(extension('2.5.29.37', sequence(...facts.extendedKeyUsage.map((usage) => oid(EKU_OIDS[usage])))));
  return explicit(3, sequence(...list));
}

export function certificateDer(facts: CertificateFacts, signer: Signer): Buffer {
  const tbs = sequence(
    explicit(0, integer(Buffer.of(2))),
    integer(facts.serial),
    ED25519,
    ISSUER,
    sequence(time(facts.notBefore), time(facts.notAfter)),
    subjectName(facts),
    SUBJECT_KEY,
    extensions(facts),
  );
  const signature = sign(null, tbs, signer.key);
  return sequence(tbs, ED25519, bitString(signature));
}

export function toPem(der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}
