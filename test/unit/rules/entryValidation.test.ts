// Entry-by-entry schema validation (rules/schema/entryValidation.ts) must report exactly what the
// whole-document validator reports, in the same order, and the findings made of it must be the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Node } from 'yaml';
import validateManifest from '../../../server/src/service/generated/validateManifest';
import { applyChange, createLanguageService, parseFile, type TextChange } from '../../../server/src/service/index';
import type { Finding } from '../../../server/src/service/rules/ruleTypes';
import { readDocumentData } from '../../../server/src/service/rules/schema/documentData';
import { schemaErrors } from '../../../server/src/service/rules/schema/entryValidation';
import { schemaFindings } from '../../../server/src/service/rules/schema/schemaFindings';

const scalar = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'DNS',
      'dns',
      'Dns',
      'DSN',
      'Group',
      'group',
      'IP',
      'ip',
      'serialnumber',
      'SerialNumber',
      'serial',
      'a.example',
      '.cluster.local',
      '10.0.0.1',
      '7f3a',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '"quoted"',
      "''",
      '""',
      '1234',
      '0x1f',
      '1e5',
      '-3',
      'true',
      'false',
      'null',
      '~',
      '',
      '"2020-04-17T17:22:05Z"',
      '2020-04-17T17:22:05Z',
      '"2020-13-01T00:00:00Z"',
      '2020-01-01',
      'soon',
      '"2020-04-17 17:22:05"',
    ),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9.:-]{1,12}$/) },
);
const key = fc.constantFrom(
  'kind',
  'kind',
  'dns',
  'ip',
  'group',
  'serialNumber',
  'notBefore',
  'notBefore',
  'description',
  'extra',
  'Kind',
  'notbefore',
  'serialnumber',
  '"quoted key"',
);
/** Nested maps and lists, or a key that is not a string, make the whole document go to the whole-document validator. */
const unusualValue = fc.oneof(scalar, fc.constantFrom('{a: 1}', '[a, b]', '{}', '[]'));
const unusualKey = fc.oneof(key, fc.constant('1'));
const entry = fc.oneof(
  { weight: 15, arbitrary: fc.uniqueArray(fc.tuple(key, scalar), { selector: ([k]) => k, maxLength: 5 }) },
  { weight: 1, arbitrary: fc.uniqueArray(fc.tuple(unusualKey, unusualValue), { selector: ([k]) => k, maxLength: 5 }) },
);

/** The rest of the document: valid, or wrong in every place the whole-document schema looks. */
const head = fc.record({
  apiVersion: fc.constantFrom(
    'apiVersion: certificates.microsoft.com/v1',
    'apiVersion: certificates.microsoft.com/v1',
    'apiVersion: certificates.microsoft.com/v1',
    'apiVersion: v1',
    'apiVersion: 1',
    '',
  ),
  kind: fc.constantFrom('kind: RenewRevocation', 'kind: RenewRevocation', 'kind: renewrevocation', ''),
  metadata: fc.constantFrom(
    'metadata:\n  name: x',
    'metadata:\n  name: x',
    'metadata:\n  name: ""',
    'metadata:\n  namespace: kube-system',
    'metadata: 1',
    'metadata:\n  name: x\n  labels: {a: 1}',
    '',
  ),
  extraTop: fc.constantFrom('', 'extra: 1', 'Spec: {}'),
  specExtra: fc.constantFrom('', '  description: d', '  description: 1', '  other: x'),
  trailer: fc.constantFrom('', 'status: 1', 'status: []', 'status: {phase: done}', 'zzz: 1'),
  emptyList: fc.boolean(),
});

function manifest(
  rest: typeof head extends fc.Arbitrary<infer T> ? T : never,
  entries: Array<Array<[string, string]>>,
): string {
  const lines = [rest.apiVersion, rest.extraTop, rest.kind, rest.metadata, 'spec:', rest.specExtra].filter(
    (line) => line !== '',
  );
  if (rest.emptyList && entries.length === 0) lines.push('  revocations: []');
  else lines.push('  revocations:');
  for (const fields of entries) {
    fields.forEach(([k, v], i) => lines.push(`${i === 0 ? '  - ' : '    '}${k}: ${v}`));
    if (fields.length === 0) lines.push('  - {}');
  }
  if (rest.trailer !== '') lines.push(rest.trailer);
  return lines.join('\n') + '\n';
}

/** What a user sees of a finding. */
function seen(findings: readonly Finding[]): unknown {
  return findings.map(({ code, start, end, message, fixes }) => ({ code, start, end, message, fixes }));
}

test('entry by entry, the schema errors and findings equal those of validating the whole document at once', () => {
  let byEntry = 0;
  let withEntryErrors = 0;
  fc.assert(
    fc.property(head, fc.array(entry, { maxLength: 8 }), (rest, entries) => {
      const text = manifest(rest, entries);
      const first = parseFile(text).manifests[0];
      const document = first?.document;
      if (!document || document.errors.length > 0) return;
      const data = readDocumentData(first, text);
      const whole = validateManifest(data.value) ? [] : [...(validateManifest.errors ?? [])];
      if (data.entries && data.entries.length > 0) byEntry++;
      const errors = schemaErrors(data);
      assert.deepEqual(errors, whole, text);
      // The second time from the entries' memo slots.
      assert.deepEqual(schemaErrors(data), whole, text);
      if (whole.some((error) => error.instancePath.startsWith('/spec/revocations/'))) withEntryErrors++;
      const source = {
        text,
        root: (document.yaml.contents ?? null) as Node | null,
        documentStart: document.start,
        data: data.value,
      };
      assert.deepEqual(seen(schemaFindings(errors, source)), seen(schemaFindings(whole, source)), text);
    }),
    { numRuns: 1500 },
  );
  // Not vacuous: most runs took the entry-by-entry path, and many had errors in entries.
  assert.ok(byEntry > 500, `entry-by-entry path taken ${byEntry} times`);
  assert.ok(withEntryErrors > 300, `runs with entry errors: ${withEntryErrors}`);
});

test('an entry is checked once: its errors stay on its model, relative to the entry, and are placed at its current index', () => {
  const text = manifest(
    {
      apiVersion: 'apiVersion: certificates.microsoft.com/v1',
      kind: 'kind: RenewRevocation',
      metadata: 'metadata:\n  name: x',
      extraTop: '',
      specExtra: '',
      trailer: 'status: 1',
      emptyList: false,
    },
    [
      [
        ['kind', 'DNS'],
        ['dns', 'a.example'],
      ],
      [
        ['kind', 'DSN'],
        ['dns', 'b.example'],
        ['extra', '1'],
      ],
    ],
  );
  const first = parseFile(text).manifests[0];
  const data = readDocumentData(first, text);
  const errors = schemaErrors(data);
  const [valid, invalid] = first.entries;
  assert.deepEqual(valid.schemaErrors, []);
  assert.deepEqual(
    invalid.schemaErrors?.map((error) => [error.instancePath, error.schemaPath, error.keyword]),
    [
      ['', '#/definitions/revocation/additionalProperties', 'additionalProperties'],
      ['/kind', '#/definitions/revocation/properties/kind/anyOf/0/enum', 'enum'],
      ['/kind', '#/definitions/revocation/properties/kind/anyOf/1/pattern', 'pattern'],
      ['/kind', '#/definitions/revocation/properties/kind/anyOf', 'anyOf'],
    ],
  );
  // Entry errors sit where ajv checks `items`: before `status`.
  assert.deepEqual(
    errors.map((error) => [error.instancePath, error.keyword]),
    [
      ['/spec/revocations/1', 'additionalProperties'],
      ['/spec/revocations/1/kind', 'enum'],
      ['/spec/revocations/1/kind', 'pattern'],
      ['/spec/revocations/1/kind', 'anyOf'],
      ['/status', 'type'],
    ],
  );
});

test('the stand-in list keeps every check the schema makes of the list itself', () => {
  // The rest of the document is checked with a one-entry list in place of the real one: that only
  // holds while the list's own keywords are these (a maxItems or uniqueItems would need the real list).
  const schema = JSON.parse(readFileSync(join(process.cwd(), 'schemas/renewrevocation.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties.spec.properties.revocations).sort(), [
    'description',
    'items',
    'minItems',
    'type',
  ]);
  assert.equal(schema.properties.spec.properties.revocations.minItems, 1);
  assert.deepEqual(schema.properties.spec.properties.revocations.items, { $ref: '#/definitions/revocation' });
});

const service = createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') });

const ENTRY_LINES = [
  (i: number) => `  - kind: DNS\n    dns: n${i}.example\n    notBefore: "2020-04-17T17:22:05Z"\n`,
  (i: number) => `  - kind: DSN\n    dns: n${i}.example\n`,
  (i: number) => `  - kind: Group\n    group: team-${i}\n    extra: ${i}\n`,
  (i: number) => `  - kind: IP\n    ip: 10.0.0.${i % 250}\n    notBefore: soon${i}\n`,
  (i: number) => `  - kind: serialnumber\n    serialNumber: ${i}\n    description: ${i}\n`,
  (i: number) => `  - group: g${i}\n    Kind: Group\n`,
  (i: number) => `  - kind: DNS\n    dns: ""\n    notbefore: x${i}\n`,
];

test('after incremental edits (service update), the diagnostics equal those of a fresh parse', () => {
  const typed = fc.constantFrom('a', '0', ':', ' ', '.', '"', '-', '', 'x', 'Z', '{', '1');
  fc.assert(
    fc.property(
      fc.array(fc.nat(ENTRY_LINES.length - 1), { minLength: 2, maxLength: 10 }),
      fc.array(
        fc.tuple(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.nat(1),
          typed,
        ),
        { minLength: 1, maxLength: 8 },
      ),
      (kinds, edits) => {
        let text =
          'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: m\nspec:\n  revocations:\n' +
          kinds.map((kind, i) => ENTRY_LINES[kind](i)).join('') +
          'status: 1\n';
        let model = service.parse(text);
        service.doValidation(model);
        for (const [whichEntry, where, removeCount, insert] of edits) {
          // Mostly inside an entry (where the incremental parse keeps the other entries' models).
          const entries = model.manifests[0]?.entries ?? [];
          const target = entries[Math.floor(whichEntry * entries.length)];
          const start = target
            ? target.start + 1 + Math.floor(where * Math.max(0, target.end - target.start - 1))
            : Math.floor(where * text.length);
          const change: TextChange = { start, end: Math.min(text.length, start + removeCount), text: insert };
          text = applyChange(text, change);
          model = service.update(model, [change], text);
          assert.deepEqual(service.doValidation(model), service.doValidation(parseFile(text)), text);
        }
      },
    ),
    { numRuns: 400 },
  );
});
