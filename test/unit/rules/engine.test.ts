// The engine walks a file once for every rule: `create` and `file` once per rule, `manifest`
// once per manifest, `entry` once per entry; findings come back grouped by rule, in rule order,
// whatever order the hooks ran in (validation's sort keeps that order on equal ranges).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFile } from '../../../server/src/service/parse/fileModel';
import { runRules } from '../../../server/src/service/rules/engine';
import type { Rule } from '../../../server/src/service/rules/ruleTypes';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { manifest } from './valueFixtures';

const TWO_MANIFESTS = `${manifest('  - kind: DNS\n    dns: a.example\n  - kind: IP\n    ip: 10.0.0.1\n')}---\n${manifest('  - kind: Group\n    group: g\n')}`;

function countingRule(name: string, calls: string[]): Rule {
  return {
    name,
    meta: [],
    create(_context, report) {
      calls.push(`${name}.create`);
      return {
        file: () => calls.push(`${name}.file`),
        manifest: (manifest) => calls.push(`${name}.manifest ${manifest.entries.length}`),
        entry(entry) {
          calls.push(`${name}.entry ${entry.kind}`);
          report({
            code: 'duplicate-entry',
            start: entry.anchorStart,
            end: entry.anchorEnd,
            message: `${name} ${entry.kind}`,
          });
        },
      };
    },
  };
}

test('one walk: every hook once per file, manifest and entry, rules in their order at each step', () => {
  const calls: string[] = [];
  runRules(
    parseFile(TWO_MANIFESTS),
    new Date(0),
    [countingRule('a', calls), countingRule('b', calls)],
    DEFAULT_SETTINGS,
  );
  assert.deepEqual(calls, [
    'a.create',
    'a.file',
    'b.create',
    'b.file',
    'a.manifest 2',
    'b.manifest 2',
    'a.entry DNS',
    'b.entry DNS',
    'a.entry IP',
    'b.entry IP',
    'a.manifest 1',
    'b.manifest 1',
    'a.entry Group',
    'b.entry Group',
  ]);
});

test('findings come back grouped by rule, in the order the rules are listed', () => {
  const findings = runRules(
    parseFile(TWO_MANIFESTS),
    new Date(0),
    [countingRule('a', []), countingRule('b', [])],
    DEFAULT_SETTINGS,
  );
  assert.deepEqual(
    findings.map((finding) => finding.message),
    ['a DNS', 'a IP', 'a Group', 'b DNS', 'b IP', 'b Group'],
  );
});

test('a file without manifests runs only the file hooks', () => {
  const calls: string[] = [];
  assert.deepEqual(
    runRules(parseFile('kind: ConfigMap\n'), new Date(0), [countingRule('a', calls)], DEFAULT_SETTINGS),
    [],
  );
  assert.deepEqual(calls, ['a.create', 'a.file']);
});
