import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sizeOverLimit, utf8Length } from '../../../server/src/lsp/sizeLimit';
import { DEFAULT_SETTINGS } from '../../../server/src/service/index';

test('UTF-8 size is counted as Node encodes it: ASCII, accents, CJK, emoji, a lone surrogate', () => {
  for (const text of [
    '',
    'kind: DNS\n',
    'description: Zertifikat für café',
    '証明書の失効',
    'ok 🔐 done',
    'broken \ud800 pair',
  ]) {
    assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
  }
});

test('a text is over the limit by its UTF-8 size, not its length', () => {
  const settings = { ...DEFAULT_SETTINGS, maxFileSize: 10 };
  assert.equal(sizeOverLimit('0123456789', settings), undefined);
  assert.equal(sizeOverLimit('012345678é', settings), 11);
  assert.equal(sizeOverLimit('x'.repeat(4), settings), undefined);
});
