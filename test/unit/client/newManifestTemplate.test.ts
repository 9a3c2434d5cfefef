import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatInstant, newManifestText } from '../../../client/src/newManifestTemplate';
import { createLanguageService } from '../../../server/src/service/index';

const NOW = new Date('2026-03-04T05:06:07.890Z');

test('the new manifest is the documented example with notBefore set to now on every entry', () => {
  const text = newManifestText(NOW);
  assert.equal(formatInstant(NOW), '2026-03-04T05:06:07Z');
  assert.equal(text.match(/notBefore: "2026-03-04T05:06:07Z"/g)?.length, 5);
  const service = createLanguageService({ now: () => NOW });
  const model = service.parse(text, 'yaml');
  assert.equal(model.manifests.length, 1);
  // Only the warning the example exists to show: revoking system:nodes.
  const diagnostics = service.doValidation(model);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, text.split('\n')[d.range.start.line].trim()]),
    [['broad-revocation', 'group: system:nodes']],
  );
});
