// An edit above an entry leaves that entry's YAML nodes behind (parse/staleEntries.ts): every
// feature that reads node positions must still answer exactly as on the text opened fresh. Each
// case edits the first entry (a length change, so that a position left behind would be off) and
// then asks about something further down, without validating in between or after validating.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyChange, createLanguageService, type FileModel, type TextChange } from '../../../server/src/service/index';

const NOW = new Date('2026-01-01T00:00:00Z');
const service = createLanguageService({ now: () => NOW });

const CA = readFileSync(join(__dirname, '../../../../test/fixtures/cluster-pki/pki/ca.crt'), 'utf8');

const TEXT = [
  'apiVersion: certificates.microsoft.com/v1',
  'kind: RenewRevocation',
  'metadata:',
  '  name: first',
  'spec:',
  '  revocations:',
  '  - description: the first entry',
  '    kind: Group',
  '    group: team-a',
  '  - kind: serialnumber',
  '    notBefore: "2020-04-17T17:22:05Z"',
  '    serialNumber: 1a2b3c4d',
  '  - kind: DNS',
  '    dns: node.cluster.local',
  '    colour: red',
  '  - kind: IP',
  '    ip: 10.0.0.1',
  '  - kind: IP',
  '    ip: 10.0.0.2',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'data:',
  '  ca.crt: |',
  ...CA.trim()
    .split('\n')
    .map((line) => `    ${line}`),
  '---',
  'apiVersion: certificates.microsoft.com/v1',
  'kind: RenewRevocation',
  'metadata:',
  '  name: second',
  'spec:',
  '  revocations:',
  '  - kind: serialnumber',
  '    serialNumber: 5e6f',
  '  - kind: IP',
  '    ip: 10.1.1.1',
  '',
].join('\n');

/** Typing `typed` after `the first` in the first entry's description, one keystroke per character. */
function edited(validateBetween: boolean): { model: FileModel; text: string } {
  let text = TEXT;
  let model = service.parse(text);
  // Not validated at all: no entry has kept findings, so each is checked afresh on stale nodes.
  if (validateBetween) service.doValidation(model);
  let at = TEXT.indexOf('the first') + 'the first'.length;
  for (const character of ' and longer') {
    const change: TextChange = { start: at, end: at, text: character };
    text = applyChange(text, change);
    model = service.update(model, [change], text);
    assert.ok(model.splice, `the keystroke ${JSON.stringify(character)} took the incremental path`);
    if (validateBetween) service.doValidation(model);
    at++;
  }
  return { model, text };
}

function positionOf(text: string, needle: string, after = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset + after).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

for (const validateBetween of [false, true]) {
  const when = validateBetween ? 'validated after each keystroke' : 'not validated in between';
  const fresh = () => service.parse(edited(validateBetween).text);

  test(`stale entries (${when}): a later entry's schema error is where a fresh parse puts it`, () => {
    const { model } = edited(validateBetween);
    const diagnostics = service.doValidation(model);
    assert.deepEqual(diagnostics, service.doValidation(fresh()));
    const unknown = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-field');
    assert.ok(unknown, 'the unknown field `colour` is reported');
    assert.deepEqual(unknown.range, {
      start: positionOf(edited(validateBetween).text, 'colour'),
      end: positionOf(edited(validateBetween).text, 'colour', 'colour'.length),
    });
  });

  test(`stale entries (${when}): hover on a later serial number`, () => {
    const { model, text } = edited(validateBetween);
    const at = positionOf(text, '1a2b3c4d', 2);
    const hover = service.doHover(model, at);
    assert.ok(hover?.range, 'the serial number has a hover');
    assert.deepEqual(hover, service.doHover(fresh(), at));
    assert.deepEqual(hover.range, { start: positionOf(text, '1a2b3c4d'), end: positionOf(text, '1a2b3c4d', 8) });
  });

  test(`stale entries (${when}): the outline's ranges`, () => {
    const { model } = edited(validateBetween);
    const symbols = service.findDocumentSymbols(model);
    assert.deepEqual(symbols, service.findDocumentSymbols(fresh()));
    assert.deepEqual(
      symbols.map((symbol) => symbol.children?.length),
      [5, 2],
    );
  });

  test(`stale entries (${when}): a certificate in a later document`, () => {
    const { model, text } = edited(validateBetween);
    const at = positionOf(text, 'BEGIN CERTIFICATE', 3);
    const hover = service.doHover(model, at);
    assert.ok(hover?.range, 'the certificate has a hover');
    assert.deepEqual(hover, service.doHover(fresh(), at));
    assert.equal(hover.range.start.line, positionOf(text, '-----BEGIN CERTIFICATE').line);
    assert.deepEqual(service.certificatesAt(model, at), service.certificatesAt(fresh(), at));
  });

  test(`stale entries (${when}): completion and code lenses further down`, () => {
    const { model, text } = edited(validateBetween);
    const at = positionOf(text, 'kind: IP\n    ip: 10.0.0.2', 'kind: '.length);
    const items = service.doComplete(model, at);
    assert.ok(items.length > 0, 'kinds are offered');
    assert.deepEqual(items, service.doComplete(fresh(), at));
    assert.deepEqual(service.getCodeLenses(model), service.getCodeLenses(fresh()));
  });
}

test('stale entries: an edit in an entry whose nodes were left behind by an earlier edit', () => {
  let { model, text } = edited(false);
  // Into the serial number's entry, which the edits above left behind, then the outline.
  const at = text.indexOf('1a2b3c4d') + 8;
  const change: TextChange = { start: at, end: at, text: 'ef' };
  text = applyChange(text, change);
  model = service.update(model, [change], text);
  assert.ok(model.splice, 'the edit took the incremental path');
  const again = service.parse(text);
  assert.deepEqual(service.findDocumentSymbols(model), service.findDocumentSymbols(again));
  assert.deepEqual(service.doValidation(model), service.doValidation(again));
  assert.deepEqual(
    model.manifests.map((manifest) => manifest.entries.map((entry) => entry.node?.range)),
    again.manifests.map((manifest) => manifest.entries.map((entry) => entry.node?.range)),
  );
});

test('stale entries: certificate data in a later entry, scanned again after a keystroke that may start a block', () => {
  // Typing `MII` (how base64 DER starts) makes the certificate scan read every value again instead
  // of carrying its blocks over: the later entry's nodes must be where the text has them by then.
  const base64 = Buffer.from(CA).toString('base64');
  let text = TEXT.replace('    ip: 10.0.0.2', `    ip: 10.0.0.2\n    description: ${base64}`);
  let model = service.parse(text);
  service.doValidation(model);
  const at = text.indexOf('the first') + 'the first'.length;
  const change: TextChange = { start: at, end: at, text: ' MII' };
  text = applyChange(text, change);
  model = service.update(model, [change], text);
  assert.ok(model.splice, 'the keystroke took the incremental path');
  const fresh = service.parse(text);
  assert.deepEqual(service.doValidation(model), service.doValidation(fresh));
  const position = positionOf(text, base64, 10);
  const certificates = service.certificatesAt(model, position);
  assert.equal(certificates.length, 1, 'the base64 value holds one certificate');
  assert.deepEqual(certificates, service.certificatesAt(fresh, position));
  assert.deepEqual(service.doHover(model, position), service.doHover(fresh, position));
});
