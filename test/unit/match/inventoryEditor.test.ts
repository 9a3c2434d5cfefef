// What the editor shows from the inventory: the no-match / matches-ca / kubelet-server-cert
// diagnostics (through validation's extra families), code lens counts, and entry hovers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFile } from '../../../server/src/service/features/validation';
import { CertificateInventory } from '../../../server/src/service/inventory/inventory';
import {
  allEntryCounts,
  entryMatchAt,
  entryMatchesMarkdown,
  notBeforeEffect,
  notBeforeEffectMarkdown,
} from '../../../server/src/service/match/entryInfo';
import { inventoryRule } from '../../../server/src/service/match/inventoryRules';
import { matchIndexFor } from '../../../server/src/service/match/matchIndex';
import { parseFile } from '../../../server/src/service/parse/fileModel';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import type { CertificateSummary } from '../../../server/src/service/x509/certificateSummary';
import { summary } from '../helpers/certificateSummaries';
import { inventoryOf, runPreview } from '../helpers/previewHarness';

const INVENTORY_CODES = new Set(['no-match', 'matches-ca', 'kubelet-server-cert']);

const MANIFEST = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: m
spec:
  revocations:
  - kind: Group
    group: system:nodes
    notBefore: "2024-01-01T00:00:00Z"
  - kind: DNS
    dns: .nowhere.example
  - kind: serialnumber
    serialNumber: "01"
  - kind: Group
    group: old
    notBefore: "2020-01-01T00:00:00Z"
  - kind: DNS
    dns: "*.bad"
`;

const certificates: CertificateSummary[] = [
  summary({ name: 'ca', serialNumber: '1', commonName: 'kubernetes', isCA: true }),
  summary({
    name: 'serving',
    commonName: 'system:node:n1',
    organizations: ['system:nodes'],
    extendedKeyUsage: ['serverAuth'],
    notBefore: '2023-02-01T00:00:00Z',
  }),
  summary({
    name: 'client',
    commonName: 'system:node:n1',
    organizations: ['system:nodes'],
    notBefore: '2023-03-01T00:00:00Z',
  }),
  summary({ name: 'old', organizations: ['old'], notBefore: '2021-01-01T00:00:00Z' }),
];

function diagnostics(inventory: CertificateInventory, text = MANIFEST) {
  const file = parseFile(text);
  const rule = inventoryRule(matchIndexFor(inventory.snapshot()));
  return checkFile(file, { now: new Date('2025-01-01T00:00:00Z'), settings: DEFAULT_SETTINGS, extraRules: [rule] })
    .map((checked) => checked.diagnostic)
    .filter((diagnostic) => INVENTORY_CODES.has(diagnostic.code))
    .map((d) => ({
      code: d.code,
      severity: d.severity,
      line: d.range.start.line,
      from: d.range.start.character,
      to: d.range.end.character,
      message: d.message,
    }));
}

test('inventory diagnostics sit on each entry anchor with their severities and messages', () => {
  assert.deepEqual(diagnostics(inventoryOf({ 'pki.pem': certificates })), [
    {
      code: 'kubelet-server-cert',
      severity: 'warning',
      line: 7,
      from: 11,
      to: 23,
      message:
        'This entry matches 1 kubelet serving certificate: `CN=system:node:n1,O=system:nodes`. AKS hybrid does not support revoking kubelet serving certificates, so they stay valid: rotate them on their nodes instead.',
    },
    {
      code: 'no-match',
      severity: 'information',
      line: 10,
      from: 9,
      to: 25,
      message:
        'No certificate of the inventory (4 certificates) matches this entry: check the value. Certificates outside the inventory may still match.',
    },
    {
      code: 'matches-ca',
      severity: 'warning',
      line: 12,
      from: 18,
      to: 22,
      message:
        'This entry matches 1 CA certificate of the inventory: `CN=kubernetes`. Revoking a CA certificate is rarely intended: check the value, or set notBefore so that it stays out.',
    },
    {
      code: 'no-match',
      severity: 'information',
      line: 14,
      from: 11,
      to: 14,
      message:
        'No certificate of the inventory (4 certificates) is revoked by this entry: its value matches 1 certificate, all issued at or after its notBefore. Certificates outside the inventory may still match.',
    },
  ]);
});

test('no inventory diagnostics while the inventory is empty', () => {
  assert.deepEqual(diagnostics(new CertificateInventory()), []);
});

test('inventory diagnostics follow severities and suppression like every code', () => {
  const file = parseFile(
    MANIFEST.replace('    dns: .nowhere', '    # renew-revocation-disable-next-line no-match\n    dns: .nowhere'),
  );
  const rule = inventoryRule(matchIndexFor(inventoryOf({ 'pki.pem': certificates }).snapshot()));
  const settings = {
    ...DEFAULT_SETTINGS,
    rules: { 'matches-ca': 'error' as const, 'kubelet-server-cert': 'off' as const },
  };
  const found = checkFile(file, { now: new Date('2025-01-01T00:00:00Z'), settings, extraRules: [rule] })
    .map((checked) => checked.diagnostic)
    .filter((d) => INVENTORY_CODES.has(d.code))
    .map((d) => [d.code, d.severity, d.range.start.line]);
  assert.deepEqual(found, [
    ['matches-ca', 'error', 13],
    ['no-match', 'information', 15],
  ]);
});

test('code lens counts per entry, in file order', () => {
  const run = runPreview(certificates, MANIFEST);
  assert.deepEqual(
    allEntryCounts(run.result).map(({ document, index, valid, matches, revokes, notRevocable, ca, title }) => ({
      document,
      index,
      valid,
      matches,
      revokes,
      notRevocable,
      ca,
      title,
    })),
    [
      {
        document: 0,
        index: 0,
        valid: true,
        matches: 2,
        revokes: 1,
        notRevocable: 1,
        ca: 0,
        title: 'revokes 1 certificate (1 not revocable)',
      },
      {
        document: 0,
        index: 1,
        valid: true,
        matches: 0,
        revokes: 0,
        notRevocable: 0,
        ca: 0,
        title: 'matches no certificate of the inventory',
      },
      {
        document: 0,
        index: 2,
        valid: true,
        matches: 1,
        revokes: 1,
        notRevocable: 0,
        ca: 1,
        title: 'revokes 1 certificate (1 CA)',
      },
      {
        document: 0,
        index: 3,
        valid: true,
        matches: 0,
        revokes: 0,
        notRevocable: 0,
        ca: 0,
        title: 'matches no certificate of the inventory',
      },
      {
        document: 0,
        index: 4,
        valid: false,
        matches: 0,
        revokes: 0,
        notRevocable: 0,
        ca: 0,
        title: 'matches nothing (invalid entry)',
      },
    ],
  );
  const first = allEntryCounts(run.result)[0];
  assert.equal(MANIFEST.slice(first.start, first.end).split('\n')[0], 'kind: Group');
});

test('the entry under the cursor is found by offset; none between manifests parts', () => {
  const run = runPreview(certificates, MANIFEST);
  assert.equal(entryMatchAt(run.result, MANIFEST.indexOf('.nowhere'))?.index, 1);
  assert.equal(entryMatchAt(run.result, MANIFEST.indexOf('"2020-01-01'))?.index, 3);
  assert.equal(entryMatchAt(run.result, MANIFEST.indexOf('metadata')), undefined);
});

test('an entry hover lists its matches up to the limit, then "and N more"', () => {
  const many = Array.from({ length: 5 }, (_, i) =>
    summary({
      name: `n${i}`,
      serialNumber: `${i + 10}`,
      commonName: `system:node:n${i}`,
      organizations: ['system:nodes'],
      notBefore: i === 4 ? '2024-05-01T00:00:00Z' : `2023-0${i + 1}-01T00:00:00Z`,
    }),
  );
  const inventory = inventoryOf({ '/srv/a.pem': many.slice(0, 4), 'C:\\pki\\b.pem': [many[3], many[4]] });
  const run = runPreview(inventory, MANIFEST);
  const match = run.result.entries[0];
  assert.equal(
    entryMatchesMarkdown(run.result, match, { limit: 2, displayPath: (path) => path.replace('/srv/', '') }),
    [
      '**This entry revokes 4 certificates** of the 5 certificates in the inventory:',
      '',
      '- `CN=system:node:n0,O=system:nodes` serial `10`, issued 2023-01-01T00:00:00Z, in `a.pem`',
      '- `CN=system:node:n1,O=system:nodes` serial `11`, issued 2023-02-01T00:00:00Z, in `a.pem`',
      '- and 2 more',
      '',
      'notBefore keeps 1 other matching certificate (issued at or after it).',
    ].join('\n'),
  );
  assert.deepEqual(notBeforeEffect(match), { revokes: 4, keeps: 1 });
  assert.equal(
    notBeforeEffectMarkdown(match),
    'Of the 5 inventory certificates the value matches, notBefore keeps 1 (issued at or after it) and revokes 4 (issued before it).',
  );
  const last = entryMatchesMarkdown(run.result, match, { limit: 10 });
  assert.match(
    last,
    /- `CN=system:node:n3,O=system:nodes` serial `13`, issued 2023-04-01T00:00:00Z, in `\/srv\/a.pem` and 1 other place$/m,
  );
});

test('hovers on entries that match nothing, are invalid, or carry CA and not revocable certificates', () => {
  const run = runPreview(certificates, MANIFEST);
  const [nodes, nowhere, serial, , bad] = run.result.entries;
  assert.equal(
    entryMatchesMarkdown(run.result, nowhere),
    '**Matches none of the 4 certificates of the inventory.** Certificates outside the inventory may still match.',
  );
  assert.equal(
    entryMatchesMarkdown(run.result, bad),
    '**Matches nothing**: `*.bad` is not a DNS name: wildcards are not supported; to revoke every name under `bad`, write the suffix `.bad`',
  );
  assert.equal(
    entryMatchesMarkdown(run.result, serial),
    [
      '**This entry revokes 1 certificate (1 CA)** of the 4 certificates in the inventory:',
      '',
      '- `CN=kubernetes` **CA** serial `1`, issued 2023-01-01T00:00:00Z, in `pki.pem`',
    ].join('\n'),
  );
  assert.match(
    entryMatchesMarkdown(run.result, nodes),
    /^- `CN=system:node:n1,O=system:nodes` \*\*not revocable\*\* \(kubelet serving certificate\) serial/m,
  );
  const noNotBefore = runPreview(certificates, MANIFEST.replace('    notBefore: "2024-01-01T00:00:00Z"\n', ''));
  assert.equal(
    notBeforeEffectMarkdown(noNotBefore.result.entries[0]),
    'No notBefore: every matching certificate is revoked (2 in the inventory), and future matching certificates will be refused too.',
  );
  assert.match(
    entryMatchesMarkdown(noNotBefore.result, noNotBefore.result.entries[0]),
    /\n\nNo notBefore: future matching certificates will be refused too\.$/,
  );
});
