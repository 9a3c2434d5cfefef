// Over generated manifests full of the mistakes the value rules know: validation never throws, and
// every quick fix they offer keeps the YAML valid and removes one diagnostic of its code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits } from '../helpers/applyEdits';
import { manifest, service } from './valueFixtures';

const VALUE_CODES = [
  'serial-invalid',
  'serial-not-canonical',
  'serial-number-type',
  'not-before-invalid',
  'not-before-future',
  'missing-not-before',
  'broad-revocation',
  'dns-invalid',
  'ip-invalid',
  'duplicate-entry',
];

const values: Record<string, string[]> = {
  serialNumber: [
    '77fd',
    '"77:FD"',
    '0x1f',
    '1234',
    "'0x 0a'",
    '12:34',
    '""',
    '{a: 1}',
    'true',
    '"zz"',
    'ff'.repeat(21),
    '"-0a"',
  ],
  group: ['system:nodes', 'system:masters', 'team-a', '"g"', 'G'],
  dns: [
    '"*.cluster.local"',
    '.local',
    'a..b',
    'Kubernetes.Default.SVC.',
    'kubernetes.default.svc',
    'https://a.example/x',
    '"a.example:443"',
    '123',
    '""',
  ],
  ip: ['10.0.0.1', '"::ffff:10.0.0.1"', '10.0.0.0/8', '"fe80::1%eth0"', '10', '2001:db8::1'],
};
const FIELD = { serialnumber: 'serialNumber', Group: 'group', DNS: 'dns', IP: 'ip' } as const;
const notBefores = [
  '',
  '"2020-01-01T00:00:00Z"',
  '"2021-06-01T00:00:00Z"',
  '"2027-01-01T00:00:00Z"',
  '2020',
  '"2020-02-30T00:00:00Z"',
  'null',
];

const entry = fc
  .record({
    kind: fc.constantFrom(...(Object.keys(FIELD) as Array<keyof typeof FIELD>)),
    valueIndex: fc.nat(),
    notBefore: fc.constantFrom(...notBefores),
    flow: fc.boolean(),
    description: fc.boolean(),
  })
  .map(({ kind, valueIndex, notBefore, flow, description }) => {
    const field = FIELD[kind];
    const pool = values[field];
    const parts = [`kind: ${kind}`, `${field}: ${pool[valueIndex % pool.length]}`];
    if (notBefore) parts.push(`notBefore: ${notBefore}`);
    if (description) parts.unshift('description: |\n      about\n      it');
    if (flow && !description) return `  - {${parts.join(', ')}}\n`;
    return `  - ${parts.join('\n    ')}\n`;
  });

test('property: value-rule quick fixes keep the YAML valid and remove a diagnostic of their code', () => {
  fc.assert(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.boolean(), (entries, crlf) => {
      let text = manifest(entries.join(''));
      if (crlf) text = text.replace(/\n/g, '\r\n');
      const model = service.parse(text);
      const found = service.doValidation(model).filter((d) => VALUE_CODES.includes(d.code));
      for (const diagnostic of found) {
        for (const action of service
          .getCodeActions(model, diagnostic.range)
          .filter((a) => a.diagnostic.message === diagnostic.message && a.diagnostic.code === diagnostic.code)) {
          const fixed = applyEdits(text, action.edits);
          const after = service.doValidation(service.parse(fixed));
          assert.deepEqual(
            after.filter((d) => d.code === 'yaml-syntax'),
            [],
            `${action.title}\n${fixed}`,
          );
          const before = found.filter((d) => d.code === diagnostic.code).length;
          assert.ok(
            after.filter((d) => d.code === diagnostic.code).length < before,
            `${action.title} left every ${diagnostic.code}\n${fixed}`,
          );
          if (crlf) assert.ok(!/[^\r]\n/.test(fixed), `${action.title} wrote a bare LF\n${JSON.stringify(fixed)}`);
        }
      }
    }),
    { numRuns: 150 },
  );
});
