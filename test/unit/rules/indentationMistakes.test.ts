// One YAML mistake, one error where it is: a tab as indentation and a bad dedent each give one
// yaml-syntax diagnostic at the mistake, with a fix whose edit is exact; the parser's follow-on
// errors and the rules' findings in the lines it throws off are folded into it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/service/languageService';
import type { Diagnostic } from '../../../server/src/service/types';
import { applyEdits } from '../helpers/applyEdits';

const service = createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') });

const HEAD = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: indentation
spec:
  revocations:
`;
const HEAD_LINES = 6;

function check(text: string): Diagnostic[] {
  return service.doValidation(service.parse(text));
}

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    ({ code, range }) =>
      `${code} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`,
  );
}

/** The text after the one fix of the one diagnostic. */
function fixed(text: string, diagnostic: Diagnostic, title: string): string {
  const model = service.parse(text);
  const actions = service.getCodeActions(model, diagnostic.range);
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, JSON.stringify(actions.map((candidate) => candidate.title)));
  return applyEdits(text, action.edits);
}

test('a tab before a key of an entry: one error on the tab, "Convert tabs to spaces" lines it up', () => {
  // The parser also reports errors at the end of the entry and on the next one, and the entries
  // read wrong. All of it is this one tab.
  const text = `${HEAD}  - kind: IP\n\tip: 10.0.0.1\n    notBefore: "2024-05-01T00:00:00Z"\n  - kind: DNS\n    dns: a.example.com\n`;
  const diagnostics = check(text);
  assert.deepEqual(summary(diagnostics), [`yaml-syntax ${HEAD_LINES + 1}:0-${HEAD_LINES + 1}:1`]);
  assert.equal(
    diagnostics[0].message,
    'YAML syntax: Tabs are not allowed as indentation: indent this line with spaces (4 to line up with the line above)',
  );
  const model = service.parse(text);
  const [action] = service.getCodeActions(model, diagnostics[0].range);
  assert.deepEqual(
    { title: action.title, isPreferred: action.isPreferred, edits: action.edits },
    {
      title: 'Convert tabs to spaces',
      isPreferred: true,
      edits: [
        {
          range: { start: { line: HEAD_LINES + 1, character: 0 }, end: { line: HEAD_LINES + 1, character: 1 } },
          newText: '    ',
        },
      ],
    },
  );
  const after = fixed(text, diagnostics[0], 'Convert tabs to spaces');
  assert.equal(after, text.replace('\tip:', '    ip:'));
  assert.deepEqual(summary(check(after)), [`missing-not-before ${HEAD_LINES + 4}:9-${HEAD_LINES + 4}:22`]);
});

test('a tab on the last key of an entry, and mixed blanks: the range covers the tabs, the fix the whole indentation', () => {
  const text = `${HEAD}  - kind: IP\n    ip: 10.0.0.1\n  \t\tnotBefore: "2024-05-01T00:00:00Z"\n`;
  const diagnostics = check(text);
  assert.deepEqual(summary(diagnostics), [`yaml-syntax ${HEAD_LINES + 2}:2-${HEAD_LINES + 2}:4`]);
  assert.equal(fixed(text, diagnostics[0], 'Convert tabs to spaces'), text.replace('  \t\tnotBefore', '    notBefore'));
});

test('a tab under a key that opens a block lines up two columns deeper', () => {
  const text = `apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n\tname: x\nspec:\n  revocations:\n  - kind: IP\n    ip: 10.0.0.1\n    notBefore: "2024-05-01T00:00:00Z"\n`;
  const diagnostics = check(text);
  assert.deepEqual(summary(diagnostics), ['yaml-syntax 3:0-3:1']);
  assert.equal(fixed(text, diagnostics[0], 'Convert tabs to spaces'), text.replace('\tname', '  name'));
});

test('a one-space dedent inside an entry: one error at that line, a fix that indents it like the line above', () => {
  const text = `${HEAD}  - kind: IP\n    ip: 10.0.0.1\n   notBefore: "2024-05-01T00:00:00Z"\n  - kind: DNS\n    dns: a.example.com\n    notBefore: "2024-05-01T00:00:00Z"\n`;
  const diagnostics = check(text);
  assert.deepEqual(summary(diagnostics), [`yaml-syntax ${HEAD_LINES + 2}:0-${HEAD_LINES + 2}:12`]);
  assert.equal(
    diagnostics[0].message,
    'YAML syntax: This line is indented 3 spaces, which lines up with no level above it (2 or 4): YAML cannot tell what it belongs to. Indent it by 4 spaces to keep it with the lines above, or by 2',
  );
  const after = fixed(text, diagnostics[0], 'Indent by 4 spaces, like the line above');
  assert.equal(after, text.replace('   notBefore', '    notBefore'));
  assert.deepEqual(check(after), []);
});

test('a dedent right after `- kind:` (five errors before) is one error too', () => {
  const text = `${HEAD}  - kind: IP\n    ip: 10.0.0.1\n    notBefore: "2024-05-01T00:00:00Z"\n  - kind: DNS\n   dns: a.example.com\n    notBefore: "2024-05-01T00:00:00Z"\n`;
  assert.deepEqual(summary(check(text)), [`yaml-syntax ${HEAD_LINES + 4}:0-${HEAD_LINES + 4}:6`]);
});

test('other YAML errors are still reported at their place', () => {
  const text = `${HEAD}  - {kind: DNS, dns: a.example\n`;
  assert.deepEqual(summary(check(text)), [
    `missing-not-before ${HEAD_LINES}:21-${HEAD_LINES}:30`,
    `yaml-syntax ${HEAD_LINES}:29-${HEAD_LINES}:30`,
  ]);
  // A tab inside a value is no indentation: nothing to report.
  assert.deepEqual(
    summary(
      check(
        `${HEAD}  - kind: DNS\n    description: "a\tb"\n    dns: a.example.com\n    notBefore: "2024-05-01T00:00:00Z"\n`,
      ),
    ),
    [],
  );
});
