// No processes, no writes (docs/ARCHITECTURE.md, "Invariants"): the built server runs under Node 20's permission model with
// nothing but reading allowed (`--experimental-permission --allow-fs-read=*`: no child process,
// no worker, no file written) over the fixture cluster PKI as its workspace, and does its whole
// job: the background inventory scan, diagnostics and hovers on a manifest and on a PEM file, the
// preview, the decoded view. Anything it tried beyond reading would throw ERR_ACCESS_DENIED.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { HoverRequest, MessageType, type Hover } from 'vscode-languageserver-protocol/node';
import type { DecodeResult, PreviewResult } from '../../server/src/protocol';
import { rangeOf, SERVER_PATH, startForTest } from '../protocol/lspClient';
import { findRoot } from '../robustness/repoRoot';

const PERMISSIONS = ['--experimental-permission', '--allow-fs-read=*'];
const CLUSTER = join(findRoot(), 'test', 'fixtures', 'cluster-pki');

test('the permission flags do refuse writes, processes and workers on this Node (else the next test proves nothing)', () => {
  const attempts = {
    write: `require('fs').writeFileSync(${JSON.stringify(join(tmpdir(), 'renew-revocation-permission-probe'))}, 'x')`,
    process: `require('child_process').spawnSync(process.execPath, ['--version'])`,
    worker: `new (require('worker_threads').Worker)('0', { eval: true })`,
  };
  for (const [what, code] of Object.entries(attempts)) {
    const result = spawnSync(process.execPath, [...PERMISSIONS, '-e', code], { encoding: 'utf8', timeout: 30_000 });
    assert.notEqual(result.status, 0, `${what} was allowed`);
    assert.match(result.stderr, /ERR_ACCESS_DENIED/, `${what}: ${result.stderr}`);
  }
});

test(
  'under the permission model the server scans, diagnoses, hovers, previews and decodes the fixture cluster',
  { timeout: 120_000 },
  async (t) => {
    const client = await startForTest(t, {
      command: { file: process.execPath, args: [...PERMISSIONS, SERVER_PATH, '--stdio'] },
      workspaceFolders: [pathToFileURL(CLUSTER).toString()],
      workDoneProgress: true,
      configuration: true,
      settings: {},
    });
    await client.waitForProgressEnds(1, 60_000);

    // A manifest: diagnostics (the inventory's among them) and a hover on a serial.
    const manifestPath = join(CLUSTER, 'manifests', 'revoke-leaked-admin.yaml');
    const manifest = readFileSync(manifestPath, 'utf8');
    const manifestUri = pathToFileURL(manifestPath).toString();
    await client.open(manifestUri, manifest);
    const published = await client.waitForDiagnostics(manifestUri, undefined, 0);
    assert.ok(Array.isArray(published.diagnostics));
    const serial = rangeOf(manifest, '2a0d');
    const serialHover = await client.request<Hover | null>(HoverRequest.method, {
      textDocument: { uri: manifestUri },
      position: serial.start,
    });
    assert.ok(serialHover && typeof serialHover.contents === 'object' && 'value' in serialHover.contents);
    assert.match(serialHover.contents.value, /2a:0d/);

    // The preview reads the inventory the scan built from the workspace's files.
    const preview = await client.request<PreviewResult | null>('renewRevocation/preview', {
      textDocument: { uri: manifestUri },
    });
    assert.ok(
      preview && preview.certificatesScanned > 0,
      `the inventory holds certificates: ${JSON.stringify(preview?.certificatesScanned)}`,
    );
    assert.ok(preview.revoked.length > 0, 'the leaked admin certificate is revoked');

    // A PEM file: its certificate's hover.
    const pemPath = join(CLUSTER, 'pki', 'ca.crt');
    const pemUri = pathToFileURL(pemPath).toString();
    await client.open(pemUri, readFileSync(pemPath, 'utf8'), 'pem');
    await client.waitForDiagnostics(pemUri);
    const pemHover = await client.request<Hover | null>(HoverRequest.method, {
      textDocument: { uri: pemUri },
      position: { line: 1, character: 4 },
    });
    assert.ok(pemHover && typeof pemHover.contents === 'object' && 'value' in pemHover.contents);
    assert.match(pemHover.contents.value, /\*\*Certificate\*\*/);

    // The decoded view of a binary DER file, handed over as bytes.
    const der = readFileSync(join(CLUSTER, 'der', 'front-proxy-client.der'));
    const decoded = await client.request<DecodeResult>('renewRevocation/decode', {
      uri: pathToFileURL(join(CLUSTER, 'der', 'front-proxy-client.der')).toString(),
      base64: der.toString('base64'),
    });
    assert.match(decoded.text, /front-proxy-client/);

    assert.ok(client.alive, 'the server is still running');
    // Node says that the permission model is experimental (on stderr, which the server also logs);
    // anything else there is a problem.
    const notice =
      /^\(node:\d+\) ExperimentalWarning: Permission is an experimental feature.*(\n\(Use `node --trace-warnings.*)?\n?/m;
    assert.equal(client.stderr.replace(notice, ''), '');
    assert.deepEqual(
      client.logs
        .filter((log) => log.type === MessageType.Error && !notice.test(log.message))
        .map((log) => log.message),
      [],
    );
    assert.equal(await client.shutdown(), 0);
  },
);

test('under the permission model the command line lints, decodes and previews the fixture cluster', () => {
  const cli = join(findRoot(), 'bin', 'renew-revocation.js');
  const runs: Array<{ args: string[]; status: number; says: RegExp }> = [
    {
      args: ['lint', 'manifests', '--certs', 'pki', '--certs', 'kubelet'],
      status: 0,
      says: /matches 1 CA certificate of the inventory/,
    },
    { args: ['decode', '--format', 'json', 'pki', 'der'], status: 0, says: /"kind": "certificate"/ },
    {
      args: [
        'preview',
        'manifests/revoke-leaked-admin.yaml',
        '--certs',
        'pki',
        'kubelet',
        'kubeconfig',
        '--format',
        'csv',
      ],
      status: 0,
      says: /serialNumber/,
    },
  ];
  for (const { args, status, says } of runs) {
    const result = spawnSync(process.execPath, [...PERMISSIONS, cli, ...args], {
      cwd: CLUSTER,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const what = `renew-revocation ${args.join(' ')}`;
    assert.doesNotMatch(result.stderr, /ERR_ACCESS_DENIED/, `${what}: ${result.stderr}`);
    assert.match(result.stdout, says, `${what}: ${result.stdout.slice(0, 500)}${result.stderr}`);
    assert.equal(result.status, status, `${what}: ${result.stderr}`);
  }
});
