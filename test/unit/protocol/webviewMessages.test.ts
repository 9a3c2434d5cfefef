// The preview page is untrusted content: the panel acts only on messages isPreviewPageMessage
// accepts (server/src/protocol/webviewMessages.ts), each with fields of the right types.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPreviewPageMessage } from '../../../server/src/protocol';

test('the messages the page sends are accepted', () => {
  for (const message of [
    { type: 'openSource', path: '/pki/ca.crt', line: 3 },
    { type: 'openSource', path: '/pki/ca.der' },
    { type: 'revealEntry', line: 7, character: 11 },
    { type: 'export', format: 'csv' },
    { type: 'showMoreKept' },
    { type: 'ready' },
    { type: 'revoke', fingerprints: ['a'.repeat(64)] },
    { type: 'revoke', fingerprints: ['a'.repeat(64), '0123456789abcdef'.repeat(4)] },
  ]) {
    assert.equal(isPreviewPageMessage(message), true, JSON.stringify(message));
  }
});

test('anything else is refused: unknown types, missing or mistyped fields, non-objects', () => {
  for (const message of [
    null,
    'openSource',
    [],
    {},
    { type: 'render', body: '<p>' },
    { type: 'openSource' },
    { type: 'openSource', path: 1 },
    { type: 'openSource', path: '/pki/ca.crt', line: 1.5 },
    { type: 'openSource', path: '/pki/ca.crt', line: '3' },
    { type: 'revealEntry', line: 7 },
    { type: 'revealEntry', line: NaN, character: 0 },
    { type: 'export' },
    { type: 'export', format: ['csv'] },
    { type: 'revoke', fingerprints: [] },
    { type: 'revoke', fingerprints: 'a'.repeat(64) },
    { type: 'revoke', fingerprints: ['A'.repeat(64)] },
    { type: 'revoke', fingerprints: ['a'.repeat(63)] },
  ]) {
    assert.equal(isPreviewPageMessage(message), false, JSON.stringify(message));
  }
});
