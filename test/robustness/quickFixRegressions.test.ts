// Quick fixes the property tests (serviceProperties.test.ts) caught breaking the YAML, kept as
// exact cases: after an empty last value and a comment line, the parser ends the entry inside the
// next line's indentation, and the edits used to land there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/service/index';
import { applyEdits } from '../unit/helpers/applyEdits';

const service = createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') });
const HEAD =
  'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: m\nspec:\n  revocations:\n';
const IP_ENTRY = '  - kind: IP\n    ip: 10.0.0.1\n    notBefore: "2020-01-01T00:00:00Z"\n';

function fixed(text: string, title: RegExp): string {
  const model = service.parse(text);
  const actions = service.doValidation(model).flatMap((diagnostic) => service.getCodeActions(model, diagnostic.range));
  const action = actions.find((candidate) => title.test(candidate.title));
  assert.ok(action, `no action ${title} among ${actions.map((candidate) => candidate.title).join(', ')}`);
  return applyEdits(text, action.edits);
}

test('add notBefore to an entry whose empty last value is followed by a comment line: the new line goes before the next entry', () => {
  const text = `${HEAD}  - kind: Group\n    group:\n  # renew-revocation-disable-next-line\n${IP_ENTRY}`;
  assert.equal(
    fixed(text, /^Add notBefore/),
    `${HEAD}  - kind: Group\n    group:\n  # renew-revocation-disable-next-line\n    notBefore: "2026-01-01T00:00:00Z"\n${IP_ENTRY}`,
  );
});

test('the same in a CRLF file keeps CRLF', () => {
  const text = `${HEAD}  - kind: DNS\n    dns:\n    # later\n${IP_ENTRY}`.replace(/\n/g, '\r\n');
  assert.equal(
    fixed(text, /^Add notBefore/),
    `${HEAD}  - kind: DNS\n    dns:\n    # later\n    notBefore: "2026-01-01T00:00:00Z"\n${IP_ENTRY}`.replace(
      /\n/g,
      '\r\n',
    ),
  );
});

test('removing a duplicate whose empty last value is followed by a comment line leaves the next entry indented', () => {
  const entry = '  - kind: DNS\n    dns: a.example.com\n    notBefore: "2020-01-01T00:00:00Z"\n';
  const text = `${HEAD}${entry}${entry}    description:\n  # c\n${IP_ENTRY}`;
  assert.equal(fixed(text, /^Remove this duplicate/), `${HEAD}${entry}${IP_ENTRY}`);
});
