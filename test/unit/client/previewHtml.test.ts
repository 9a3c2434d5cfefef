// The revocation preview webview's HTML (client/src/preview/previewHtml.ts), made from a real
// preview: the fixture PKI read through the inventory reader (keys included, which must never
// show), a manifest through the service, plus a certificate whose subject is an HTML injection.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { escapeHtml, renderPreviewBody, renderPreviewPage } from '../../../client/src/preview/previewHtml';
import type { PreviewResult } from '../../../server/src/protocol';
import { assertNoKeyMaterial, fixtureKeyMaterial } from '../x509/helpers/keyMaterial';
import { EVIL_SUBJECT_CN, makePreview } from './previewFixture';

const PAGE_OPTIONS = {
  manifestName: 'manifests/revoke<1>.yaml',
  cspSource: 'vscode-webview://test-origin',
  nonce: 'n0nceN0nce+/=',
  scriptUri: 'vscode-webview://test-origin/media/preview/preview.js',
  styleUri: 'vscode-webview://test-origin/media/preview/preview.css',
  displayPath: (path: string) => path.replace(/^.*\/fixtures\/pki\//, 'pki/'),
};

const preview = makePreview();
const page = renderPreviewPage(preview, PAGE_OPTIONS);

/** The HTML of one table, by id. */
function table(id: string): string {
  const start = page.indexOf(`<table id="${id}"`);
  assert.ok(start >= 0, `table ${id} is on the page`);
  return page.slice(start, page.indexOf('</table>', start) + '</table>'.length);
}

test('the fixture preview has something in every class (what the other tests read)', () => {
  assert.ok(preview.revoked.length >= 4, `revoked: ${preview.revoked.length}`);
  assert.ok(preview.notRevocable.length >= 1);
  assert.ok(preview.kept.length >= 3);
  assert.ok(preview.revoked.some((certificate) => certificate.commonName === EVIL_SUBJECT_CN));
});

test('a strict Content-Security-Policy: nothing but the nonce runs, styles only from the extension', () => {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
  assert.ok(csp, 'a CSP meta element');
  assert.equal(
    csp[1],
    `default-src 'none'; style-src vscode-webview://test-origin 'nonce-n0nceN0nce+/='; script-src 'nonce-n0nceN0nce+/=';`,
  );
  assert.ok(
    page.indexOf('Content-Security-Policy') < page.indexOf('<link'),
    'the CSP comes before anything it governs',
  );
  const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.deepEqual(
    scripts.map((match) => [match[1].trim(), match[2]]),
    [['nonce="n0nceN0nce+/=" src="vscode-webview://test-origin/media/preview/preview.js"', '']],
  );
  assert.equal((page.match(/<script/gi) ?? []).length, 1, 'no other script element, escaped or not');
  assert.doesNotMatch(page, /\son[a-z]+\s*=/i, 'no inline event handler');
  assert.doesNotMatch(page, /\sstyle\s*=/i, 'no inline style');
  assert.doesNotMatch(page, /<style/i, 'no style element');
  assert.doesNotMatch(page, /javascript:/i);
});

test('no remote content: no http: or https: anywhere in the page, its script or its style sheet', () => {
  assert.doesNotMatch(page, /https?:/i);
  const media = join(process.cwd(), 'media', 'preview');
  const files = readdirSync(media).sort();
  assert.deepEqual(files, ['preview.css', 'preview.js', 'timeline.css', 'timeline.js']);
  for (const name of files) {
    const text = readFileSync(join(media, name), 'utf8');
    assert.doesNotMatch(text, /https?:/i, name);
    assert.doesNotMatch(text, /@import|url\(/i, `${name} loads nothing else`);
    assert.doesNotMatch(text, /\beval\(|new Function|innerHTML\s*\+=|document\.write/, `${name} builds no code`);
  }
  // Colours come from the theme only.
  for (const name of ['preview.css', 'timeline.css']) {
    const css = readFileSync(join(media, name), 'utf8');
    assert.doesNotMatch(css, /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i, `no literal colour in ${name}`);
  }
});

test('every revoked certificate is a row of the revoked table, under real column headers', () => {
  const revoked = table('revoked-table');
  const headers = [
    ...revoked.matchAll(
      /<th scope="col" class="col-\w+" aria-sort="none" data-key="(\w+)"><button type="button" class="sort"[^>]*>([^<]+)</g,
    ),
  ].map((m) => [m[1], m[2]]);
  assert.deepEqual(headers, [
    ['subject', 'Subject'],
    ['serial', 'Serial'],
    ['issuer', 'Issuer'],
    ['notBefore', 'Not before'],
    ['notAfter', 'Not after'],
    ['source', 'Source'],
    ['entries', 'Entries'],
    ['revoke', 'Revoke'],
  ]);
  assert.match(revoked, /<caption>Revoked certificates: \d+ certificates\. Sort with the column buttons\.<\/caption>/);
  const rows = [...revoked.matchAll(/<tr data-fingerprint="([0-9a-f]{64})">([\s\S]*?)<\/tr>/g)];
  assert.deepEqual(
    rows.map((row) => row[1]),
    preview.revoked.map((certificate) => certificate.sha256Fingerprint),
  );
  for (const [row, certificate] of rows.map((match, i) => [match[2], preview.revoked[i]] as const)) {
    assert.ok(row.includes(`<code>${escapeHtml(certificate.subject)}</code>`), `subject of ${certificate.subject}`);
    // The serial: truncated to its cell, whole in its title and on focus (preview.css).
    assert.ok(
      new RegExp(
        `<td class="col-serial" data-sort="[0-9a-f]+"><code class="serial" tabindex="0" title="${certificate.serialNumber}">${certificate.serialNumber}</code></td>`,
      ).test(row),
      row,
    );
    assert.ok(row.includes(`<code>${escapeHtml(certificate.issuer)}</code>`));
    assert.ok(row.includes(`<td class="col-notBefore">${certificate.notBefore}</td>`));
    assert.ok(row.includes(`>${certificate.notAfter}</td>`));
    for (const location of certificate.locations)
      assert.ok(row.includes(`data-path="${escapeHtml(location.path)}"`), `source ${location.path}`);
    assert.equal((row.match(/class="entry-ref"/g) ?? []).length, certificate.entries.length);
    // Revoke Certificate… from the row, or with the row selected.
    const fingerprint = certificate.sha256Fingerprint;
    assert.ok(row.includes(`<input type="checkbox" class="revoke-select" data-fingerprint="${fingerprint}"`), row);
    assert.ok(
      row.includes(`<button type="button" class="link" data-action="revoke" data-fingerprint="${fingerprint}"`),
    );
  }
  // The kept table has no Entries column; not revocable has one.
  assert.doesNotMatch(table('kept-table'), /data-key="entries"/);
  assert.match(table('not-revocable-table'), /data-key="entries"/);
  for (const certificate of preview.notRevocable)
    assert.ok(table('not-revocable-table').includes(certificate.sha256Fingerprint));
  for (const certificate of preview.kept) assert.ok(table('kept-table').includes(certificate.sha256Fingerprint));
});

test('a source is a button that opens the file at the certificate', () => {
  const root = preview.revoked.find((certificate) => certificate.serialNumber === '1');
  assert.ok(root);
  const kubeconfig = root.locations.find((location) => location.path.endsWith('admin.kubeconfig'));
  assert.ok(kubeconfig?.line !== undefined);
  assert.ok(
    page.includes(
      `<button type="button" class="link source" data-action="open-source" data-path="${kubeconfig.path}" data-line="${kubeconfig.line}">pki/admin.kubeconfig, line ${kubeconfig.line + 1}</button>`,
    ),
  );
  // A DER file has no line: the button carries none (the extension opens the decoded view).
  const der = preview.revoked
    .flatMap((certificate) => certificate.locations)
    .find((location) => location.path.endsWith('.der'));
  assert.ok(der);
  assert.ok(page.includes(`data-path="${der.path}">pki/der/`), 'no data-line on a DER source');
});

test('values from certificates and the manifest are HTML-escaped', () => {
  assert.ok(!page.includes(EVIL_SUBJECT_CN));
  assert.ok(page.includes('<code>CN=&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,O=evil</code>'));
  assert.ok(page.includes('<code>CN=&lt;b&gt;issuer&lt;/b&gt;&amp;co</code>'));
  assert.ok(page.includes('data-path="/tmp/&quot;quoted&quot; &lt;dir&gt;/evil.pem"'));
  assert.ok(page.includes('<title>Revocation preview of manifests/revoke&lt;1&gt;.yaml</title>'));
  // The fixture's odd subject (quotes, `<root>`, `+`, escaped commas) comes out escaped too.
  const odd = preview.kept.find((certificate) => certificate.commonName?.includes('<root>'));
  assert.ok(odd, 'the odd subject is kept');
  assert.ok(table('kept-table').includes(`<code>${escapeHtml(odd.subject)}</code>`));
  assert.ok(!page.includes('<root'));
});

test('no private key material of the fixture appears anywhere on the page', () => {
  assertNoKeyMaterial(page, fixtureKeyMaterial(), 'the preview page');
});

test('summary, notes, entries and the filter box a screen reader can find', () => {
  assert.ok(page.includes(`<div class="count scanned"><dt>Scanned</dt><dd>${preview.certificatesScanned}</dd></div>`));
  assert.ok(page.includes(`<div class="count revoked"><dt>Revoked</dt><dd>${preview.revoked.length}</dd></div>`));
  assert.ok(
    page.includes(
      `<div class="count not-revocable"><dt>Not revocable</dt><dd>${preview.notRevocable.length}</dd></div>`,
    ),
  );
  assert.ok(page.includes(`<div class="count kept"><dt>Kept</dt><dd>${preview.kept.length}</dd></div>`));
  assert.ok(
    page.includes(
      `<p class="note" role="note"><strong>Note:</strong> This preview covers the ${preview.certificatesScanned} certificates of the inventory only`,
    ),
  );
  assert.ok(
    page.includes(
      '<p class="note warning" role="note"><strong>#1</strong> Group system:nodes has no notBefore: future matching certificates will be refused too.</p>',
    ),
  );
  assert.ok(
    page.includes(
      '<label for="certificate-filter">Filter certificates</label> <input id="certificate-filter" type="search"',
    ),
  );
  assert.equal((page.match(/<h1>/g) ?? []).length, 1);
  assert.deepEqual(
    [...page.matchAll(/<h2 id="([\w-]+)">/g)].map((m) => m[1]),
    ['summary-heading', 'entries-heading', 'revoked-heading', 'not-revocable-heading', 'kept-heading'],
  );
  assert.match(
    page,
    /<section class="entry" id="entry-0-0" aria-labelledby="entry-0-0-title" tabindex="-1">\n<h3 id="entry-0-0-title">#1 Group <code>system:nodes<\/code><\/h3>/,
  );
  assert.ok(page.includes('<div><dt>notBefore</dt><dd><em>none</em></dd></div>'));
  assert.ok(page.includes('<div><dt>notBefore</dt><dd><code>2030-01-01T00:00:00Z</code></dd></div>'));
  assert.ok(
    page.includes(
      '<button type="button" class="link" data-action="reveal-entry" data-line="7" data-character="11">Go to the entry (line 7)</button>',
    ),
  );
  for (const format of ['markdown', 'csv', 'json'])
    assert.ok(page.includes(`data-action="export" data-format="${format}"`));
});

test('a refresh body is the page content, and a focused entry is named on the body', () => {
  const body = renderPreviewBody(preview, PAGE_OPTIONS);
  assert.ok(page.includes(`<main id="preview">\n${body}\n</main>`));
  const focused = renderPreviewPage(preview, { ...PAGE_OPTIONS, focus: { document: 0, index: 2 } });
  assert.ok(focused.includes('<body data-focus="entry-0-2">'));
});

test('an empty inventory says where certificates are read from; a scan in progress says the page will change', () => {
  const empty: PreviewResult = {
    ...preview,
    certificatesScanned: 0,
    revoked: [],
    notRevocable: [],
    kept: [],
    entries: preview.entries.map((entry) => ({ ...entry, matches: [] })),
  };
  const body = renderPreviewBody(empty, PAGE_OPTIONS);
  assert.ok(body.includes('No certificate was found in the inventory.'));
  assert.ok(!body.includes('certificate-filter'), 'no filter without rows');
  assert.equal((body.match(/<p class="empty">None\.<\/p>/g) ?? []).length, 3);
  assert.ok(
    renderPreviewBody({ ...preview, scanning: true }, PAGE_OPTIONS).includes(
      '<p class="status" role="status">Still reading certificates',
    ),
  );
});

test('the page reads warnings by code: the no-notBefore note comes from missing-not-before, whatever the words', () => {
  const reworded: PreviewResult = {
    ...preview,
    entries: preview.entries.map((entry, position) =>
      position === 0
        ? { ...entry, warnings: [{ code: 'matches-nothing', message: 'no notBefore: but this entry is broken' }] }
        : position === 2
          ? { ...entry, warnings: [{ code: 'missing-not-before', message: 'reworded' }] }
          : entry,
    ),
  };
  const body = renderPreviewBody(reworded, PAGE_OPTIONS);
  const notes = [...body.matchAll(/<p class="note warning" role="note"><strong>(#\d+)<\/strong>/g)].map(
    (match) => match[1],
  );
  assert.deepEqual(notes, ['#3', '#4']);
  assert.ok(
    body.includes(
      '<ul class="warnings" aria-label="Warnings"><li data-code="matches-nothing">no notBefore: but this entry is broken</li></ul>',
    ),
  );
  assert.ok(body.includes('<li data-code="missing-not-before">reworded</li>'));
});

test('the export buttons are in a landmark (a header before main), and the page names its manifest for a reload', () => {
  assert.ok(
    page.includes(
      '<body data-focus="">\n<header class="toolbar">\n<div class="export" role="group" aria-label="Export">\n<button type="button" data-action="export" data-format="markdown">',
    ),
  );
  assert.ok(page.indexOf('</header>') < page.indexOf('<main id="preview">'));
  const restorable = renderPreviewPage(preview, { ...PAGE_OPTIONS, manifestUri: 'file:///work/revoke "1".yaml' });
  assert.ok(restorable.includes('<body data-focus="" data-manifest="file:///work/revoke &quot;1&quot;.yaml">'));
});
