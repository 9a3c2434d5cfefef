// Hostile and broken input (docs/ARCHITECTURE.md, "Invariants"), generated at test time: every case is the bytes a file on
// disk would hold (what the command line reads), the text an editor would hand the server, and
// what each of them must answer. The service test, the protocol test and the command-line test all
// run this one list, so the three doors are held to the same answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosticCode } from '../../server/src/service/codes';
import {
  buildCertificate,
  createSigner,
  hexBytes,
  integerContent,
  sequence,
  toPem,
  type CertificateSpec,
} from '../unit/x509/helpers/certificateBuilder';
import { findRoot } from './repoRoot';

export interface CliExpectation {
  /** `lint` for manifests, `decode` for certificate files. */
  command: 'lint' | 'decode';
  status: number;
  /** What the output (stdout and stderr together) must say. */
  says: RegExp;
}

export interface HostileInput {
  name: string;
  /** File name on disk (its extension picks the editor's language). */
  file: string;
  languageId: 'yaml' | 'pem';
  bytes: Buffer;
  /** The text an editor opens: the bytes as UTF-8 (invalid sequences become U+FFFD) or UTF-16 after its byte order mark, the mark dropped. */
  text: string;
  /** Every one of these codes is among the diagnostics (empty: the input draws no diagnostic, and that is right). */
  codes: DiagnosticCode[];
  /** Some diagnostic message matches this. */
  message?: RegExp;
  /** What the command line answers; each expectation is one run. */
  cli: CliExpectation[];
}

export const DOCUMENTED = readFileSync(join(findRoot(), 'examples', 'documented.yaml'), 'utf8');

/** The codes of the documented example, in order of their place: what its variants must still show. */
export const DOCUMENTED_CODES: DiagnosticCode[] = [
  'missing-not-before',
  'broad-revocation',
  'missing-not-before',
  'missing-not-before',
  'missing-not-before',
];

const HEAD =
  'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: hostile\nspec:\n  revocations:\n';
const ENTRY_HEAD = `${HEAD}  - kind: DNS\n    notBefore: "2020-04-17T17:22:05Z"\n    dns: `;

/** A deterministic generator (mulberry32): the same garbage on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function garbage(length: number, seed: number): Buffer {
  const next = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)));
}

/** `levels` anchors, each a list of `width` aliases of the one before: width^levels expansions. */
function aliasBomb(levels: number, width: number, indent: string): string {
  let out = `${indent}a0: &a0 [${Array(width).fill('"lol"').join(', ')}]\n`;
  for (let i = 1; i < levels; i++)
    out += `${indent}a${i}: &a${i} [${Array(width)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return out;
}

function textOf(bytes: Buffer): string {
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le') : bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function yamlInput(
  name: string,
  content: string | Buffer,
  codes: DiagnosticCode[],
  message: RegExp | undefined,
  says: RegExp,
  status = 1,
): HostileInput {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    file: `${name}.yaml`,
    languageId: 'yaml',
    bytes,
    text: textOf(bytes),
    codes,
    message,
    cli: [{ command: 'lint', status, says }],
  };
}

function pemInput(
  name: string,
  extension: 'pem' | 'crt',
  content: string | Buffer,
  codes: DiagnosticCode[],
  message: RegExp | undefined,
  decode: Omit<CliExpectation, 'command'>,
): HostileInput {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    file: `${name}.${extension}`,
    languageId: 'pem',
    bytes,
    text: textOf(bytes),
    codes,
    message,
    cli: [{ command: 'decode', ...decode }],
  };
}

const signer = createSigner();
const BASE: Omit<CertificateSpec, 'serial'> = {
  subject: [[{ type: '2.5.4.10', value: 'system:nodes' }], [{ type: '2.5.4.3', value: 'system:node:hostile' }]],
  notBefore: '2024-01-01T00:00:00Z',
  notAfter: '2034-01-01T00:00:00Z',
};
const certificate = (spec: Partial<CertificateSpec> & { serial: Uint8Array }) =>
  buildCertificate({ ...BASE, ...spec }, signer);

/** The clock of every run over the corpus: all the well-formed certificates are valid then. */
export const CORPUS_NOW = new Date('2030-01-01T00:00:00Z');

export function hostileInputs(): HostileInput[] {
  const plain = certificate({ serial: hexBytes('0c0ffee0') });
  const lying = Buffer.from(plain);
  lying[2] = 0xff; // the outer SEQUENCE claims 0xffxx bytes
  lying[3] = 0xff;
  let nested: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < 10_000; i++) nested = sequence(nested);
  const derGarbage = garbage(4000, 7);
  derGarbage.set([0x30, 0x82, 0x0f, 0x9c]); // a SEQUENCE header of the right length over random bytes
  const badUtf8 = Buffer.concat([
    Buffer.from(`${ENTRY_HEAD}kube`),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
    Buffer.from('rnetes.svc\n'),
  ]);
  const crlfDocumented = DOCUMENTED.replace(/\n/g, '\r\n');
  const documentedMessage = /revokes all existing and future/;
  const documentedSays = /5 problems \(0 errors, 5 warnings/;

  return [
    // YAML: expansion, depth, size.
    yamlInput(
      'alias-bomb',
      `${HEAD}  - kind: DNS\n    notBefore: "2020-04-17T17:22:05Z"\n    dns: a.example.com\n${aliasBomb(9, 9, '')}`,
      ['schema'],
      /alias bomb/,
      /alias bomb/,
    ),
    yamlInput(
      'alias-bomb-in-entry',
      `${HEAD}  - kind: DNS\n    notBefore: "2020-04-17T17:22:05Z"\n    bomb:\n${aliasBomb(30, 2, '      ')}    dns: *a29\n`,
      ['schema'],
      /alias bomb/,
      /alias bomb/,
    ),
    yamlInput(
      'flow-sequences-10000-deep',
      `${ENTRY_HEAD}${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      ['yaml-syntax'],
      /nested too deeply/,
      /nested too deeply/,
    ),
    yamlInput(
      'flow-mappings-10000-deep',
      `${ENTRY_HEAD}${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
      ['yaml-syntax'],
      /nested too deeply/,
      /nested too deeply/,
    ),
    yamlInput(
      'flow-unclosed-10000-deep',
      `${ENTRY_HEAD}${'['.repeat(10_000)}\n`,
      ['yaml-syntax'],
      /YAML syntax/,
      /yaml-syntax/,
    ),
    yamlInput(
      'block-sequences-10000-deep',
      `${HEAD}  - ${'- '.repeat(10_000)}x\n`,
      ['yaml-syntax'],
      /nested too deeply/,
      /nested too deeply/,
    ),
    yamlInput(
      'block-mappings-300-deep',
      `${HEAD}  - kind: DNS\n    dns: a.example.com\n    notBefore: "2020-04-17T17:22:05Z"\n    deep:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(6 + i)}k${i}:`).join('\n')} end\n`,
      ['unknown-field'],
      /Unknown field `deep`/,
      /unknown-field/,
      0,
    ),
    yamlInput(
      'line-of-1-MiB',
      `${ENTRY_HEAD}${'a'.repeat(1 << 20)}\n`,
      ['dns-invalid'],
      /is not a valid DNS name/,
      /dns-invalid/,
    ),
    yamlInput(
      'comment-line-of-1-MiB',
      `# ${'x'.repeat(1 << 20)}\n${DOCUMENTED}`,
      DOCUMENTED_CODES,
      documentedMessage,
      documentedSays,
      0,
    ),
    // YAML: bytes that are not text, encodings, line ends.
    yamlInput('binary-garbage', garbage(64 * 1024, 1), [], undefined, /no RenewRevocation manifest found/, 2),
    yamlInput(
      'manifest-then-garbage',
      Buffer.concat([
        Buffer.from(`${HEAD}  - kind: DNS\n    notBefore: "2020-04-17T17:22:05Z"\n    dns: a.example.com\n`),
        garbage(4096, 2),
      ]),
      ['yaml-syntax'],
      /YAML syntax/,
      /yaml-syntax/,
    ),
    yamlInput('invalid-utf8', badUtf8, ['dns-invalid'], /`\uFFFD` is not allowed in a DNS name/, /dns-invalid/),
    yamlInput(
      'nul-characters',
      `${ENTRY_HEAD}kube\u0000rnetes.svc\n`,
      ['dns-invalid'],
      /is not a valid DNS name/,
      /dns-invalid/,
    ),
    yamlInput(
      'utf8-bom',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DOCUMENTED)]),
      DOCUMENTED_CODES,
      documentedMessage,
      documentedSays,
      0,
    ),
    // A client that does not drop the byte order mark hands it over in the text.
    {
      ...yamlInput('bom-kept-in-text', DOCUMENTED, DOCUMENTED_CODES, documentedMessage, documentedSays, 0),
      text: `\uFEFF${DOCUMENTED}`,
    },
    yamlInput(
      'utf16le-bom',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DOCUMENTED, 'utf16le')]),
      DOCUMENTED_CODES,
      documentedMessage,
      documentedSays,
      0,
    ),
    yamlInput('crlf', crlfDocumented, DOCUMENTED_CODES, documentedMessage, documentedSays, 0),
    yamlInput(
      'duplicate-keys',
      DOCUMENTED.replace('    kind: Group', '    kind: Group\n    kind: DNS'),
      ['yaml-syntax'],
      /Map keys must be unique/,
      /Map keys must be unique/,
    ),
    yamlInput(
      'collection-as-key',
      `${HEAD}  - kind: DNS\n    dns: a.example.com\n    notBefore: "2020-04-17T17:22:05Z"\n    ? [a, b]\n    : x\n`,
      ['unknown-field'],
      /Unknown field/,
      /unknown-field/,
      0,
    ),
    yamlInput(
      'tab-indentation',
      DOCUMENTED.replace('\n    kind: IP', '\n\tkind: IP'),
      ['yaml-syntax'],
      /Tabs are not allowed/,
      /Tabs are not allowed/,
    ),
    // PEM and DER: armor, encoding, structure, extremes.
    pemInput('binary-garbage', 'pem', garbage(64 * 1024, 3), [], undefined, {
      status: 2,
      says: /no certificate, certificate request or key was found/,
    }),
    pemInput('binary-garbage', 'crt', garbage(64 * 1024, 4), [], undefined, {
      status: 2,
      says: /no certificate, certificate request or key was found/,
    }),
    pemInput('der-header-over-garbage', 'crt', derGarbage, [], undefined, {
      status: 1,
      says: /not a certificate, a certificate request or a key/,
    }),
    pemInput(
      'wrong-armor',
      'pem',
      toPem(plain).replace('-----END CERTIFICATE-----', '-----END PRIVATE KEY-----'),
      ['pem-invalid'],
      /begins as `CERTIFICATE` but ends as `PRIVATE KEY`/,
      {
        status: 1,
        says: /begins as `CERTIFICATE` but ends as `PRIVATE KEY`/,
      },
    ),
    pemInput(
      'bad-base64',
      'pem',
      '-----BEGIN CERTIFICATE-----\nMIIB$$$$!!!***\n-----END CERTIFICATE-----\n',
      ['pem-invalid'],
      /not valid base64/,
      { status: 1, says: /not valid base64/ },
    ),
    pemInput(
      'truncated-der',
      'pem',
      toPem(plain.subarray(0, 100)),
      ['pem-invalid'],
      /claims \d+ bytes but only 96 remain/,
      { status: 1, says: /claims \d+ bytes but only 96 remain/ },
    ),
    pemInput('length-past-the-end', 'pem', toPem(lying), ['pem-invalid'], /claims 65535 bytes but only \d+ remain/, {
      status: 1,
      says: /claims 65535 bytes/,
    }),
    pemInput('asn1-nested-10000-deep', 'pem', toPem(nested), ['pem-invalid'], /does not decode/, {
      status: 1,
      says: /does not decode/,
    }),
    // Wide but plain (330 KB, well under maxFileSize): openssl reads it, and so do we.
    pemInput(
      'san-list-of-10000',
      'pem',
      toPem(
        certificate({
          serial: hexBytes('5a'),
          dnsNames: Array.from({ length: 10_000 }, (_, i) => `node-${i}.cluster.local`),
        }),
      ),
      [],
      undefined,
      {
        status: 0,
        says: /node-0\.cluster\.local, node-1\.cluster\.local, .*node-9999\.cluster\.local\n/,
      },
    ),
    pemInput('negative-serial', 'pem', toPem(certificate({ serial: integerContent(-0x1234n) })), [], undefined, {
      status: 0,
      says: /-1234/,
    }),
    pemInput(
      'serial-of-40-octets',
      'pem',
      toPem(certificate({ serial: hexBytes(`7f${'ab'.repeat(39)}`) })),
      [],
      undefined,
      { status: 0, says: /40 octets long; RFC 5280 allows at most 20/ },
    ),
    pemInput(
      'generalized-time-after-2049',
      'pem',
      toPem(certificate({ serial: hexBytes('2050'), notAfter: '2150-06-01T12:00:00Z' })),
      [],
      undefined,
      { status: 0, says: /2150-06-01T12:00:00Z/ },
    ),
    pemInput(
      'generalized-time-before-1950',
      'pem',
      toPem(certificate({ serial: hexBytes('1949'), notBefore: '1901-01-01T00:00:00Z' })),
      [],
      undefined,
      { status: 0, says: /1901-01-01T00:00:00Z/ },
    ),
    pemInput(
      'crlf-bundle',
      'pem',
      (toPem(plain) + toPem(certificate({ serial: hexBytes('0d') }))).replace(/\n/g, '\r\n'),
      [],
      undefined,
      { status: 0, says: /2 certificates/ },
    ),
  ];
}

/** Inputs too big to keep in the list above: generated where they are used. */
export const FIFTY_MIB = 50 * 1024 * 1024;

/** A 50 MiB manifest: a real one with many entries (what a bad export might produce). */
export function fiftyMibManifest(): Buffer {
  const entry = '  - kind: DNS\n    notBefore: "2020-04-17T17:22:05Z"\n    dns: node.example.com\n';
  const count = Math.ceil(FIFTY_MIB / entry.length);
  return Buffer.from(HEAD + entry.repeat(count));
}

/** A 50 MiB `.pem`: one certificate repeated (a log someone named `.pem`). */
export function fiftyMibPem(): Buffer {
  const one = toPem(certificate({ serial: hexBytes('50') }));
  return Buffer.from(one.repeat(Math.ceil(FIFTY_MIB / one.length)));
}
