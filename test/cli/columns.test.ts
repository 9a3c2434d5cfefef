import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignColumns } from '../../server/src/cli/columns';

test('columns are padded to the widest cell; the last cell is not padded', () => {
  const rows = alignColumns([
    [{ text: '8:3' }, { text: 'error' }, { text: 'short' }],
    [{ text: '13:15' }, { text: 'warning' }, { text: 'x' }],
  ]);
  assert.deepEqual(rows, ['8:3    error    short', '13:15  warning  x']);
});

test('a cell wider than its column limit is written whole and does not widen the column', () => {
  const rows = alignColumns(
    [
      [{ text: 'a' }, { text: 'a'.repeat(12) }, { text: 'code-1' }],
      [{ text: 'b' }, { text: 'bb' }, { text: 'code-2' }],
      [{ text: 'c' }, { text: 'cccc' }, { text: 'code-3' }],
    ],
    { maxWidths: [undefined, 5] },
  );
  assert.deepEqual(rows, [`a  ${'a'.repeat(12)}  code-1`, 'b  bb    code-2', 'c  cccc  code-3']);
});

test('styles wrap the padded text, so escape codes never skew the widths', () => {
  const red = (text: string) => `<${text}>`;
  assert.deepEqual(
    alignColumns([
      [{ text: 'ab', style: red }, { text: 'z' }],
      [{ text: 'abcd' }, { text: 'y' }],
    ]),
    ['<ab  >  z', 'abcd  y'],
  );
});
