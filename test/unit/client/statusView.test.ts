import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusView } from '../../../client/src/statusView';

test('running: the inventory count with a shield; one certificate in the singular', () => {
  assert.deepEqual(statusView('running', { version: 3, certificates: 1234, scanning: false }), {
    text: '$(shield) 1,234 certificates',
    tooltip:
      'RenewRevocation is running; its certificate inventory holds 1,234 certificates. Click for the output, the preview or a restart.',
    error: false,
  });
  assert.equal(statusView('running', { version: 1, certificates: 1, scanning: false }).text, '$(shield) 1 certificate');
});

test('reading certificates and starting spin; stopped says so on an error background', () => {
  assert.equal(
    statusView('running', { version: 1, certificates: 40, scanning: true }).text,
    '$(sync~spin) 40 certificates',
  );
  assert.equal(statusView('starting', undefined).text, '$(sync~spin) RenewRevocation');
  assert.equal(statusView('running', undefined).text, '$(sync~spin) RenewRevocation');
  const stopped = statusView('stopped', { version: 1, certificates: 40, scanning: false });
  assert.equal(stopped.text, '$(error) RenewRevocation stopped');
  assert.equal(stopped.error, true);
  assert.match(stopped.tooltip, /not running \(see the output\); diagnostics shown are stale/);
});
