// Lists as the cluster prints them (test/fixtures/kubectl, written by kubectl): `kubectl get
// renewrevocations -o yaml|json` (a v1 List, managedFields shown) and the API's own
// RenewRevocationList (YAML, and the compact one-line JSON of `kubectl get --raw`). Every item is
// linted and previewed as a manifest, findings sit inside the item and name it; what the API
// server adds to an object never warns; a List of Secrets, ConfigMaps and CSRs stays a source of
// certificates.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import type { LintRecord } from '../../server/src/cli/lint/formatJson';
import { ROOT, runCli, tempFolder } from './cliHarness';
import { sarifValidator } from './sarifValidator';

const KUBECTL = join(ROOT, 'test', 'fixtures', 'kubectl');
const PKI = join(ROOT, 'test', 'fixtures', 'pki');
const NOW = ['--now', '2026-12-05T00:00:00Z'];

function lintJson(file: string): { status: number | null; records: LintRecord[] } {
  const run = runCli(['lint', ...NOW, '--format', 'json', file], { cwd: KUBECTL });
  assert.equal(run.stderr, '');
  return { status: run.status, records: JSON.parse(run.stdout) as LintRecord[] };
}

/** The text a record's range covers in the fixture. */
function covered(file: string, record: LintRecord): string {
  const text = readFileSync(join(KUBECTL, file), 'utf8');
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(record.range.start), lines.offsetAt(record.range.end));
}

/** What each item holds, the same in every List fixture: item 1 the dangerous one, item 2 a kind in the wrong case. */
const EXPECTED = [
  {
    code: 'missing-not-before',
    severity: 'warning',
    text: 'system:nodes',
    document: 1,
    item: 1,
    name: 'revoke-nodes',
    namespace: 'kube-system',
  },
  {
    code: 'broad-revocation',
    severity: 'warning',
    text: 'system:nodes',
    document: 1,
    item: 1,
    name: 'revoke-nodes',
    namespace: 'kube-system',
  },
  {
    code: 'serial-invalid',
    severity: 'error',
    text: 'zz-not-hex',
    document: 1,
    item: 1,
    name: 'revoke-nodes',
    namespace: 'kube-system',
  },
  {
    code: 'kind-case',
    severity: 'warning',
    text: 'serialNumber',
    document: 2,
    item: 2,
    name: 'revoke-admin',
    namespace: 'default',
  },
];

/** Where those findings start (one-based line:column), per fixture. */
const POSITIONS: Record<string, string[]> = {
  'renewrevocations-list.yaml': ['74:14', '74:14', '78:21', '111:13'],
  'renewrevocations-list.json': ['102:34', '102:34', '108:41', '156:33'],
  'renewrevocationlist.yaml': ['74:14', '74:14', '78:21', '111:13'],
  'renewrevocationlist.json': ['1:2920', '1:2920', '1:3027', '1:4160'],
};

for (const [file, positions] of Object.entries(POSITIONS)) {
  test(`lint --format json on ${file}: every item checked, findings inside the item and naming it, exit 1`, () => {
    const { status, records } = lintJson(file);
    assert.equal(status, 1);
    const quote = file.endsWith('.json') ? '"' : '';
    assert.deepEqual(
      records.map((record) => ({
        code: record.code,
        severity: record.severity,
        text: covered(file, record),
        document: record.document,
        item: record.item,
        name: record.name,
        namespace: record.namespace,
      })),
      EXPECTED.map((expected) => ({ ...expected, text: `${quote}${expected.text}${quote}` })),
    );
    assert.deepEqual(
      records.map((record) => `${record.range.start.line + 1}:${record.range.start.character + 1}`),
      positions,
    );
    assert.ok(records.every((record) => record.file === file));
  });
}

test('lint text on a List: each item with findings is named as kubectl names it, the summary counts them all', () => {
  const run = runCli(['lint', ...NOW, 'renewrevocations-list.yaml'], { cwd: KUBECTL });
  assert.equal(run.status, 1);
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], 'renewrevocations-list.yaml');
  assert.equal(lines[1], '  item 1: kube-system/revoke-nodes');
  assert.match(lines[2], /^ {2}74:14 {3}warning {2}This Group entry has no `notBefore`.* missing-not-before$/);
  assert.match(lines[3], /^ {2}74:14 {3}warning {2}Revoking group `system:nodes`.* broad-revocation$/);
  assert.match(lines[4], /^ {2}78:21 {3}error {4}The serial number `zz-not-hex` is not hexadecimal.* serial-invalid$/);
  assert.equal(lines[5], '  item 2: default/revoke-admin');
  assert.match(
    lines[6],
    /^ {2}111:13 {2}warning {2}Kind `serialNumber` matches `serialnumber` only when case is ignored.* kind-case$/,
  );
  assert.equal(lines[7], '');
  assert.equal(lines[8], '4 problems (1 error, 3 warnings, 0 infos)');
  assert.equal(lines.length, 10);
});

test('lint --format sarif on the API list as one line of JSON: regions on line 1 inside the items, the item in the properties', () => {
  const run = runCli(['lint', ...NOW, '--format', 'sarif', 'renewrevocationlist.json'], { cwd: KUBECTL });
  assert.equal(run.status, 1);
  const log = JSON.parse(run.stdout);
  const validate = sarifValidator();
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  const results = log.runs[0].results as Array<{
    ruleId: string;
    properties: unknown;
    locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number; endColumn: number } } }>;
  }>;
  assert.deepEqual(
    results.map((result) => [result.ruleId, result.locations[0].physicalLocation.region, result.properties]),
    [
      [
        'missing-not-before',
        { startLine: 1, startColumn: 2920, endLine: 1, endColumn: 2934 },
        { document: 1, item: 1, name: 'revoke-nodes', namespace: 'kube-system' },
      ],
      [
        'broad-revocation',
        { startLine: 1, startColumn: 2920, endLine: 1, endColumn: 2934 },
        { document: 1, item: 1, name: 'revoke-nodes', namespace: 'kube-system' },
      ],
      [
        'serial-invalid',
        { startLine: 1, startColumn: 3027, endLine: 1, endColumn: 3039 },
        { document: 1, item: 1, name: 'revoke-nodes', namespace: 'kube-system' },
      ],
      [
        'kind-case',
        { startLine: 1, startColumn: 4160, endLine: 1, endColumn: 4174 },
        { document: 2, item: 2, name: 'revoke-admin', namespace: 'default' },
      ],
    ],
  );
});

test('what the API server adds (uid, resourceVersion, generation, creationTimestamp, managedFields, status, last-applied) never warns', () => {
  // Item 0 of the List is clean as applied and carries all of it (managedFields shown).
  for (const file of Object.keys(POSITIONS))
    assert.ok(
      lintJson(file).records.every((record) => record.item !== 0),
      file,
    );
  // One object as `kubectl get renewrevocation revoke-nodes -o yaml` prints it: its entries' findings, nothing about metadata.
  const single = lintJson('revoke-nodes-live.yaml');
  assert.equal(single.status, 1);
  assert.deepEqual(
    single.records.map((record) => [
      record.code,
      `${record.range.start.line + 1}:${record.range.start.character + 1}`,
      record.document,
      record.item,
      record.name,
    ]),
    [
      ['missing-not-before', '17:12', 0, null, 'revoke-nodes'],
      ['broad-revocation', '17:12', 0, null, 'revoke-nodes'],
      ['serial-invalid', '21:19', 0, null, 'revoke-nodes'],
    ],
  );
});

test('a RenewRevocationList needs a list of RenewRevocation objects in `items`; a v1 List of other kinds is not a manifest', () => {
  const head =
    'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocationList\nmetadata:\n  resourceVersion: "1"\n';
  const cwd = tempFolder({
    'no-items.yaml': head,
    'scalar-item.yaml': `${head}items:\n- just a string\n`,
    'not-a-list.yaml': `${head}items: {}\n`,
    'configmaps.yaml':
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    a: b\n  kind: ConfigMap\n  metadata:\n    name: x\nkind: List\nmetadata:\n  resourceVersion: ""\n',
  });
  const run = runCli(
    ['lint', ...NOW, '--format', 'json', 'no-items.yaml', 'scalar-item.yaml', 'not-a-list.yaml', 'configmaps.yaml'],
    { cwd },
  );
  assert.equal(run.status, 1);
  const records = JSON.parse(run.stdout) as LintRecord[];
  assert.deepEqual(
    records.map((record) => [record.file, record.code, record.range, record.message, record.document, record.item]),
    [
      [
        'no-items.yaml',
        'schema',
        { start: { line: 1, character: 6 }, end: { line: 1, character: 25 } },
        'Missing required field `items`: a RenewRevocationList holds its RenewRevocation objects in `items`',
        null,
        null,
      ],
      [
        'scalar-item.yaml',
        'schema',
        { start: { line: 5, character: 2 }, end: { line: 5, character: 15 } },
        'Each item of `items` must be a RenewRevocation object (a mapping with `apiVersion`, `kind`, `metadata` and `spec`)',
        null,
        null,
      ],
      [
        'not-a-list.yaml',
        'schema',
        { start: { line: 4, character: 7 }, end: { line: 4, character: 9 } },
        '`items` must be a list of RenewRevocation objects',
        null,
        null,
      ],
    ],
  );
});

function fingerprint(name: string): string {
  return new X509Certificate(readFileSync(join(PKI, name))).fingerprint256.replace(/:/g, '').toLowerCase();
}

const CERTS = [
  'leaf-server.crt',
  'expired.crt',
  'kubelet-client.crt',
  'admin-client.crt',
  'kubelet-serving.crt',
  'root-ca.crt',
];

for (const file of ['renewrevocations-list.yaml', 'renewrevocations-list.json', 'renewrevocationlist.json']) {
  test(`preview --format json of ${file}: the union of the items' entries, each entry naming its item`, () => {
    const run = runCli(
      [
        'preview',
        ...NOW,
        file,
        '--certs',
        ...CERTS.map((name) => join(PKI, name)),
        '--format',
        'json',
        '--fail-on',
        'any',
      ],
      { cwd: KUBECTL },
    );
    assert.equal(run.status, 1, run.stderr);
    const preview = JSON.parse(run.stdout);
    assert.deepEqual(
      preview.entries.map((entry: Record<string, unknown>) => [
        entry.document,
        entry.index,
        entry.item,
        entry.name,
        entry.namespace,
        entry.kind,
        entry.value,
      ]),
      [
        [0, 0, 0, 'revoke-retired', 'kube-system', 'serialnumber', '7f0102030405060708090a0b0c0d0e0f10111213'],
        [0, 1, 0, 'revoke-retired', 'kube-system', 'IP', '10.0.0.1'],
        [1, 0, 1, 'revoke-nodes', 'kube-system', 'Group', 'system:nodes'],
        [1, 1, 1, 'revoke-nodes', 'kube-system', 'serialnumber', 'zz-not-hex'],
        [2, 0, 2, 'revoke-admin', 'default', 'serialNumber', '2a'],
      ],
    );
    const revoked = (preview.revoked as Array<{ sha256Fingerprint: string; entries: unknown[] }>).map(
      (certificate): [string, unknown[]] => [certificate.sha256Fingerprint, certificate.entries],
    );
    assert.deepEqual(
      new Map(revoked),
      new Map([
        [fingerprint('leaf-server.crt'), [{ document: 0, index: 0 }]],
        [fingerprint('expired.crt'), [{ document: 0, index: 1 }]],
        [fingerprint('kubelet-client.crt'), [{ document: 1, index: 0 }]],
        [fingerprint('admin-client.crt'), [{ document: 2, index: 0 }]],
      ]),
    );
    assert.deepEqual(
      preview.notRevocable.map((certificate: { sha256Fingerprint: string }) => certificate.sha256Fingerprint),
      [fingerprint('kubelet-serving.crt')],
    );
    assert.deepEqual(
      preview.kept.map((certificate: { sha256Fingerprint: string }) => certificate.sha256Fingerprint),
      [fingerprint('root-ca.crt')],
    );
  });
}

test('preview text of a List names the item of each entry', () => {
  const run = runCli(['preview', ...NOW, 'renewrevocations-list.yaml', '--certs', join(PKI, 'kubelet-client.crt')], {
    cwd: KUBECTL,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(
    run.stdout,
    /^ {2}#3 {2}line 73, item 1: kube-system\/revoke-nodes {2}Group system:nodes {2}no notBefore$/m,
  );
  assert.match(
    run.stdout,
    /^ {2}#5 {2}line 110, item 2: default\/revoke-admin {2}serialNumber 2a {2}notBefore 2026-01-01T00:00:00Z$/m,
  );
});

test('a List of a Secret, a ConfigMap and an issued CSR (kubectl output) is no manifest, and feeds the inventory', () => {
  // Not a manifest: without --allow-no-manifest the lint gate refuses it (nothing was checked).
  const refused = runCli(['lint', '--now', '2030-01-01T00:00:00Z', 'inventory-list.yaml'], { cwd: KUBECTL });
  assert.equal(refused.status, 2);
  const lint = runCli(
    ['lint', '--now', '2030-01-01T00:00:00Z', '--format', 'json', '--allow-no-manifest', 'inventory-list.yaml'],
    { cwd: KUBECTL },
  );
  assert.equal(lint.status, 0);
  assert.deepEqual(JSON.parse(lint.stdout), []);
  const run = runCli(
    ['preview', ...NOW, 'renewrevocations-list.yaml', '--certs', 'inventory-list.yaml', '--format', 'json'],
    { cwd: KUBECTL },
  );
  assert.equal(run.status, 0, run.stderr);
  const preview = JSON.parse(run.stdout);
  assert.equal(preview.certificatesScanned, 3);
  const where = (certificates: Array<{ sha256Fingerprint: string; sources: string[] }>) =>
    certificates.map((certificate) => [certificate.sha256Fingerprint, certificate.sources]);
  // The ConfigMap's API server certificate and the CSR's kubelet client certificate are revoked; the Secret's CA is kept.
  assert.deepEqual(where(preview.revoked), [
    [fingerprint('leaf-server.crt'), ['inventory-list.yaml']],
    [fingerprint('kubelet-client.crt'), ['inventory-list.yaml']],
  ]);
  assert.deepEqual(where(preview.kept), [[fingerprint('root-ca.crt'), ['inventory-list.yaml']]]);
});
