import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentSymbol, Range } from '../../../server/src/service/types';
import { EXAMPLE, service } from './featureHarness';

function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

function symbols(text: string): DocumentSymbol[] {
  return service.findDocumentSymbols(service.parse(text));
}

test('the documented manifest: one node named by metadata.name, one child per entry', () => {
  assert.deepEqual(symbols(EXAMPLE), [
    {
      name: 'my-renew-revocation',
      detail: '5 revocations',
      kind: 'module',
      range: range(0, 0, 23, 12),
      selectionRange: range(3, 8, 3, 27),
      children: [
        {
          name: 'serialnumber 77fdf4b1033b387aaace6ce1c18710c2',
          detail: '2020-04-17T17:22:05Z',
          kind: 'object',
          range: range(8, 4, 11, 50),
          selectionRange: range(11, 18, 11, 50),
        },
        {
          name: 'Group system:nodes',
          detail: 'no notBefore',
          kind: 'object',
          range: range(12, 4, 14, 15),
          selectionRange: range(13, 11, 13, 23),
        },
        {
          name: 'DNS kubernetes.default.svc.',
          detail: 'no notBefore',
          kind: 'object',
          range: range(15, 4, 17, 13),
          selectionRange: range(16, 9, 16, 32),
        },
        {
          name: 'DNS .cluster.local',
          detail: 'no notBefore',
          kind: 'object',
          range: range(18, 4, 20, 13),
          selectionRange: range(19, 9, 19, 23),
        },
        {
          name: 'IP 170.63.128.124',
          detail: 'no notBefore',
          kind: 'object',
          range: range(21, 4, 23, 12),
          selectionRange: range(22, 8, 22, 22),
        },
      ],
    },
  ]);
});

test('several documents: one node per manifest, other kinds left out, unnamed ones called RenewRevocation', () => {
  const text = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: not-a-manifest',
    '---',
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'spec:',
    '  revocations:',
    '  - kind: dns',
    '    dns: .local',
    '  - kind: DSN',
    '  - description: half typed',
    '    kind:',
    '  -',
    '---',
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'metadata:',
    '  name: second',
    'spec:',
    '  revocations:',
    '  - kind: IP',
    '    ip: "::1"',
    '    notBefore: 2024-01-01T00:00:00Z',
    '',
  ].join('\n');
  const found = symbols(text);
  assert.deepEqual(
    found.map((symbol) => [symbol.name, symbol.detail, symbol.range, symbol.selectionRange]),
    [
      ['RenewRevocation', '4 revocations', range(5, 0, 14, 3), range(6, 6, 6, 21)],
      ['second', '1 revocation', range(16, 0, 24, 35), range(19, 8, 19, 14)],
    ],
  );
  assert.deepEqual(
    found[0].children?.map((symbol) => [symbol.name, symbol.range, symbol.selectionRange]),
    [
      // A case variant is shown in its documented spelling; an unknown kind as written.
      ['DNS .local', range(9, 4, 10, 15), range(10, 9, 10, 15)],
      ['DSN', range(11, 4, 11, 13), range(11, 10, 11, 13)],
      ['entry', range(12, 4, 13, 9), range(13, 9, 13, 9)],
      ['entry', range(14, 3, 14, 3), range(14, 3, 14, 3)],
    ],
  );
  assert.deepEqual(
    found[1].children?.map((symbol) => [symbol.name, symbol.detail]),
    [['IP ::1', '2024-01-01T00:00:00Z']],
  );
});

test('a file without manifests has no symbols; the outline is computed once per version', () => {
  assert.deepEqual(symbols('apiVersion: v1\nkind: Secret\n'), []);
  assert.deepEqual(symbols(''), []);
  const model = service.parse(EXAMPLE);
  assert.equal(service.findDocumentSymbols(model), service.findDocumentSymbols(model));
});
