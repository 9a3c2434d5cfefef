// The preview's exports (client/src/preview/previewExportText.ts): the CLI's own Markdown, CSV and
// JSON formatters over the server's answer, so an export from the editor reads like
// `renew-revocation preview --format …`; no key material; the viewer's fields stay out of JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isExportFormat, previewExportText, previewOnly } from '../../../client/src/preview/previewExportText';
import { createLanguageService } from '../../../server/src/service/languageService';
import { formatPreviewMarkdown } from '../../../server/src/service/preview/formatMarkdown';
import { buildReport, entryLinesOf } from '../../../server/src/service/preview/previewReport';
import { assertNoKeyMaterial, fixtureKeyMaterial } from '../x509/helpers/keyMaterial';
import { FIXTURE_NOW } from '../x509/helpers/fixturePki';
import { MANIFEST, makePreview } from './previewFixture';

const preview = makePreview();
const options = { manifestName: 'manifests/revoke.yaml', now: FIXTURE_NOW, expiryWarningDays: 30 };

test('JSON: the preview of the README, "Command line" as the CLI prints it, without the viewer fields', () => {
  const text = previewExportText(preview, 'json', options);
  const parsed = JSON.parse(text) as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed), [
    'certificatesScanned',
    'entries',
    'revoked',
    'notRevocable',
    'kept',
    'notes',
    'problems',
  ]);
  assert.deepEqual(parsed, JSON.parse(JSON.stringify(previewOnly(preview))));
  assert.ok(text.endsWith('}\n'));
});

test('Markdown: the same text as the CLI report of the same manifest (entry lines from the server)', () => {
  const text = previewExportText(preview, 'markdown', options);
  const service = createLanguageService({ now: () => FIXTURE_NOW });
  const model = service.parse(MANIFEST, 'yaml');
  const cli = formatPreviewMarkdown(
    buildReport(
      'manifests/revoke.yaml',
      entryLinesOf(model, previewOnly(preview)),
      previewOnly(preview),
      FIXTURE_NOW,
      30,
    ),
  );
  assert.equal(text, cli);
  assert.ok(text.startsWith('# Revocation preview of `manifests/revoke.yaml`\n'));
  assert.ok(text.includes('This preview covers the'));
  for (const certificate of preview.revoked)
    assert.ok(text.includes(`\`${certificate.serialNumber}\``), certificate.subject);
});

test('CSV: a row per certificate with its status, notes first', () => {
  const text = previewExportText(preview, 'csv', options);
  const lines = text.split('\r\n');
  assert.equal(
    lines[0],
    'status,serialNumber,commonName,subject,issuer,organizations,notBefore,notAfter,expiry,isCA,dnsNames,ipAddresses,sha256Fingerprint,sources,entries,note',
  );
  assert.ok(lines[1].startsWith('note,'));
  const status = (word: string) => lines.filter((line) => line.startsWith(`${word},`)).length;
  assert.equal(status('revoked'), preview.revoked.length);
  assert.equal(status('not-revocable'), preview.notRevocable.length);
  assert.equal(status('kept'), preview.kept.length);
});

test('no export holds key material', () => {
  const material = fixtureKeyMaterial();
  for (const format of ['markdown', 'csv', 'json'] as const)
    assertNoKeyMaterial(previewExportText(preview, format, options), material, `the ${format} export`);
});

test('export formats are the three the page offers', () => {
  assert.deepEqual(['markdown', 'csv', 'json', 'text', 'html'].map(isExportFormat), [true, true, true, false, false]);
});
