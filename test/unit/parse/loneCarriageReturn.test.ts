// Files with old Mac line endings (a lone CR between lines): YAML reads them (so does Kubernetes'
// reader), and so do we, with the same diagnostics at the same places as with LF, and quick fixes
// that keep the file's line endings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnostics, manifest, NOW, service, summary } from '../rules/valueFixtures';

const LF = manifest(
  '  - kind: Group\n    group: system:nodes\n  - kind: serialnumber\n    serialNumber: 0a1b\n  - kind: serialnumber\n    serialNumber: 0A1B\n',
);
const CR = LF.replace(/\n/g, '\r');

test('a lone-CR manifest gets the diagnostics of its LF twin, at the same lines and columns', () => {
  const expected = summary(diagnostics(LF));
  assert.deepEqual(expected, ['missing-not-before@7:11-23', 'broad-revocation@7:11-23', 'duplicate-entry@11:18-22']);
  assert.deepEqual(summary(diagnostics(CR)), expected);
});

test('quick fixes in a lone-CR manifest write lone CRs', () => {
  const [missing] = diagnostics(CR, 'missing-not-before');
  const fixed = applyFix(CR, missing, `Add notBefore: "${NOW}" (now)`);
  assert.equal(
    fixed,
    LF.replace('group: system:nodes\n', `group: system:nodes\n    notBefore: "${NOW}"\n`).replace(/\n/g, '\r'),
  );
  assert.deepEqual(diagnostics(fixed, 'missing-not-before'), []);
  const [duplicate] = diagnostics(CR, 'duplicate-entry');
  const removed = applyFix(CR, duplicate, 'Remove this duplicate entry');
  assert.equal(removed, LF.replace('  - kind: serialnumber\n    serialNumber: 0A1B\n', '').replace(/\n/g, '\r'));
});

test('typing between the CR and the LF of a CRLF line leaves a lone CR: the edited model equals a fresh parse', () => {
  const crlf = LF.replace(/\n/g, '\r\n');
  const at = crlf.indexOf('\r\n', crlf.indexOf('group: system:nodes')) + 1;
  const change = { start: at, end: at, text: ' x' };
  const text = crlf.slice(0, at) + change.text + crlf.slice(at);
  const edited = service.update(service.parse(crlf), [change], text);
  const fresh = service.parse(text);
  assert.deepEqual(service.doValidation(edited), service.doValidation(fresh));
  // The lone CR ends the line: ` x` is a line of its own, which YAML refuses there.
  assert.ok(service.doValidation(fresh).some((diagnostic) => diagnostic.code === 'yaml-syntax'));
});
