// The four certificates on which openssl and our decoder once disagreed, made at test time:
// openssl itself writes three of them (`req -x509` from a config), and the certificate builder
// the one openssl will not sign (an rsaEncryption key that is no RSAPublicKey).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCertificate, createSigner, hexBytes, oid, sequence, tlv } from './certificateBuilder';

/** How many OU attributes the wide subject carries (as the public corpus's denial-of-service-shaped name). */
export const WIDE_ATTRIBUTES = 2048;

export interface FidelityCertificates {
  /** rsaEncryption, but the BIT STRING holds text, not an RSAPublicKey. */
  malformedRsa: Uint8Array;
  /** SAN iPAddress entries of 8 octets (address and mask), 4 octets and 2 octets. */
  maskedIp: Uint8Array;
  /** SAN dNSNames: UTF-8 (an emoji label), Latin-1 (not UTF-8) and plain ASCII. */
  nonAsciiDns: Uint8Array;
  /** A subject of WIDE_ATTRIBUTES OUs and a CN. */
  wideSubject: Uint8Array;
}

const REQ_HEAD =
  '[req]\ndistinguished_name = dn\nprompt = no\nx509_extensions = ext\n[ext]\nbasicConstraints = critical, CA:FALSE\n';

/** `openssl req -x509` over `config` (a config file's bytes), with a fresh P-256 key thrown away afterwards. */
function opensslCertificate(dir: string, name: string, config: Buffer): Uint8Array {
  const configPath = join(dir, `${name}.cnf`);
  const out = join(dir, `${name}.der`);
  writeFileSync(configPath, config);
  const run = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-config',
      configPath,
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, `${name}.key`),
      '-days',
      '3650',
      '-outform',
      'DER',
      '-out',
      out,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`openssl req for ${name} failed: ${run.stderr}`);
  return new Uint8Array(readFileSync(out));
}

export function makeFidelityCertificates(): FidelityCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'fidelity-'));
  try {
    // GeneralNames { [7] c0000200ffffff00, [7] c0000201, [7] 0a01 }: openssl's config writes a SAN of
    // any bytes with `DER:`, and its own `IP:` accepts only single addresses.
    const maskedIp = opensslCertificate(
      dir,
      'masked-ip',
      Buffer.from(
        `${REQ_HEAD}subjectAltName = DER:30148708c0000200ffffff008704c000020187020a01\n[dn]\nCN = masked-ip\n`,
      ),
    );
    const nonAsciiDns = opensslCertificate(
      dir,
      'non-ascii-dns',
      Buffer.concat([
        Buffer.from(`${REQ_HEAD}subjectAltName = DNS:😜.example.com, DNS:caf`),
        Buffer.from([0xe9]), // é in Latin-1: not UTF-8
        Buffer.from('.example.com, DNS:ok.example.com, IP:192.0.2.1\n[dn]\nCN = non-ascii-dns\n'),
      ]),
    );
    const units = Array.from({ length: WIDE_ATTRIBUTES }, (_, i) => `${i}.OU = unit-${i}`).join('\n');
    const wideSubject = opensslCertificate(
      dir,
      'wide-subject',
      Buffer.from(`${REQ_HEAD}[dn]\n${units}\nCN = wide-subject\n`),
    );
    const rsaEncryption = sequence(oid('1.2.840.113549.1.1.1'), tlv(0x05, new Uint8Array(0)));
    const notAKey = tlv(0x03, Uint8Array.from([0, ...Buffer.from('not an RSAPublicKey')]));
    const malformedRsa = buildCertificate(
      {
        serial: hexBytes('1b'),
        subject: [[{ type: '2.5.4.3', value: 'malformed-rsa' }]],
        notBefore: '2026-01-01T00:00:00Z',
        notAfter: '2036-01-01T00:00:00Z',
        spki: sequence(rsaEncryption, notAKey),
      },
      createSigner(),
    );
    return { malformedRsa, maskedIp, nonAsciiDns, wideSubject };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `openssl x509 -noout -text` of one DER certificate, its bytes as Latin-1 (openssl prints SAN octets raw), stderr included. */
export function opensslText(der: Uint8Array, options: string[] = []): string {
  const run = spawnSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text', ...options], { input: der });
  return Buffer.concat([run.stdout, run.stderr]).toString('latin1');
}

/** The entries of the line after openssl's `X509v3 Subject Alternative Name:` heading. */
export function opensslSanEntries(text: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.trim().startsWith('X509v3 Subject Alternative Name'));
  return at < 0 ? [] : lines[at + 1].trim().split(', ');
}
