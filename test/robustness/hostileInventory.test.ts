// The server's certificate inventory over a workspace full of what should not be read, or not
// whole: a 50 MiB `.pem`, binary garbage named `.crt`, broken PEM, a FIFO named `.pem` (reading
// it would wait for a writer forever), a link to /dev/zero (it never ends), a link loop, folders
// nested 200 deep. The scan must end (a hang guard catches it if it does not), say which file
// was too large, and keep the one good certificate. POSIX only (FIFOs, /dev/zero).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { MessageType } from 'vscode-languageserver-protocol/node';
import type { PreviewResult } from '../../server/src/protocol';
import { startForTest } from '../protocol/lspClient';
import { HANG_LIMIT_MS } from './hangGuard';
import { fiftyMibPem, garbage } from './hostileCorpus';
import { findRoot } from './repoRoot';

const MANIFEST = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: hostile-workspace
spec:
  revocations:
  - kind: DNS
    dns: .cluster.local
    notBefore: "2030-01-01T00:00:00Z"
`;

test(
  'inventory: a workspace of hostile files is scanned to the end; the large file is named, the good certificate kept',
  { timeout: HANG_LIMIT_MS, skip: process.platform === 'win32' && 'FIFOs and /dev/zero are POSIX' },
  async (t) => {
    const folder = mkdtempSync(join(tmpdir(), 'renew-revocation-hostile-inventory-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    copyFileSync(join(findRoot(), 'test', 'fixtures', 'pki', 'leaf-server.crt'), join(folder, 'good.crt'));
    writeFileSync(join(folder, 'huge.pem'), fiftyMibPem());
    writeFileSync(join(folder, 'garbage.crt'), garbage(64 * 1024, 11));
    writeFileSync(join(folder, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nMIIB$$$\n-----END CERTIFICATE-----\n');
    execFileSync('mkfifo', [join(folder, 'fifo.pem')]);
    symlinkSync('/dev/zero', join(folder, 'zero.pem'));
    symlinkSync('.', join(folder, 'loop'));
    let deep = folder;
    for (let i = 0; i < 200; i++) deep = join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'deep.pem'), garbage(100, 12));
    writeFileSync(join(folder, 'manifest.yaml'), MANIFEST);

    const client = await startForTest(t, {
      workspaceFolders: [pathToFileURL(folder).toString()],
      workDoneProgress: true,
      configuration: true,
      settings: {},
    });
    await client.waitForProgressEnds(1, HANG_LIMIT_MS);
    const uri = pathToFileURL(join(folder, 'manifest.yaml')).toString();
    await client.open(uri, MANIFEST);
    const preview = await client.request<PreviewResult | null>('renewRevocation/preview', { textDocument: { uri } });
    assert.ok(preview);
    assert.equal(preview.certificatesScanned, 1, 'only good.crt holds a certificate');
    assert.equal(preview.revoked.length + preview.keptTotal + preview.notRevocable.length, 1);
    const problems = preview.problems.map((problem) => `${problem.code} ${problem.path.split(/[\\/]/).pop()}`).sort();
    assert.ok(problems.includes('file-too-large huge.pem'), problems.join(', '));
    assert.ok(problems.includes('pem-invalid broken.pem'), problems.join(', '));
    assert.ok(
      !problems.some((problem) => /fifo|zero/.test(problem)),
      `special files are not files to read: ${problems.join(', ')}`,
    );
    assert.ok(client.alive);
    assert.deepEqual(
      client.logs.filter((log) => log.type === MessageType.Error).map((log) => log.message),
      [],
    );
  },
);
