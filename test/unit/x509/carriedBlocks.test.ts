// After an edit in one entry the certificate blocks of the previous version are carried over,
// moved with the text after the entry (x509/carriedBlocks.ts), unless the entry's text may hold
// or cut a block: the certificate diagnostics always equal those of the edited text opened afresh.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/service/index';
import { applyChange, type TextChange } from '../../../server/src/service/parse/incremental';
import { certificatesOf } from '../../../server/src/service/x509/modelCertificates';
import { FIXTURE_NOW, fixtureText } from './helpers/fixturePki';

const service = createLanguageService({ now: () => FIXTURE_NOW });

const indented = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

const TEXT = [
  'apiVersion: certificates.microsoft.com/v1',
  'kind: RenewRevocation',
  'metadata:',
  '  name: carried',
  'spec:',
  '  revocations:',
  '  - description: first',
  '    kind: Group',
  '    group: team-1',
  '    notBefore: "2026-03-01T00:00:00Z"',
  '  - kind: Group',
  '    group: team-2',
  '    tls.cr: not base64 at all ~~~~',
  '    notBefore: "2026-03-01T00:00:00Z"',
  '  - kind: Group',
  '    group: team-3',
  '    notBefore: "2026-03-01T00:00:00Z"',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: ca',
  'data:',
  '  ca.pem: |',
  indented(fixtureText('expired.crt')),
  '',
].join('\n');

function edit(text: string, after: string, removed: number, typed: string) {
  const at = text.indexOf(after) + after.length;
  assert.ok(at >= after.length, `the text holds ${after}`);
  const change: TextChange = { start: at, end: at + removed, text: typed };
  const model = service.parse(text);
  service.doValidation(model);
  const edited = applyChange(text, change);
  const updated = service.update(model, [change], edited);
  assert.ok(updated.splice, 'the edit took the incremental path');
  return { model, updated, fresh: service.parse(edited) };
}

const certificateCodes = (codes: (string | number | undefined)[]) =>
  codes.filter((code) => String(code).startsWith('certificate-') || code === 'pem-invalid');

for (const [name, removed, typed] of [
  ['typing a character', 0, 'x'],
  ['deleting a character', 1, ''],
  ['replacing a word with a longer one', 3, 'longer words'],
] as const) {
  test(`${name} in an entry carries the certificate blocks after it over, moved`, () => {
    const { model, updated, fresh } = edit(TEXT, 'description: fi', removed, typed);
    const before = certificatesOf(model);
    const after = certificatesOf(updated);
    assert.equal(after.length, 1);
    // Carried, not decoded again: the same decode, at the offsets of the fresh scan.
    assert.equal(after[0].decoded, before[0].decoded);
    assert.deepEqual(
      after.map(({ block }) => [block.start, block.end, block.selectionEnd]),
      certificatesOf(fresh).map(({ block }) => [block.start, block.end, block.selectionEnd]),
    );
    const diagnostics = service.doValidation(updated);
    assert.deepEqual(diagnostics, service.doValidation(fresh));
    const expired = diagnostics.find((diagnostic) => diagnostic.code === 'certificate-expired');
    assert.deepEqual(expired?.range, { start: { line: 24, character: 4 }, end: { line: 24, character: 31 } });
  });
}

test('an edit that makes a certificate data key scans the text again', () => {
  const { model, updated, fresh } = edit(TEXT, 'tls.cr', 0, 't');
  assert.deepEqual(certificateCodes(service.doValidation(model).map((d) => d.code)), ['certificate-expired']);
  const diagnostics = service.doValidation(updated);
  assert.deepEqual(diagnostics, service.doValidation(fresh));
  const invalid = diagnostics.find((diagnostic) => diagnostic.code === 'pem-invalid');
  assert.equal(
    invalid?.message,
    '`tls.crt` does not decode: `tls.crt` is not valid base64: `~` is not a base64 character.',
  );
  assert.deepEqual(certificateCodes(diagnostics.map((d) => d.code)), ['pem-invalid', 'certificate-expired']);
});

test('an edit that unmakes a certificate data key drops its finding', () => {
  const withKey = TEXT.replace('tls.cr:', 'tls.crt:');
  const { model, updated, fresh } = edit(withKey, 'tls.cr', 1, 'x');
  assert.deepEqual(certificateCodes(service.doValidation(model).map((d) => d.code)), [
    'pem-invalid',
    'certificate-expired',
  ]);
  const diagnostics = service.doValidation(updated);
  assert.deepEqual(diagnostics, service.doValidation(fresh));
  assert.deepEqual(certificateCodes(diagnostics.map((d) => d.code)), ['certificate-expired']);
});
