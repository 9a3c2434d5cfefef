// Lists in the language service: each RenewRevocation item of a `v1 List` (kubectl's output, read
// from test/fixtures/kubectl) or of a RenewRevocationList is a manifest of the model, so the
// outline, the code lenses, hover, quick fixes and completion work per item, with ranges in the file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseFile } from '../../../server/src/service/index';
import { applyEdits } from '../helpers/applyEdits';
import { labels, service, withCursor } from './featureHarness';

const KUBECTL_LIST = readFileSync(
  join(__dirname, '../../../../test/fixtures/kubectl/renewrevocations-list.yaml'),
  'utf8',
);

/** Zero-based line and character of the `occurrence`th `needle` (from 0). */
function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} #${occurrence} is in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('the model: a v1 List holds its RenewRevocation items as manifests, with their item index; other items are not', () => {
  const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: unrelated
- apiVersion: certificates.microsoft.com/v1
  kind: RenewRevocation
  metadata:
    name: a
  spec:
    revocations:
    - kind: DNS
      dns: a.example
---
apiVersion: certificates.microsoft.com/v1
kind: RenewRevocationList
items:
- metadata:
    name: no-kind
- just text
`;
  const model = parseFile(text);
  assert.deepEqual(
    model.manifests.map((manifest) => [
      manifest.manifestIndex,
      manifest.document.index,
      manifest.item,
      manifest.entries.length,
    ]),
    [
      [0, 0, 1, 1],
      [1, 1, 0, 0],
    ],
  );
  assert.deepEqual(
    model.documents.map((document) => [document.isManifest, document.list?.kind]),
    [
      [true, 'List'],
      [true, 'RenewRevocationList'],
    ],
  );
  const configMaps = parseFile('apiVersion: v1\nkind: List\nitems:\n- kind: ConfigMap\n  data:\n    a: b\n');
  assert.deepEqual([configMaps.manifests.length, configMaps.documents[0].isManifest], [0, false]);
});

test('the outline has one node per item, named by its metadata.name, with its entries', () => {
  const symbols = service.findDocumentSymbols(service.parse(KUBECTL_LIST));
  assert.deepEqual(
    symbols.map((symbol) => [
      symbol.name,
      symbol.detail,
      symbol.range.start,
      symbol.selectionRange.start,
      symbol.children?.map((child) => child.name),
    ]),
    [
      [
        'revoke-retired',
        '2 revocations',
        { line: 2, character: 2 },
        positionOf(KUBECTL_LIST, 'revoke-retired\n'),
        ['serialnumber 7f0102030405060708090a0b0c0d0e0f10111213', 'IP 10.0.0.1'],
      ],
      [
        'revoke-nodes',
        '2 revocations',
        { line: 42, character: 2 },
        positionOf(KUBECTL_LIST, 'revoke-nodes\n'),
        ['Group system:nodes', 'serialnumber zz-not-hex'],
      ],
      [
        'revoke-admin',
        '1 revocation',
        { line: 80, character: 2 },
        positionOf(KUBECTL_LIST, 'revoke-admin\n'),
        ['serialnumber 2a'],
      ],
    ],
  );
  const lines = KUBECTL_LIST.split('\n');
  assert.deepEqual([lines[2], lines[42], lines[80]], Array(3).fill('- apiVersion: certificates.microsoft.com/v1'));
});

test('a "Preview revocation" lens over each item, previewing that item', () => {
  const lenses = service.getCodeLenses(service.parse(KUBECTL_LIST));
  assert.deepEqual(
    lenses.map((lens) => [lens.title, lens.range.start, lens.command?.arguments]),
    [
      ['Preview revocation', { line: 2, character: 2 }, [{ document: 0 }]],
      ['Preview revocation', { line: 42, character: 2 }, [{ document: 1 }]],
      ['Preview revocation', { line: 80, character: 2 }, [{ document: 2 }]],
    ],
  );
});

test("hover on an item's serial explains it; the List's own keys have none", () => {
  const model = service.parse(KUBECTL_LIST);
  const serial = service.doHover(model, positionOf(KUBECTL_LIST, 'zz-not-hex', 1));
  assert.ok(serial);
  assert.match(
    serial.contents.value,
    /^\*\*Serial number\*\*\n\nNot a valid serial number: `z` is not a hexadecimal digit\./,
  );
  assert.deepEqual(serial.range, {
    start: positionOf(KUBECTL_LIST, 'zz-not-hex', 1),
    end: {
      ...positionOf(KUBECTL_LIST, 'zz-not-hex', 1),
      character: positionOf(KUBECTL_LIST, 'zz-not-hex', 1).character + 10,
    },
  });
  const kindKey = service.doHover(model, positionOf(KUBECTL_LIST, 'kind: RenewRevocation', 2));
  assert.match(kindKey?.contents.value ?? '', /^\*\*kind\*\*/);
  assert.equal(service.doHover(model, positionOf(KUBECTL_LIST, 'kind: List')), null);
});

test("the quick fix of an item's finding edits that item", () => {
  const model = service.parse(KUBECTL_LIST);
  const diagnostic = service.doValidation(model).find((candidate) => candidate.code === 'kind-case');
  assert.ok(diagnostic);
  const kindValue = positionOf(KUBECTL_LIST, 'serialNumber\n');
  assert.deepEqual(diagnostic.range, {
    start: kindValue,
    end: { ...kindValue, character: kindValue.character + 'serialNumber'.length },
  });
  const [action] = service
    .getCodeActions(model, diagnostic.range)
    .filter((candidate) => candidate.diagnostic.code === 'kind-case');
  assert.equal(action.title, 'Change kind to `serialnumber`');
  const fixed = applyEdits(KUBECTL_LIST, action.edits);
  assert.equal(fixed, KUBECTL_LIST.replace('    kind: serialNumber\n', '    kind: serialnumber\n'));
  assert.deepEqual(
    service.doValidation(service.parse(fixed)).map((candidate) => candidate.code),
    ['missing-not-before', 'broad-revocation', 'serial-invalid'],
  );
});

test('completion inside an item offers the entry keys there, and nothing inside a ConfigMap item', () => {
  // The fixture has `|` of its own (the last-applied annotation is a block scalar): the cursor is placed by hand.
  const typed = KUBECTL_LIST.replace('    - description: Every node\n', '    - description: Every node\n      no\n');
  const cursor = { ...positionOf(typed, '      no\n'), character: 8 };
  assert.deepEqual(labels(service.doComplete(service.parse(typed), cursor)), ['notBefore', 'group']);
  const configMap = withCursor(
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    na|\n',
  );
  assert.deepEqual(service.doComplete(service.parse(configMap.text), configMap.position), []);
});
