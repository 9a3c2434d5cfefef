// The preview webview (docs/ARCHITECTURE.md, "Invariants"): its page and its exports (Markdown, CSV, JSON) of a preview
// over the secrets corpus hold no key material, and nothing in the page or its script reaches
// for a remote origin: the CSP allows none, no URL but the extension's own resources, no fetch.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { renderPreviewPage } from '../../client/src/preview/previewHtml';
import { EXPORT_FORMATS, previewExportText } from '../../client/src/preview/previewExportText';
import type { PreviewResult } from '../../server/src/protocol';
import { CertificateInventory } from '../../server/src/service/inventory/inventory';
import { readCertificateFile } from '../../server/src/service/inventory/readCertificateFile';
import { createLanguageService } from '../../server/src/service/languageService';
import { assertNoKeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { findRoot } from '../robustness/repoRoot';
import { makeSecretsCorpus } from './secretsCorpus';

const corpus = makeSecretsCorpus();
after(() => corpus.remove());
const NOW = new Date('2030-06-15T00:00:00Z');

function corpusPreview(): PreviewResult {
  const inventory = new CertificateInventory();
  for (const file of corpus.files)
    inventory.setFile(join(corpus.folder, file.name), readCertificateFile(file.name, new Uint8Array(file.bytes)));
  const service = createLanguageService({ now: () => NOW });
  const manifest = corpus.files.find((file) => file.name === corpus.manifest)!;
  const model = service.parse(manifest.bytes.toString('utf8'), 'yaml');
  const preview = service.previewRevocation(model, { snapshot: inventory.snapshot() });
  return {
    ...preview,
    uri: `file:///secrets/${corpus.manifest}`,
    documentVersion: 1,
    inventoryVersion: inventory.version,
    scanning: false,
    entryLocations: service.previewEntryLocations(model, preview),
    keptTotal: preview.kept.length,
    keptOffset: 0,
  };
}

const OPTIONS = {
  manifestName: corpus.manifest,
  cspSource: 'vscode-webview://test-origin',
  nonce: 'n0nce',
  scriptUri: 'vscode-webview://test-origin/media/preview/preview.js',
  styleUri: 'vscode-webview://test-origin/media/preview/preview.css',
};

test('the preview page and every export of a preview beside keys hold no key material', () => {
  const preview = corpusPreview();
  assert.ok(preview.certificatesScanned >= 5, 'the corpus certificates are in the preview');
  const outputs = [
    renderPreviewPage(preview, OPTIONS),
    ...EXPORT_FORMATS.map((format) =>
      previewExportText(preview, format, { manifestName: corpus.manifest, now: NOW, expiryWarningDays: 30 }),
    ),
  ];
  for (const output of outputs) assertNoKeyMaterial(output, corpus.material, 'the preview page or an export');
});

test('the preview page reaches for no remote origin: CSP without hosts, only the extension resources, a script without network calls', () => {
  const page = renderPreviewPage(corpusPreview(), OPTIONS);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
  assert.ok(csp, 'a CSP');
  assert.match(csp, /^default-src 'none';/);
  assert.doesNotMatch(csp, /https?:|\*|data:|'unsafe-inline'|'unsafe-eval'/);
  const urls = [...page.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
  assert.ok(urls.length > 0);
  for (const url of urls)
    assert.ok(
      url.startsWith('vscode-webview://test-origin/') || url.startsWith('#'),
      `a URL outside the extension: ${url}`,
    );
  for (const name of ['preview.js', 'timeline.js']) {
    const script = readFileSync(join(findRoot(), 'media', 'preview', name), 'utf8');
    assert.doesNotMatch(script, /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|https?:\/\/|import\s*\(/, name);
  }
});
