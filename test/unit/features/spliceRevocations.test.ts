// The entry edit every revocation change is made of: entries added or replaced in
// spec.revocations through the CST, the rest of the text untouched, one minimal edit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFile } from '../../../server/src/service/parse/fileModel';
import type { RevocationEntryDraft } from '../../../server/src/service/features/revocationEdits/entryDraft';
import { spliceRevocations } from '../../../server/src/service/features/revocationEdits/spliceRevocations';

const DRAFT: RevocationEntryDraft = {
  description: 'Revoke CN=a: b # c',
  kind: 'serialnumber',
  notBefore: '2025-06-01T00:00:00Z',
  serialNumber: '5e01',
};

const ENTRY = [
  '- description: "Revoke CN=a: b # c"',
  '  kind: serialnumber',
  '  notBefore: "2025-06-01T00:00:00Z"',
  '  serialNumber: "5e01"',
];

const HEAD =
  'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: x\nspec:\n  revocations:\n';

function splice(text: string, start: number, deleteCount: number, drafts = [DRAFT]) {
  const file = parseFile(text);
  return spliceRevocations(file, file.manifests[0], start, deleteCount, drafts);
}

test('appends after the last entry, quoting what YAML would read as something else', () => {
  const text = `${HEAD}  - kind: Group\n    group: a\n`;
  const result = splice(text, 1, 0);
  assert.ok(result.ok);
  assert.equal(result.text, `${text}${ENTRY.map((line) => `  ${line}\n`).join('')}`);
  assert.deepEqual(result.edit, {
    start: text.length,
    end: text.length,
    newText: ENTRY.map((l) => `  ${l}\n`).join(''),
  });
});

test('a file without a final line break, and CRLF line breaks, stay so', () => {
  const bare = `${HEAD}  - kind: Group\n    group: a`;
  const appended = splice(bare, 1, 0);
  assert.ok(appended.ok);
  assert.equal(appended.text, `${bare}\n${ENTRY.map((line) => `  ${line}\n`).join('')}`);
  const crlf = `${HEAD}  - kind: Group\n    group: a\n`.replace(/\n/g, '\r\n');
  const result = splice(crlf, 1, 0);
  assert.ok(result.ok);
  assert.equal(result.text, `${crlf}${ENTRY.map((line) => `  ${line}\r\n`).join('')}`);
});

test('replacing an entry keeps the comments before it and every other entry', () => {
  const text = `${HEAD}  # one\n  - kind: IP\n    ip: 10.0.0.1 # why\n\n  # two\n  - kind: Group  # broad\n    group: system:nodes\n  # after\n  - kind: DNS\n    dns: a.b\n`;
  const result = splice(text, 1, 1, [DRAFT, { ...DRAFT, serialNumber: 'a01' }]);
  assert.ok(result.ok);
  const second = ENTRY.map((line) => line.replace('"5e01"', 'a01'));
  assert.equal(
    result.text,
    `${HEAD}  # one\n  - kind: IP\n    ip: 10.0.0.1 # why\n\n  # two\n${[...ENTRY, ...second].map((line) => `  ${line}\n`).join('')}  # after\n  - kind: DNS\n    dns: a.b\n`,
  );
});

test('an empty list is filled; flow lists with entries and JSON are refused with the reason', () => {
  const empty = splice(`${HEAD.replace('revocations:\n', 'revocations: []\n')}`, 0, 0);
  assert.ok(empty.ok);
  assert.equal(empty.text, `${HEAD}${ENTRY.map((line) => `  ${line}\n`).join('')}`);
  const flow = splice(`${HEAD.replace('revocations:\n', 'revocations: [{kind: Group, group: a}]\n')}`, 1, 0);
  assert.deepEqual(flow, {
    ok: false,
    reason: 'spec.revocations is written in flow style ([…]): write it as a block list (- …)',
  });
  const json = splice(
    '{"apiVersion":"certificates.microsoft.com/v1","kind":"RenewRevocation","spec":{"revocations":[]}}',
    0,
    0,
  );
  assert.deepEqual(json, { ok: false, reason: 'the manifest is not written as block YAML (JSON or flow style)' });
});
