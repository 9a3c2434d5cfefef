// Completion of `serialNumber`, `group`, `dns` and `ip` from the certificate inventory: which
// values, in which order against what is typed, how they are written, and the retrigger after a
// key with one value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InventoryContext } from '../../../server/src/service/features/inventoryContext';
import { MAX_INVENTORY_ITEMS } from '../../../server/src/service/features/inventoryCompletion';
import { summary } from '../helpers/certificateSummaries';
import { inventoryOf } from '../helpers/previewHarness';
import { accept, complete, labels, service, withCursor } from './featureHarness';

const HEAD = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: inventory
spec:
  revocations:
`;

const CERTIFICATES = [
  summary({
    name: 'kubelet-old',
    serialNumber: 'e7b11',
    commonName: 'system:node:node-1',
    organizations: ['system:nodes'],
    notAfter: '2025-06-01T00:00:00Z',
  }),
  summary({
    name: 'kubelet',
    serialNumber: '5e',
    commonName: 'system:node:node-1',
    organizations: ['system:nodes'],
    dnsNames: ['node-1'],
    ipAddresses: ['192.168.10.21'],
    notAfter: '2031-07-01T00:00:00Z',
  }),
  summary({
    name: 'admin',
    serialNumber: '2a',
    commonName: 'kubernetes-admin',
    organizations: ['system:masters'],
    notAfter: '2035-01-01T00:00:00Z',
  }),
  summary({
    name: 'apiserver',
    serialNumber: '7f0102',
    commonName: 'kube-apiserver',
    dnsNames: ['api.cluster.local', '*.apps.example.com', 'KubeRnetes.Example.COM'],
    ipAddresses: ['10.0.0.1', '2001:db8::1'],
    notAfter: '2035-01-01T00:00:00Z',
  }),
];

const context: InventoryContext = {
  snapshot: inventoryOf({ 'pki/certs.pem': CERTIFICATES }).snapshot(),
  displayPath: (path) => path,
};

function completeWithInventory(marked: string, inventory: InventoryContext = context) {
  const { text, position } = withCursor(marked);
  return service.doCompleteList(service.parse(text), position, inventory);
}

test('after `serialNumber:` the inventory serials, valid certificates first, with subject and expiry', () => {
  const { items, isIncomplete } = completeWithInventory(`${HEAD}  - kind: serialnumber\n    serialNumber:|\n`);
  assert.equal(isIncomplete, false);
  assert.deepEqual(labels(items), ['7f0102', '2a', '5e', 'e7b11']);
  assert.deepEqual(
    items.map((item) => item.detail),
    [
      'CN=kube-apiserver · expires 2035-01-01',
      'CN=kubernetes-admin,O=system:masters · expires 2035-01-01',
      'CN=system:node:node-1,O=system:nodes · expires 2031-07-01',
      'CN=system:node:node-1,O=system:nodes · expired 2025-06-01',
    ],
  );
  assert.deepEqual(
    items.map((item) => item.sortText),
    ['00000', '00001', '00002', '00003'],
  );
  // Quoted, after the space the cursor still lacks; the documentation says where it was found.
  assert.equal(items[1].insertText, ' "2a"');
  assert.equal(items[1].kind, 'value');
  assert.match(
    items[1].documentation?.value ?? '',
    /`CN=kubernetes-admin,O=system:masters`, expires 2035-01-01 — `pki\/certs\.pem`/,
  );
});

test('what is typed ranks the serials: those that start with it, then those that contain it', () => {
  // Typed as openssl prints it (`0E7B…`): compared in canonical form, leading zero dropped.
  const { items } = completeWithInventory(`${HEAD}  - kind: serialnumber\n    serialNumber: "0E|"\n`);
  assert.deepEqual(labels(items).slice(0, 2), ['e7b11', '5e']);
  assert.deepEqual(
    items.slice(0, 2).map((item) => item.sortText),
    ['00000', '10001'],
  );
  const first = items[0];
  assert.equal(first.filterText, '"e7b11"');
  assert.equal(first.insertText, '"e7b11"');
  const lines = HEAD.split('\n').length - 1;
  // The whole quoted value is replaced, its closing quote included.
  assert.deepEqual(first.range, { start: { line: lines + 1, character: 18 }, end: { line: lines + 1, character: 22 } });
  assert.equal(
    accept(`${HEAD}  - kind: serialnumber\n    serialNumber: "0E|"\n`, first),
    `${HEAD}  - kind: serialnumber\n    serialNumber: "e7b11"\n`,
  );
});

test('after `group:` the O values, the most used first; after `dns:` and `ip:` the SAN names and addresses', () => {
  const groups = completeWithInventory(`${HEAD}  - kind: Group\n    group: |\n`).items;
  assert.deepEqual(labels(groups), ['system:nodes', 'system:masters']);
  assert.deepEqual(
    groups.map((item) => [item.detail, item.insertText]),
    [
      ['O of 2 certificates', 'system:nodes'],
      ['O of 1 certificate', 'system:masters'],
    ],
  );
  const names = completeWithInventory(`${HEAD}  - kind: DNS\n    dns: ku|\n`).items;
  assert.deepEqual(labels(names), ['KubeRnetes.Example.COM', '*.apps.example.com', 'api.cluster.local', 'node-1']);
  // A wildcard would be a YAML alias unquoted.
  assert.equal(names[1].insertText, '"*.apps.example.com"');
  assert.equal(names[0].detail, 'in the SAN of 1 certificate');
  const addresses = completeWithInventory(`${HEAD}  - kind: IP\n    ip: |\n`).items;
  assert.deepEqual(labels(addresses), ['10.0.0.1', '2001:db8::1', '192.168.10.21']);
});

test('a large inventory sends the best ranked values and says the list is incomplete', () => {
  const many = Array.from({ length: MAX_INVENTORY_ITEMS + 50 }, (_, index) =>
    summary({ name: `node-${index}`, serialNumber: (0x1000 + index).toString(16) }),
  );
  const large: InventoryContext = { snapshot: inventoryOf({ 'many.pem': many }).snapshot() };
  const all = completeWithInventory(`${HEAD}  - kind: serialnumber\n    serialNumber: |\n`, large);
  assert.equal(all.items.length, MAX_INVENTORY_ITEMS);
  assert.equal(all.isIncomplete, true);
  const typed = completeWithInventory(`${HEAD}  - kind: serialnumber\n    serialNumber: 10f|\n`, large);
  assert.deepEqual(labels(typed.items).slice(0, 3), ['10f0', '10f1', '10f2']);
  assert.equal(typed.items.filter((item) => item.sortText?.startsWith('0')).length, 10);
});

test('without an inventory the value fields offer nothing, as before', () => {
  assert.deepEqual(complete(`${HEAD}  - kind: Group\n    group: |\n`), []);
  const empty: InventoryContext = { snapshot: inventoryOf({}).snapshot() };
  assert.deepEqual(completeWithInventory(`${HEAD}  - kind: Group\n    group: |\n`, empty).items, []);
});

test('`apiVersion` and the top-level `kind` ask the editor to suggest their one value at once', () => {
  const items = complete('|');
  const byLabel = new Map(items.map((item) => [item.label, item]));
  assert.deepEqual(byLabel.get('apiVersion')?.command, {
    title: 'Suggest the value',
    id: 'editor.action.triggerSuggest',
  });
  assert.deepEqual(byLabel.get('kind')?.command, byLabel.get('apiVersion')?.command);
  assert.equal(byLabel.get('spec')?.command, undefined);
  const entryKeys = complete(`${HEAD}  - description: x\n    |\n`);
  assert.equal(
    entryKeys.find((item) => item.label === 'kind')?.command,
    undefined,
    'an entry kind has four values: the user picks',
  );
});
