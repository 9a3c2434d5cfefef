// Half-typed text is the normal case for completion and hover: whatever the text and the
// position, the features answer (possibly with nothing) and what they answer is well-formed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { DocumentSymbol, Position, Range } from '../../../server/src/service/types';
import { EXAMPLE, service } from './featureHarness';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function checkSymbols(symbols: readonly DocumentSymbol[]): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name.length > 0, 'a symbol has a name');
    assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: the selection lies inside the range`);
    for (const child of symbol.children ?? [])
      assert.ok(contains(symbol.range, child.range), `${child.name} lies inside ${symbol.name}`);
    checkSymbols(symbol.children ?? []);
  }
}

function checkAt(text: string, offset: number, model = service.parse(text)): void {
  const position = model.lineIndex.positionAt(offset);
  for (const item of service.doComplete(model, position)) {
    assert.equal(item.range.start.line, item.range.end.line, `${item.label}: a completion range stays on one line`);
    assert.ok(
      before(item.range.start, position) && before(position, item.range.end),
      `${item.label}: its range holds the cursor`,
    );
  }
  const hover = service.doHover(model, position);
  if (hover?.range) assert.ok(before(hover.range.start, position) && before(position, hover.range.end));
  checkSymbols(service.findDocumentSymbols(model));
}

test('every prefix of the documented manifest, cursor at its end', () => {
  for (let cut = 0; cut <= EXAMPLE.length; cut++) checkAt(EXAMPLE.slice(0, cut), cut);
});

test('every position in the documented manifest', () => {
  const model = service.parse(EXAMPLE);
  for (let offset = 0; offset <= EXAMPLE.length; offset++) checkAt(EXAMPLE, offset, model);
});

test('random edits of a manifest, at random positions', () => {
  const pieces = fc.constantFrom(
    '- ',
    ': ',
    ':',
    '\n',
    '\n  ',
    '\n    ',
    '  ',
    '"',
    "'",
    '#',
    '---\n',
    '{',
    '[',
    ']',
    '}',
    '&a ',
    '*a',
    '!!str ',
    'kind',
    'dns',
    'x',
    '\t',
    '|',
    '>',
    '?',
  );
  const edit = fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 12 }),
    insert: fc.array(pieces, { maxLength: 6 }).map((parts) => parts.join('')),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.nat(), (edits, cursor) => {
      let text = EXAMPLE;
      for (const { at, remove, insert } of edits) {
        const start = at % (text.length + 1);
        text = text.slice(0, start) + insert + text.slice(start + remove);
      }
      checkAt(text, cursor % (text.length + 1));
    }),
    { numRuns: 250 },
  );
});
