// The rule records are the one place for a code's severity, title and documentation: codes.ts
// and the README's Diagnostics section are generated from them (`npm run generate:rules`), and
// these tests fail when either file on disk says something else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_CODES, CODES } from '../../../server/src/service/codes';
import { RULE_CATALOGUE } from '../../../server/src/service/features/ruleCatalogue';
import { renderCodesModule, withReadmeDiagnostics } from '../../../server/src/service/features/ruleDocs';
import { SEVERITY_VALUES, withRulesSetting } from '../../../server/src/service/features/rulesSetting';
import { INVENTORY_META } from '../../../server/src/service/match/inventoryRules';
import { fileTooLargeRule } from '../../../server/src/service/rules/fileTooLargeRule';
import { RULES } from '../../../server/src/service/rules/index';
import { schemaRule } from '../../../server/src/service/rules/schemaRule';
import { schemaRules } from '../../../server/src/service/rules/schemaRules';

const root = process.cwd();
const STALE = 'is out of date with the rule records: run `npm run generate:rules`';

test('codes.ts is what the rule records generate', () => {
  assert.equal(
    readFileSync(join(root, 'server/src/service/codes.ts'), 'utf8'),
    renderCodesModule(RULE_CATALOGUE),
    `codes.ts ${STALE}`,
  );
});

test("the README's Diagnostics table and sections are what the rule records generate", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const generated = withReadmeDiagnostics(readme, RULE_CATALOGUE);
  assert.ok(generated !== undefined, 'README.md lost its rules:start / rules:end markers');
  assert.equal(readme, generated, `README.md ${STALE}`);
});

test("package.json's renewRevocation.rules lists every code with its severities, as the records generate", () => {
  const packageJson = readFileSync(join(root, 'package.json'), 'utf8');
  const generated = withRulesSetting(packageJson, RULE_CATALOGUE);
  assert.ok(generated !== undefined, 'package.json lost the renewRevocation.rules setting');
  // Compared per code first: a short message when one is stale.
  const setting = (JSON.parse(packageJson) as PackageJson).contributes.configuration.properties[
    'renewRevocation.rules'
  ];
  assert.deepEqual(Object.keys(setting.properties ?? {}), ALL_CODES, `package.json ${STALE}`);
  const brokenDns = setting.properties?.['dns-invalid'];
  assert.deepEqual(brokenDns?.enum, [...SEVERITY_VALUES]);
  assert.equal(brokenDns?.markdownDescription, `${CODES['dns-invalid'].summary} Default: \`error\`.`);
  assert.equal(setting.additionalProperties, false);
  assert.ok(generated === packageJson, `package.json ${STALE}`);
});

interface PackageJson {
  contributes: {
    configuration: {
      properties: Record<
        string,
        {
          properties?: Record<string, { enum: string[]; markdownDescription: string }>;
          additionalProperties?: unknown;
        }
      >;
    };
  };
}

test('the catalogue holds every record once: the built-in rules, the inventory rule and file-too-large', () => {
  const recorded = [...RULES.flatMap((rule) => rule.meta), ...INVENTORY_META, ...fileTooLargeRule.meta].map(
    (meta) => meta.code,
  );
  const catalogued = RULE_CATALOGUE.map((meta) => meta.code);
  assert.equal(new Set(catalogued).size, catalogued.length, 'a code is catalogued twice');
  assert.deepEqual([...catalogued].sort(), [...recorded].sort());
  assert.deepEqual(ALL_CODES, catalogued);
  for (const meta of RULE_CATALOGUE) assert.equal(CODES[meta.code].severity, meta.severity, meta.code);
});

test('every record has a one-line title and documentation, and the schema record declares what its check reports', () => {
  for (const meta of RULE_CATALOGUE) {
    assert.ok(meta.title.trim() !== '' && !meta.title.includes('\n'), `${meta.code}: title`);
    assert.ok(meta.docs.trim() !== '' && !meta.docs.includes('\n\n'), `${meta.code}: docs are one paragraph`);
  }
  assert.deepEqual(
    schemaRule.meta.map((meta) => meta.code),
    [...schemaRules.codes],
  );
});
