import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseFile } from '../../../server/src/service/index';
import { MAX_ALIAS_COUNT } from '../../../server/src/service/parse/fileModel';
import { documentData } from '../../../server/src/service/rules/schema/documentData';

const scalar = fc.oneof(
  fc.constantFrom(
    'DNS',
    'dns',
    'Group',
    'IP',
    'serialnumber',
    '"quoted"',
    "'single'",
    '1234',
    '0x1f',
    '1e5',
    'true',
    'null',
    '~',
    '',
    '"2020-01-01T00:00:00Z"',
    '2020-01-01',
    '.cluster.local',
    '"*.example.com"',
    '*.example.com',
    '&a DNS',
    '*a',
    '&b {x: 1}',
    'a: b',
    '[a, b]',
    '{a: 1}',
    '|\n      block\n',
  ),
  fc.stringMatching(/^[a-z0-9.:-]{1,12}$/),
);
const key = fc.constantFrom(
  '<<',
  'kind',
  'dns',
  'ip',
  'group',
  'serialNumber',
  'notBefore',
  'description',
  'extra',
  '"quoted key"',
  '1',
);

/** The value, or what was thrown: an unresolved alias throws from toJS, and must throw from documentData alike. */
function outcome(read: () => unknown): unknown {
  try {
    return { value: read() };
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) };
  }
}

function manifest(entries: Array<Array<[string, string]>>): string {
  const lines = [
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'metadata:',
    '  name: x',
    'spec:',
    '  description: d',
    '  revocations:',
  ];
  for (const entry of entries) {
    entry.forEach(([k, v], i) => lines.push(`${i === 0 ? '  - ' : '    '}${k}: ${v}`));
    if (entry.length === 0) lines.push('  - {}');
  }
  return lines.join('\n') + '\n';
}

test('the document data equals what toJS makes of it, entry shapes of every kind', () => {
  fc.assert(
    fc.property(
      fc.array(fc.uniqueArray(fc.tuple(key, scalar), { selector: ([k]) => k, maxLength: 5 }), { maxLength: 8 }),
      (entries) => {
        const text = manifest(entries);
        const model = parseFile(text);
        const first = model.manifests[0];
        const document = first?.document;
        if (!document || document.errors.length > 0) return;
        assert.deepEqual(
          outcome(() => documentData(first, text)),
          outcome(() => document.yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT })),
        );
      },
    ),
    { numRuns: 1000 },
  );
});

test('documents with anchors and aliases take toJS whole', () => {
  const text = manifest([
    [
      ['kind', '&k DNS'],
      ['dns', 'a.example'],
    ],
    [
      ['kind', '*k'],
      ['dns', 'b.example'],
    ],
  ]);
  const data = documentData(parseFile(text).manifests[0], text) as { spec: { revocations: Array<{ kind: string }> } };
  assert.deepEqual(
    data.spec.revocations.map((entry) => entry.kind),
    ['DNS', 'DNS'],
  );
});

test('a wildcard value in an entry, and anchors or aliases linking the list and the rest: the same data as toJS', () => {
  const wildcard = manifest([
    [
      ['kind', 'DNS'],
      ['dns', '"*.example.com"'],
    ],
    [
      ['kind', 'DNS'],
      ['dns', 'a.example'],
    ],
  ]);
  const first = parseFile(wildcard).manifests[0];
  assert.deepEqual(documentData(first, wildcard), first.document.yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  // An anchor inside an entry, its alias in the rest of the document (and the other way round).
  const cases = [
    `${manifest([
      [
        ['kind', '&k DNS'],
        ['dns', 'a.example'],
      ],
    ])}status: *k\n`,
    manifest([
      [
        ['kind', '*k'],
        ['dns', 'a.example'],
      ],
    ]).replace('  name: x', '  name: &k DNS'),
    // YAML 1.1: a merge key in an entry.
    `%YAML 1.1\n---\n${manifest([
      [
        ['<<', '{kind: DNS}'],
        ['dns', 'a.example'],
      ],
    ])}`,
  ];
  for (const text of cases) {
    const model = parseFile(text);
    const linked = model.manifests[0];
    assert.deepEqual(documentData(linked, text), linked.document.yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), text);
  }
});

test('each item of a List is read as its own data: what toJS makes of that item, aliases to other items included', () => {
  const item = (name: string, kind: string) =>
    manifest([
      [
        ['kind', kind],
        ['dns', `${name}.example`],
      ],
    ])
      .replace('name: x', `name: ${name}`)
      .trimEnd()
      .split('\n')
      .map((line, index) => `${index === 0 ? '- ' : '  '}${line}\n`)
      .join('');
  const list = (items: string[]) =>
    `apiVersion: v1\nkind: List\nmetadata:\n  resourceVersion: ""\nitems:\n${items.join('')}`;
  for (const text of [list([item('a', 'DNS'), item('b', 'DSN')]), list([item('a', '&k DNS'), item('b', '*k')])]) {
    const model = parseFile(text);
    assert.equal(model.manifests.length, 2, text);
    const all = model.documents[0].yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as { items: unknown[] };
    model.manifests.forEach((first, index) => assert.deepEqual(documentData(first, text), all.items[index], text));
  }
});
