import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/service/index';
import { LineIndex } from '../../server/src/service/text/lineIndex';

test('line index maps offsets and positions both ways, CRLF included', () => {
  const index = new LineIndex('ab\r\ncd\nef');
  assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(8), { line: 2, character: 1 });
  assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
  assert.equal(index.offsetAt({ line: 1, character: 99 }), 7);
  assert.equal(index.lineText(0), 'ab');
});

test('yaml-syntax is reported at its place in a manifest, and not in other YAML', () => {
  const service = createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') });
  const manifest = 'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nspec: [a, b\n';
  const diagnostics = service.doValidation(service.parse(manifest)).filter((d) => d.code === 'yaml-syntax');
  assert.ok(diagnostics.length > 0);
  assert.equal(diagnostics[0].range.start.line, 2);
  const other = 'kind: ConfigMap\ndata: [a, b\n';
  assert.deepEqual(service.doValidation(service.parse(other)), []);
});
