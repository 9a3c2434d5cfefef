// The inventory version the server's features read (server/src/lsp/inventory/inventoryPublisher.ts):
// published a pause after the scanner goes idle, once per burst, only when something changed,
// to the client and to every listener (one that throws does not stop the others).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InventoryChangedParams } from '../../../server/src/protocol';
import { InventoryPublisher, PUBLISH_DEBOUNCE_MS } from '../../../server/src/lsp/inventory/inventoryPublisher';
import { CertificateInventory, type InventorySnapshot } from '../../../server/src/service/inventory/inventory';
import { summary } from '../helpers/certificateSummaries';
import { ManualTimer } from './helpers/manualTimer';
import { RecordingLogger } from './helpers/recordingLogger';

function setUp() {
  const clock = new ManualTimer();
  const source = { inventory: new CertificateInventory(), scanning: false };
  const sent: InventoryChangedParams[] = [];
  const logger = new RecordingLogger();
  const publisher = new InventoryPublisher({
    source,
    timer: clock.timer,
    notify: (params) => sent.push(params),
    logger,
  });
  const addCertificate = (path: string, name: string) =>
    source.inventory.setFile(path, {
      certificates: [{ certificate: summary({ name }), index: 0, offset: 0, line: 0 }],
    });
  return { clock, source, sent, logger, publisher, addCertificate };
}

test('a version is published PUBLISH_DEBOUNCE_MS after it is scheduled, not before; then `afterwards` runs', () => {
  const { clock, sent, logger, publisher, addCertificate } = setUp();
  const empty = publisher.snapshot();
  assert.equal(empty.certificates.length, 0);
  addCertificate('/pki/a.pem', 'a');
  let after = 0;
  publisher.schedule(() => after++);
  clock.advance(PUBLISH_DEBOUNCE_MS - 1);
  assert.equal(publisher.snapshot(), empty, 'the unpublished version is not read');
  assert.equal(sent.length, 0);
  clock.advance(1);
  assert.equal(publisher.snapshot().certificates.length, 1);
  assert.deepEqual(sent, [{ version: publisher.snapshot().version, certificates: 1, scanning: false }]);
  assert.equal(after, 1);
  assert.deepEqual(logger.infos, [
    `Certificate inventory: 1 certificates from 1 files (version ${publisher.snapshot().version})`,
  ]);
});

test('a burst is published once: scheduling again restarts the pause, and cancel (the scanner busy again) drops it', () => {
  const { clock, sent, publisher, addCertificate } = setUp();
  addCertificate('/pki/a.pem', 'a');
  publisher.schedule();
  clock.advance(PUBLISH_DEBOUNCE_MS - 50);
  addCertificate('/pki/b.pem', 'b');
  publisher.schedule();
  clock.advance(PUBLISH_DEBOUNCE_MS - 50);
  assert.equal(sent.length, 0);
  clock.advance(50);
  assert.deepEqual(
    sent.map((params) => params.certificates),
    [2],
  );
  addCertificate('/pki/c.pem', 'c');
  let after = 0;
  publisher.schedule(() => after++);
  publisher.cancel();
  clock.advance(PUBLISH_DEBOUNCE_MS * 2);
  assert.deepEqual(
    sent.map((params) => params.certificates),
    [2],
  );
  assert.equal(after, 0);
  assert.equal(clock.waiting, 0);
});

test('nothing new (same version, same scanning state) publishes nothing; a change of scanning alone does', () => {
  const { clock, source, sent, publisher, addCertificate } = setUp();
  addCertificate('/pki/a.pem', 'a');
  publisher.schedule();
  clock.advance(PUBLISH_DEBOUNCE_MS);
  publisher.schedule();
  clock.advance(PUBLISH_DEBOUNCE_MS);
  assert.equal(sent.length, 1);
  source.scanning = true;
  publisher.schedule();
  clock.advance(PUBLISH_DEBOUNCE_MS);
  assert.deepEqual(
    sent.map((params) => params.scanning),
    [false, true],
  );
});

test('every listener hears of a publication; one that throws is logged and the next still runs', () => {
  const { clock, logger, publisher, addCertificate } = setUp();
  const heard: InventorySnapshot[] = [];
  publisher.onDidPublish(() => {
    throw new Error('listener broke');
  });
  publisher.onDidPublish((snapshot) => heard.push(snapshot));
  addCertificate('/pki/a.pem', 'a');
  publisher.schedule();
  clock.advance(PUBLISH_DEBOUNCE_MS);
  assert.deepEqual(heard, [publisher.snapshot()]);
  assert.equal(logger.errors.length, 1);
  assert.match(logger.errors[0], /^Error while refreshing after an inventory change: listener broke/);
});

test('dispose drops a scheduled publication', () => {
  const { clock, sent, publisher, addCertificate } = setUp();
  addCertificate('/pki/a.pem', 'a');
  publisher.schedule();
  publisher.dispose();
  clock.advance(PUBLISH_DEBOUNCE_MS);
  assert.deepEqual(sent, []);
});
