// The bench's generators make what the bench says it measures: certificates that decode to the
// population's facts and are really signed by one key, the same bytes on every run, and manifests
// with every kind of mistake and probes that sit where the measurements expect them.
import assert from 'node:assert/strict';
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { benchSigner, certificateDer } from '../../bench/generate/certificates';
import { editedText, generateManifest } from '../../bench/generate/manifests';
import { certificateFacts, roleOf } from '../../bench/generate/population';
import { createLanguageService, parseFile } from '../../server/src/service/index';
import { readCertificateSummary } from '../../server/src/service/x509/leanCertificate';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const signer = benchSigner();
// One index of every role: kubelet client and serving, service, user (one with system:masters), etcd, CA.
const SAMPLE = [0, 6, 8, 16, 116, 39, 1019, 65_575];

test('every role of the population decodes to the facts it was made from', () => {
  assert.deepEqual([...new Set(SAMPLE.map(roleOf))].sort(), [
    'ca',
    'etcd',
    'kubelet-client',
    'kubelet-serving',
    'service',
    'user',
  ]);
  for (const index of SAMPLE) {
    const facts = certificateFacts(index);
    const summary = readCertificateSummary(certificateDer(facts, signer), sha256);
    assert.ok(!('error' in summary), `certificate ${index} decodes`);
    assert.equal(summary.serialNumber, facts.serialHex);
    assert.equal(summary.commonName, facts.commonName);
    assert.deepEqual(summary.organizations, facts.organizations);
    assert.deepEqual(summary.dnsNames, facts.dnsNames);
    assert.deepEqual(
      summary.ipAddresses,
      facts.ipAddresses.map((ip) => ip.text),
    );
    assert.equal(summary.notBefore, facts.notBefore.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    assert.equal(summary.isCA, facts.isCA);
    assert.deepEqual(summary.extendedKeyUsage, facts.extendedKeyUsage);
  }
});

test('one Ed25519 key signs every certificate, and the same index gives the same bytes', () => {
  const publicKey = createPublicKey(signer.key);
  for (const index of SAMPLE) {
    const der = certificateDer(certificateFacts(index), signer);
    assert.ok(new X509Certificate(der).verify(publicKey), `certificate ${index} verifies`);
    assert.deepEqual(certificateDer(certificateFacts(index), benchSigner()), der);
  }
  assert.notEqual(certificateFacts(1).serialHex, certificateFacts(2).serialHex);
});

test('a 1,000-entry manifest carries every kind of mistake the bench promises, and no YAML syntax error', () => {
  const manifest = generateManifest({ entries: 1000 });
  assert.equal(generateManifest({ entries: 1000 }).text, manifest.text);
  const codes = new Set(
    createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') })
      .doValidation(parseFile(manifest.text))
      .map((d) => d.code),
  );
  for (const code of [
    'schema',
    'serial-invalid',
    'ip-invalid',
    'dns-invalid',
    'unknown-field',
    'not-before-invalid',
    'serial-number-type',
    'kind-case',
    'missing-not-before',
    'duplicate-entry',
  ]) {
    assert.ok(codes.has(code), `the manifest has a ${code} diagnostic`);
  }
  assert.ok(!codes.has('yaml-syntax'));
});

test('the probes sit on the middle entry: the edit swaps one hex digit of its serial, the code action range is a Group value with a warning', () => {
  const manifest = generateManifest({ entries: 1000 });
  const lines = manifest.text.split('\n');
  const { edit, hover, completion, valueRange, codeActionRange } = manifest.probes;
  assert.match(lines[completion.line], /^ {4}kind: serialnumber$/);
  assert.equal(completion.character, lines[completion.line].indexOf('serialnumber'));
  const serialLine = lines[valueRange.start.line];
  assert.match(serialLine.slice(valueRange.start.character, valueRange.end.character), /^"?[0-9a-f]{8,}"?$/);
  assert.equal(hover.line, valueRange.start.line);
  assert.equal(serialLine[edit.position.character], edit.original);
  assert.match(edit.replacement, /^[0-9a-f]$/);
  assert.notEqual(edit.replacement, edit.original);
  const edited = editedText(manifest, { edit: 1 }).split('\n');
  assert.equal(edited.filter((line, i) => line !== lines[i]).length, 1);
  assert.equal(edited[edit.position.line][edit.position.character], edit.replacement);
  assert.equal(editedText(manifest, { edit: 2 }), manifest.text);

  assert.match(lines[codeActionRange.start.line], /^ {4}group: team-\d+$/);
  const diagnostics = createLanguageService().doValidation(parseFile(manifest.text));
  const there = diagnostics.filter(
    (d) =>
      d.range.start.line === codeActionRange.start.line && d.range.start.character === codeActionRange.start.character,
  );
  assert.ok(there.some((d) => d.code === 'missing-not-before'));
});

test('the findings-dense manifest: about two in three entries carry a finding, of several codes, some with quick fixes; the description probe swaps one letter', () => {
  const manifest = generateManifest({ entries: 3000, findings: 'dense' });
  const service = createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') });
  const model = parseFile(manifest.text);
  const diagnostics = service.doValidation(model);
  const entryLines = new Set(diagnostics.map((d) => d.range.start.line));
  const entries = manifest.text.split('\n').filter((line) => line.startsWith('  - ')).length;
  assert.equal(entries, 3000);
  const withFinding = model.manifests[0].entries.filter((entry) => {
    const first = model.lineIndex.positionAt(entry.start).line;
    const last = model.lineIndex.positionAt(entry.end).line;
    for (let line = first; line <= last; line++) if (entryLines.has(line)) return true;
    return false;
  }).length;
  assert.ok(withFinding > 3000 * 0.6 && withFinding < 3000 * 0.75, `${withFinding} of 3000 entries have a finding`);
  const codes = new Set(diagnostics.map((d) => d.code));
  for (const code of [
    'missing-not-before',
    'serial-not-canonical',
    'serial-number-type',
    'unknown-field',
    'duplicate-entry',
  ])
    assert.ok(codes.has(code), `${code} among ${[...codes].join(', ')}`);
  const { descriptionEdit } = manifest.probes;
  const lines = manifest.text.split('\n');
  assert.match(lines[descriptionEdit.position.line], /^ {2}- description: The entry the benchmark edits/);
  assert.equal(lines[descriptionEdit.position.line][descriptionEdit.position.character], descriptionEdit.original);
  const edited = editedText(manifest, { descriptionEdit: 1, edit: 1 }).split('\n');
  assert.equal(edited.filter((line, i) => line !== lines[i]).length, 2);
  assert.equal(edited[descriptionEdit.position.line][descriptionEdit.position.character], descriptionEdit.replacement);
});
