// The timing parts of the workspace inventory, each alone: when the first scan begins
// (firstScanSchedule.ts), the pause before an edited open document is read again
// (openDocumentChanges.ts), the work-done progress of a folder scan (scanProgress.ts), and the
// file watchers registered for the scan roots (certificateWatchers.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationToken, type FileSystemWatcher, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { CertificateWatchers, watchersFor } from '../../../server/src/lsp/inventory/certificateWatchers';
import { FIRST_SCAN_WAIT_MS, FirstScanSchedule } from '../../../server/src/lsp/inventory/firstScanSchedule';
import { DOCUMENT_DEBOUNCE_MS, OpenDocumentChanges } from '../../../server/src/lsp/inventory/openDocumentChanges';
import { ScanProgress } from '../../../server/src/lsp/inventory/scanProgress';
import type { ScanRootOptions } from '../../../server/src/lsp/inventory/scanScope';
import { ManualTimer } from './helpers/manualTimer';
import { RecordingLogger } from './helpers/recordingLogger';

test('the first scan begins FIRST_SCAN_WAIT_MS after start when no document is validated, once', () => {
  const clock = new ManualTimer();
  let scans = 0;
  const schedule = new FirstScanSchedule(clock.timer, () => scans++);
  schedule.documentValidated();
  clock.advance(FIRST_SCAN_WAIT_MS * 2);
  assert.equal(scans, 0, 'nothing before the client is initialized');
  assert.deepEqual([schedule.started, schedule.begun], [false, false]);
  schedule.start();
  clock.advance(FIRST_SCAN_WAIT_MS - 1);
  assert.equal(scans, 0);
  clock.advance(1);
  assert.equal(scans, 1);
  assert.deepEqual([schedule.started, schedule.begun], [true, true]);
  schedule.start();
  schedule.documentValidated();
  clock.advance(FIRST_SCAN_WAIT_MS * 2);
  assert.equal(scans, 1);
});

test('the first validation begins the first scan right after what is queued, and the wait is dropped', () => {
  const clock = new ManualTimer();
  let scans = 0;
  const schedule = new FirstScanSchedule(clock.timer, () => scans++);
  schedule.start();
  schedule.documentValidated();
  schedule.documentValidated();
  assert.equal(scans, 0, 'not within the validation itself');
  clock.advance(0);
  assert.equal(scans, 1);
  assert.equal(clock.waiting, 0, 'the FIRST_SCAN_WAIT_MS timer is gone');
});

test('dispose before the wait ends: no scan', () => {
  const clock = new ManualTimer();
  let scans = 0;
  const schedule = new FirstScanSchedule(clock.timer, () => scans++);
  schedule.start();
  schedule.dispose();
  clock.advance(FIRST_SCAN_WAIT_MS);
  assert.equal(scans, 0);
});

test('an open document is read again DOCUMENT_DEBOUNCE_MS after its last edit, each document on its own', () => {
  const clock = new ManualTimer();
  const reread: string[] = [];
  const changes = new OpenDocumentChanges(clock.timer, (uri) => reread.push(uri));
  changes.changed('file:///a.pem');
  clock.advance(DOCUMENT_DEBOUNCE_MS - 100);
  changes.changed('file:///a.pem');
  changes.changed('file:///b.pem');
  clock.advance(DOCUMENT_DEBOUNCE_MS - 1);
  assert.deepEqual(reread, []);
  clock.advance(1);
  assert.deepEqual(reread, ['file:///a.pem', 'file:///b.pem']);
  changes.changed('file:///a.pem');
  changes.dispose();
  clock.advance(DOCUMENT_DEBOUNCE_MS);
  assert.deepEqual(reread, ['file:///a.pem', 'file:///b.pem']);
});

/** A client's work-done progress, recording what the server reports on it. */
function recordingProgress(calls: string[]): () => Promise<WorkDoneProgressServerReporter> {
  let created = 0;
  return async () => {
    const id = ++created;
    return {
      token: CancellationToken.None,
      begin: (title: string, percentage?: number, message?: string) =>
        void calls.push(`${id} begin ${title} ${percentage} ${message}`),
      report: (arg: number | string, message?: string) => void calls.push(`${id} report ${arg} ${message}`),
      done: () => void calls.push(`${id} done`),
    };
  };
}

test('scan progress: one report from begin to end, in percent and files; a new scan after the end is a new report', async () => {
  const calls: string[] = [];
  const progress = new ScanProgress(recordingProgress(calls), new RecordingLogger());
  progress.report(1, 2);
  progress.begin();
  progress.report(0, 0);
  progress.begin();
  progress.report(1, 3);
  progress.end();
  progress.end();
  await new Promise((resolve) => setImmediate(resolve));
  progress.begin();
  progress.end();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(calls, [
    '1 begin Reading certificates 0 looking for certificate files',
    '1 report 0 0 of 0 files',
    '1 report 33 1 of 3 files',
    '1 done',
    '2 begin Reading certificates 0 looking for certificate files',
    '2 done',
  ]);
});

test('scan progress the client refuses is logged once; reporting on it and ending it do nothing (no unhandled rejection)', async () => {
  const logger = new RecordingLogger();
  const progress = new ScanProgress(() => Promise.reject(new Error('no progress here')), logger);
  progress.begin();
  progress.report(1, 2);
  progress.end();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(logger.errors.length, 1);
  assert.match(logger.errors[0], /^Could not report the certificate scan progress: no progress here/);
});

const ROOTS: ScanRootOptions[] = [
  { uri: 'file:///work/a', kind: 'workspace', include: ['**/*.pem', 'pki/**'], maxFileSize: 1 },
  { uri: 'file:///work/b', kind: 'workspace', include: ['**/*.pem'], maxFileSize: 1 },
  { uri: 'file:///etc/pki', kind: 'certificatePath', maxFileSize: 1 },
];

test('watchers: the workspace globs once each (plain patterns); an outside folder only where relative patterns are supported', () => {
  assert.deepEqual(watchersFor(ROOTS, true), [
    { globPattern: { baseUri: 'file:///etc/pki', pattern: '**/*' } },
    { globPattern: '**/*.pem' },
    { globPattern: 'pki/**' },
  ]);
  assert.deepEqual(watchersFor(ROOTS, false), [{ globPattern: '**/*.pem' }, { globPattern: 'pki/**' }]);
  assert.deepEqual(watchersFor([], true), []);
});

test('one registration at a time: new roots replace it, no roots register nothing, dispose drops it', async () => {
  const registered: FileSystemWatcher[][] = [];
  const disposed: number[] = [];
  const watchers = new CertificateWatchers({
    register: async (list) => {
      const id = registered.push(list);
      return { dispose: () => void disposed.push(id) };
    },
    relativePatterns: false,
    logger: new RecordingLogger(),
  });
  watchers.watch(ROOTS);
  watchers.watch(ROOTS.slice(0, 1));
  watchers.watch(ROOTS.slice(2));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(registered, [watchersFor(ROOTS, false), watchersFor(ROOTS.slice(0, 1), false)]);
  assert.deepEqual(disposed, [1, 2]);
  watchers.watch(ROOTS);
  watchers.dispose();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(disposed, [1, 2, 3]);
});

test('a client that cannot register watchers is asked nothing; a refused registration is logged', async () => {
  const silent = new CertificateWatchers({
    register: undefined,
    relativePatterns: true,
    logger: new RecordingLogger(),
  });
  silent.watch(ROOTS);
  silent.dispose();
  const logger = new RecordingLogger();
  const refused = new CertificateWatchers({
    register: () => Promise.reject(new Error('not allowed')),
    relativePatterns: true,
    logger,
  });
  refused.watch(ROOTS);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(logger.errors.length, 1);
  assert.match(logger.errors[0], /^Could not register the certificate file watchers: not allowed/);
  refused.dispose();
});
