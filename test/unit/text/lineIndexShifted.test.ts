// LineIndex.shifted keeps up to a few edits aside instead of copying every line start: after any
// run of one-line edits (more than it keeps aside, so the table is also rewritten), every offset
// and position must map as in an index built afresh from the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/service/index';

const lines = fc.array(fc.stringMatching(/^[a-z: -]{0,12}$/), { minLength: 1, maxLength: 12 });
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  removed: fc.integer({ min: 0, max: 3 }),
  typed: fc.stringMatching(/^[a-z]{0,5}$/),
});

function expectSame(index: LineIndex, text: string): void {
  const fresh = new LineIndex(text);
  assert.equal(index.lineCount, fresh.lineCount);
  for (let offset = 0; offset <= text.length; offset++)
    assert.deepEqual(index.positionAt(offset), fresh.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
  for (let line = 0; line < fresh.lineCount; line++) {
    assert.equal(index.lineText(line), fresh.lineText(line));
    for (const character of [0, 1, 3, 100])
      assert.equal(index.offsetAt({ line, character }), fresh.offsetAt({ line, character }));
  }
}

test('property: a line index moved by edits within lines maps like one built afresh', () => {
  fc.assert(
    fc.property(lines, fc.array(edit, { minLength: 20, maxLength: 40 }), (written, edits) => {
      let text = written.join('\n');
      let index = new LineIndex(text);
      for (const { at, removed, typed } of edits) {
        const start = Math.floor(at * text.length);
        // Within one line: never remove a line break.
        const lineEnd = text.indexOf('\n', start);
        const end = Math.min(start + removed, lineEnd === -1 ? text.length : lineEnd);
        text = text.slice(0, start) + typed + text.slice(end);
        index = index.shifted(text, start, typed.length - (end - start));
        expectSame(index, text);
      }
    }),
    { numRuns: 200 },
  );
});
