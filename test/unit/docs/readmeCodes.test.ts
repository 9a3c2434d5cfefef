// The README's diagnostics table and sections are the user's reference for every code: they must
// name exactly the codes of server/src/service/codes.ts, in its order, with its default severities.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ALL_CODES, CODES } from '../../../server/src/service/codes';

const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
const diagnostics = readme.slice(readme.indexOf('\n## Diagnostics\n'), readme.indexOf('\n## ', readme.indexOf('\n## Diagnostics\n') + 1));

test('the README diagnostics table lists every code in order with its default severity', () => {
  const rows = [...diagnostics.matchAll(/^\| \[`([a-z-]+)`\]\(#([a-z-]+)\) \| ([a-z]+) \|/gm)].map((m) => ({ code: m[1], anchor: m[2], severity: m[3] }));
  assert.deepEqual(rows.map((row) => row.code), ALL_CODES);
  for (const row of rows) {
    assert.equal(row.anchor, row.code, `the link of ${row.code}`);
    assert.equal(row.severity, CODES[row.code as keyof typeof CODES].severity, `the severity of ${row.code}`);
  }
});

test('the README has a section per code that opens with its default severity', () => {
  const sections = [...diagnostics.matchAll(/^### ([a-z-]+)\n\n\*\*([A-Za-z]+)\.\*\*/gm)].map((m) => ({ code: m[1], severity: m[2].toLowerCase() }));
  assert.deepEqual(sections.map((section) => section.code), ALL_CODES);
  for (const section of sections) assert.equal(section.severity, CODES[section.code as keyof typeof CODES].severity, `the section of ${section.code}`);
});
