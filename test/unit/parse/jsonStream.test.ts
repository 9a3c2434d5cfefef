// Several JSON values back to back are parsed value by value, each document's nodes at their
// offsets in the whole text; anything else (one value, YAML, broken JSON) parses as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, isScalar } from 'yaml';
import { createLanguageService, parseFile } from '../../../server/src/service/index';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { jsonStreamStarts, parseDocumentStream } from '../../../server/src/service/parse/yamlStream';

test('jsonStreamStarts: the start of each value of a stream, undefined for anything else', () => {
  assert.deepEqual(jsonStreamStarts('{"a":1}{"b":2}'), [0, 7]);
  assert.deepEqual(jsonStreamStarts('{"a":1}\n{"b":2}\n[3]\n'), [0, 7, 15]);
  assert.deepEqual(
    jsonStreamStarts('  {"a":"}{"}\n {"b":"\\"}"}'),
    [0, 12],
    'brackets and escaped quotes inside strings do not count',
  );
  assert.equal(jsonStreamStarts('{"a":1}\n'), undefined, 'one value');
  assert.equal(jsonStreamStarts('a: 1\n---\nb: 2\n'), undefined, 'YAML');
  assert.equal(jsonStreamStarts('{"a":1}\n---\n{"b":2}\n'), undefined, 'a YAML stream of flow mappings');
  assert.equal(jsonStreamStarts('{"a":1'), undefined, 'unclosed');
  assert.equal(jsonStreamStarts(''), undefined);
  // What follows the last whole value stays with it, so its parse reports it.
  assert.deepEqual(jsonStreamStarts('{"a":1}{"b":2} tail'), [0, 7]);
});

test('parseDocumentStream: each value a document, ranges and errors in the whole text', () => {
  const text = '{"a": 1}\n{"b": "x"}{"c": [1, }\n';
  const documents = parseDocumentStream(text, { prettyErrors: false });
  assert.equal(documents.length, 3);
  assert.deepEqual(
    documents.map((document) => document.range[0]),
    [0, 9, 19],
  );
  const second = documents[1].contents;
  assert.ok(isMap(second));
  const value = second.items[0].value;
  assert.ok(isScalar(value) && value.range);
  assert.equal(text.slice(value.range[0], value.range[1]), '"x"');
  assert.equal(documents[0].errors.length + documents[1].errors.length, 0);
  assert.ok(documents[2].errors.length > 0);
  for (const error of documents[2].errors)
    assert.ok(error.pos[0] >= 19, `the error at ${error.pos[0]} is in the third value`);
});

test('parseFile: a JSON stream of two manifests is two manifests, the second at its own lines', () => {
  const manifest = (name: string) =>
    JSON.stringify(
      {
        apiVersion: 'certificates.microsoft.com/v1',
        kind: 'RenewRevocation',
        metadata: { name },
        spec: { revocations: [{ kind: 'Group', group: name }] },
      },
      null,
      4,
    );
  const text = `${manifest('first')}\n${manifest('second')}\n`;
  const model = parseFile(text);
  assert.equal(model.manifests.length, 2);
  assert.equal(
    model.documents[1].start,
    text.indexOf('{', manifest('first').length),
    'the second document starts at its brace',
  );
  // Each Group entry lacks notBefore: the second finding sits on the second manifest's group value.
  const service = createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') });
  const starts = service
    .doValidation(model, DEFAULT_SETTINGS)
    .filter((diagnostic) => diagnostic.code === 'missing-not-before')
    .map((diagnostic) => diagnostic.range.start);
  const at = (offset: number) => {
    const lines = text.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  assert.deepEqual(starts, [at(text.indexOf('"first"', text.indexOf('"group"'))), at(text.lastIndexOf('"second"'))]);
});
