// The facade's inventory-aware features (features/entryMatchFeatures.ts) on hand-made inventories:
// silent while the inventory is empty, a lens per manifest and per entry, the hover section only
// on the fields that say what an entry revokes, entry locations for the preview.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CertificateInventory } from '../../../server/src/service/inventory/inventory';
import { createLanguageService } from '../../../server/src/service/languageService';
import { summary } from '../helpers/certificateSummaries';
import { inventoryOf } from '../helpers/previewHarness';

const TWO_MANIFESTS = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: first
spec:
  revocations:
  - description: the nodes
    kind: Group
    group: system:nodes
    notBefore: "2024-01-01T00:00:00Z"
---
apiVersion: v1
kind: ConfigMap
---
apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: second
spec:
  revocations:
  - kind: IP
    ip: 10.0.0.9
`;

const service = createLanguageService({ now: () => new Date('2025-01-01T00:00:00Z') });
const model = service.parse(TWO_MANIFESTS, 'yaml');
const line = (needle: string) => TWO_MANIFESTS.slice(0, TWO_MANIFESTS.indexOf(needle)).split('\n').length - 1;
const positionOf = (needle: string) => ({
  line: line(needle),
  character: TWO_MANIFESTS.split('\n')[line(needle)].indexOf(needle) + 1,
});

const nodes = inventoryOf({
  'pki/kubelet.pem': [
    summary({
      name: 'old',
      commonName: 'system:node:n1',
      organizations: ['system:nodes'],
      notBefore: '2023-01-01T00:00:00Z',
    }),
    summary({
      name: 'new',
      commonName: 'system:node:n2',
      organizations: ['system:nodes'],
      notBefore: '2024-06-01T00:00:00Z',
    }),
  ],
});

test('an empty inventory: the manifest lenses only, no inventory diagnostics, no hover section', () => {
  const empty = { snapshot: new CertificateInventory().snapshot() };
  assert.deepEqual(
    service.getCodeLenses(model, empty).map((lens) => [lens.range.start.line, lens.title, lens.command?.arguments]),
    [
      [0, 'Preview revocation', [{ document: 0 }]],
      [line('kind: RenewRevocation\nmetadata:\n  name: second') - 1, 'Preview revocation', [{ document: 1 }]],
    ],
  );
  assert.deepEqual(service.getCodeLenses(model), service.getCodeLenses(model, empty));
  const codes = service.doValidation(model, undefined, empty).map((diagnostic) => diagnostic.code);
  assert.ok(!codes.some((code) => ['no-match', 'matches-ca', 'kubelet-server-cert'].includes(code)), codes.join());
  // Other sections may describe the entry; none speaks of the inventory.
  assert.doesNotMatch(
    service.doHover(model, positionOf('system:nodes'), undefined, empty)?.contents.value ?? '',
    /inventory|This entry revokes/,
  );
});

test('with certificates: a lens per entry, inventory diagnostics, hover sections on kind, value and notBefore', () => {
  const inventory = { snapshot: nodes.snapshot(), displayPath: (path: string) => `./${path}` };
  assert.deepEqual(
    service
      .getCodeLenses(model, inventory)
      .map((lens) => [lens.range.start.line, lens.title, lens.command?.id, lens.command?.arguments]),
    [
      [0, 'Preview revocation', 'renewRevocation.previewRevocation', [{ document: 0 }]],
      [
        line('kind: RenewRevocation\nmetadata:\n  name: second') - 1,
        'Preview revocation',
        'renewRevocation.previewRevocation',
        [{ document: 1 }],
      ],
      [
        line('- description: the nodes'),
        'revokes 1 certificate',
        'renewRevocation.previewRevocation',
        [{ document: 0, index: 0 }],
      ],
      [
        line('- kind: IP'),
        'matches no certificate of the inventory',
        'renewRevocation.previewRevocation',
        [{ document: 1, index: 0 }],
      ],
    ],
  );
  const diagnostics = service
    .doValidation(model, undefined, inventory)
    .filter((diagnostic) => diagnostic.code === 'no-match');
  assert.deepEqual(
    diagnostics.map((diagnostic) => diagnostic.range.start.line),
    [line('ip: 10.0.0.9')],
  );

  const hoverText = (needle: string) =>
    service.doHover(model, positionOf(needle), undefined, inventory)?.contents.value ?? '';
  const group = hoverText('system:nodes');
  assert.ok(group.includes('**This entry revokes 1 certificate** of the 2 certificates in the inventory:'), group);
  assert.ok(group.includes('in `./pki/kubelet.pem`'), group);
  assert.ok(group.includes('notBefore keeps 1 other matching certificate (issued at or after it).'), group);
  assert.ok(hoverText('kind: Group').includes('**This entry revokes 1 certificate**'));
  const notBefore = hoverText('"2024-01-01T00:00:00Z"');
  assert.ok(
    notBefore.includes(
      '**notBefore and the inventory**\n\nOf the 2 inventory certificates the value matches, notBefore keeps 1 (issued at or after it) and revokes 1 (issued before it).',
    ),
    notBefore,
  );
  // The description says nothing about matches.
  assert.ok(!hoverText('the nodes').includes('This entry'));
});

test('entry locations: the 1-based line of each entry and its value range, in the preview order', () => {
  const preview = service.previewRevocation(model, { snapshot: nodes.snapshot() });
  assert.deepEqual(
    service
      .previewEntryLocations(model, preview)
      .map((location) => [location.line, location.anchor.start.line, location.anchor.start.character]),
    [
      [line('- description: the nodes') + 1, line('group: system:nodes'), 11],
      [line('- kind: IP') + 1, line('ip: 10.0.0.9'), 8],
    ],
  );
});
