// Diagnostics come out by position (start, then end), and findings at the same place keep the
// order the rules reported them in, however the rules report them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFile } from '../../../server/src/service/features/validation';
import { parseFile } from '../../../server/src/service/parse/fileModel';
import type { Rule } from '../../../server/src/service/rules/ruleTypes';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';

const TEXT = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: order\ndata:\n  a: "0123456789"\n';

function reporting(findings: readonly [number, number, string][]): Rule {
  return {
    name: 'order',
    meta: [],
    create: (_context, report) => ({
      file: () => {
        for (const [start, end, message] of findings) report({ code: 'schema', start, end, message });
      },
    }),
  };
}

function order(findings: readonly [number, number, string][]): string[] {
  return checkFile(parseFile(TEXT), {
    now: new Date('2026-01-01T00:00:00Z'),
    settings: DEFAULT_SETTINGS,
    extraRules: [reporting(findings)],
  })
    .filter(({ finding }) => finding.code === 'schema')
    .map(({ finding }) => finding.message);
}

test('by start, then by end, ties in the order reported', () => {
  assert.deepEqual(
    order([
      [30, 40, 'c'],
      [10, 20, 'b2'],
      [10, 12, 'a'],
      [50, 51, 'd'],
      [10, 20, 'b3'],
      [10, 15, 'a2'],
      [0, 5, 'first'],
    ]),
    ['first', 'a', 'a2', 'b2', 'b3', 'c', 'd'],
  );
});

test('many findings: the same order as a comparison sort', () => {
  const findings: [number, number, string][] = [];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let i = 0; i < 5000; i++) {
    const start = next() % 60;
    findings.push([start, start + (next() % 5), String(i)]);
  }
  const expected = findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => a.finding[0] - b.finding[0] || a.finding[1] - b.finding[1] || a.index - b.index)
    .map(({ finding }) => finding[2]);
  assert.deepEqual(order(findings), expected);
});
