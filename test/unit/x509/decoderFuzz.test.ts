// fast-check over the finder and the decoder: mutated and truncated PEM, DER and base64 (in
// PEM files, in YAML data, as whole files) never throw, and every block that is not sound gets a
// message saying why.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { createLanguageService } from '../../../server/src/service/languageService';
import { decodeBlock, type BlockDecode } from '../../../server/src/service/x509/decodeBlocks';
import { findBlocksInFile, findBlocksInText } from '../../../server/src/service/x509/findCertificates';
import { FIXTURE_NOW, fixturePath, fixtureText } from './helpers/fixturePki';

const service = createLanguageService({ now: () => FIXTURE_NOW });
const RUNS = { numRuns: 150 };

const certificateDers = [
  'root-ca.crt',
  'intermediate-ca.crt',
  'leaf-server.crt',
  'odd-subject.crt',
  'ed25519.crt',
  'negative-serial.crt',
].map((name) => {
  const body = fixtureText(name).replace(/-----[A-Z ]+-----/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
});
const csrDer = new Uint8Array(Buffer.from(fixtureText('request.csr').replace(/-----[A-Z ]+-----/g, ''), 'base64'));

function pem(label: string, der: Uint8Array): string {
  const body = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

function assertMessage(decoded: BlockDecode, what: string): void {
  if (decoded.ok) return;
  assert.equal(typeof decoded.failure.error, 'string', what);
  assert.ok(decoded.failure.error.length > 5, `${what}: a message, got ${JSON.stringify(decoded.failure.error)}`);
  assert.ok(!decoded.failure.error.includes('\n'), `${what}: one line`);
}

/** A DER mutation: flip, overwrite, delete or insert bytes, or cut the tail off. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(der: Uint8Array, steps: Mutation[]): Uint8Array {
  let bytes = Array.from(der);
  for (const step of steps) {
    const at = bytes.length === 0 ? 0 : step.at % bytes.length;
    if (step.kind === 'flip') bytes[at] ^= 1 << step.bit;
    else if (step.kind === 'set') bytes[at] = step.value;
    else if (step.kind === 'delete') bytes.splice(at, step.count);
    else if (step.kind === 'insert') bytes.splice(at, 0, ...step.bytes);
    else bytes = bytes.slice(0, at);
  }
  return Uint8Array.from(bytes);
}

test('mutated certificate and CSR DER in PEM: never an exception; a cut-off certificate always fails with a message', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: certificateDers.length }),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      (which, steps) => {
        const original = which === certificateDers.length ? csrDer : certificateDers[which];
        const label = which === certificateDers.length ? 'CERTIFICATE REQUEST' : 'CERTIFICATE';
        const der = mutate(original, steps);
        const blocks = findBlocksInText(pem(label, der));
        assert.equal(blocks.length, 1);
        const decoded = decodeBlock(blocks[0]);
        assertMessage(decoded, label);
        if (der.length < original.length && Buffer.from(original).subarray(0, der.length).equals(Buffer.from(der))) {
          assert.equal(decoded.ok, false, 'a truncated DER cannot decode');
        }
      },
    ),
    RUNS,
  );
});

test('mutated DER as a whole binary file: never an exception', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: certificateDers.length - 1 }),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      (which, steps) => {
        const der = mutate(certificateDers[which], steps);
        const { blocks } = findBlocksInFile(der);
        for (const block of blocks) assertMessage(decodeBlock(block), 'DER file');
        service.decodeForView(der);
      },
    ),
    RUNS,
  );
});

test('PEM text cut anywhere or with characters changed: every unsound block gets a message', () => {
  const bundle =
    fixtureText('bundle.pem') + fixtureText('key-and-cert.pem') + fixtureText('keys/rsa-legacy-encrypted.key');
  fc.assert(
    fc.property(
      fc.nat({ max: bundle.length }),
      fc.array(
        fc.record({
          at: fc.nat({ max: bundle.length - 1 }),
          char: fc.constantFrom('!', '-', ' ', '\n', '=', 'A', '\r\n', '#', 'é', ''),
        }),
        { maxLength: 4 },
      ),
      (cut, edits) => {
        let text = bundle;
        for (const edit of edits) text = text.slice(0, edit.at) + edit.char + text.slice(edit.at + 1);
        text = text.slice(0, cut);
        const blocks = findBlocksInText(text);
        for (const block of blocks) {
          const decoded = decodeBlock(block);
          assertMessage(decoded, block.label);
          if (block.problem) assert.equal(decoded.ok, false);
        }
        // The features over the same text: no exception either.
        const model = service.parse(text, 'pem');
        service.doValidation(model);
        service.findDocumentSymbols(model);
        service.doHover(model, { line: 3, character: 2 });
      },
    ),
    RUNS,
  );
});

test('base64 certificate data in YAML, mutated or cut: never an exception, a message for each bad value', () => {
  const secret = fixtureText('secret.yaml');
  const value = /tls\.crt: (\S+)/.exec(secret)![1];
  fc.assert(
    fc.property(
      fc.nat({ max: value.length }),
      fc.array(
        fc.record({ at: fc.nat({ max: value.length - 1 }), char: fc.constantFrom('A', '/', '+', '=', '.', '') }),
        { maxLength: 3 },
      ),
      (cut, edits) => {
        let mutated = value;
        for (const edit of edits) mutated = mutated.slice(0, edit.at) + edit.char + mutated.slice(edit.at + 1);
        mutated = mutated.slice(0, Math.max(cut, 16));
        const text = secret.replace(value, mutated);
        const model = service.parse(text, 'yaml');
        const diagnostics = service.doValidation(model);
        const hover = service.doHover(model, { line: 7, character: 12 });
        if (mutated !== value) {
          // The value changed: either it still decodes (a change inside the signature), or it is reported.
          const reported = diagnostics.some((d) => d.code === 'pem-invalid' && d.range.start.line === 7);
          const decodes = hover?.contents.value.startsWith('**Certificate**') ?? false;
          assert.ok(reported || decodes, `tls.crt neither decodes nor is reported: ${hover?.contents.value}`);
        }
      },
    ),
    RUNS,
  );
});

test('arbitrary text and bytes: the finder and decoder never throw', () => {
  fc.assert(
    fc.property(
      fc.string({
        unit: fc.constantFrom(
          '-',
          'B',
          'E',
          'G',
          'I',
          'N',
          ' ',
          'C',
          'R',
          'T',
          'K',
          'Y',
          '\n',
          'M',
          'A',
          '=',
          '/',
          'L',
          'S',
          '0',
          't',
        ),
      }),
      (text) => {
        for (const block of findBlocksInText(text)) assertMessage(decodeBlock(block), 'random text');
      },
    ),
    RUNS,
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const input = Uint8Array.from([0x30, ...bytes]);
      for (const block of findBlocksInFile(input).blocks) assertMessage(decodeBlock(block), 'random bytes');
    }),
    RUNS,
  );
});

test('a DER certificate with trailing bytes, an empty block, a lone BEGIN line', () => {
  const der = new Uint8Array(readFileSync(fixturePath('der/root-ca.der')));
  const [trailing] = findBlocksInText(pem('CERTIFICATE', Uint8Array.from([...der, 1, 2, 3])));
  const decoded = decodeBlock(trailing);
  assert.ok(decoded.ok && decoded.record.kind === 'certificate');
  assert.deepEqual(decoded.ok && decoded.record.kind === 'certificate' && decoded.record.notes, [
    '3 bytes after the certificate were not read',
  ]);
  const [empty] = findBlocksInText('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
  assert.deepEqual(decodeBlock(empty), {
    ok: false,
    failure: { kind: 'certificate', error: 'the CERTIFICATE block is empty' },
  });
  const [lone] = findBlocksInText('-----BEGIN CERTIFICATE-----\n');
  assert.deepEqual(decodeBlock(lone), {
    ok: false,
    failure: {
      kind: 'certificate',
      error: 'the CERTIFICATE block has no `-----END CERTIFICATE-----` line: it is cut short',
    },
  });
  assert.deepEqual(findBlocksInText('Files start with -----BEGIN CERTIFICATE----- and then base64.'), []);
});
