// The kept certificates of the preview webview a page at a time (client/src/preview/previewHtml.ts,
// previewExportText.ts): the counts are of every kept certificate, the table of those loaded, the
// note under it says so and offers the next page; appended rows read as the table's own; an
// export of a part is refused (the panel asks the server for them all first).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  KEPT_MORE_STEP,
  renderKeptMore,
  renderKeptRows,
  renderPreviewBody,
} from '../../../client/src/preview/previewHtml';
import { previewExportText } from '../../../client/src/preview/previewExportText';
import type { PreviewResult } from '../../../server/src/protocol';
import { FIXTURE_NOW } from '../x509/helpers/fixturePki';
import { makePreview } from './previewFixture';

const OPTIONS = {
  manifestName: 'manifests/revoke.yaml',
  displayPath: (path: string) => path.replace(/^.*\/fixtures\/pki\//, 'pki/'),
};
const full = makePreview();

/** The fixture preview as the server sends it with `loaded` kept certificates of `total`. */
function paged(loaded: number, total: number): PreviewResult {
  return { ...full, kept: full.kept.slice(0, loaded), keptTotal: total };
}

function rowsOf(html: string, table: string): string[] {
  const start = html.indexOf(`<table id="${table}"`);
  assert.ok(start >= 0, `${table} is on the page`);
  const body = html.slice(html.indexOf('<tbody>', start) + '<tbody>'.length, html.indexOf('</tbody>', start));
  return body.split('\n').filter(Boolean);
}

test('every kept certificate loaded: the counts as before, no note and no button', () => {
  const body = renderPreviewBody(full, OPTIONS);
  assert.ok(body.includes(`<div class="count kept"><dt>Kept</dt><dd>${full.kept.length}</dd></div>`));
  assert.ok(body.includes(`<h2 id="kept-heading">Kept (${full.kept.length})</h2>`));
  assert.ok(body.includes('<div id="kept-more" class="kept-more"></div>'));
  assert.doesNotMatch(body, /show-more-kept/);
  assert.equal(rowsOf(body, 'kept-table').length, full.kept.length);
});

test('a page of 90,000: the counts are of them all, the table of the page, and the note says so with a button for more', () => {
  const body = renderPreviewBody(paged(2, 90_000), OPTIONS);
  assert.ok(body.includes('<div class="count kept"><dt>Kept</dt><dd>90000</dd></div>'));
  assert.ok(body.includes('<h2 id="kept-heading">Kept (90000)</h2>'));
  assert.ok(body.includes('<caption>Kept certificates: 2 of 90,000 loaded. Sort with the column buttons.</caption>'));
  assert.equal(rowsOf(body, 'kept-table').length, 2);
  assert.ok(
    body.includes(
      [
        '<div id="kept-more" class="kept-more">',
        '<p id="kept-more-status" tabindex="-1">Showing 2 of 90,000 kept; the filter and sorting apply to these. Exports hold them all.</p>',
        `<button type="button" id="kept-more-button" data-action="show-more-kept" aria-describedby="kept-more-status">Show ${KEPT_MORE_STEP.toLocaleString('en-US')} more</button>`,
        '</div>',
      ].join('\n'),
    ),
  );
  // The other parts are whole and counted as before.
  assert.ok(body.includes(`<div class="count revoked"><dt>Revoked</dt><dd>${full.revoked.length}</dd></div>`));
  assert.equal(rowsOf(body, 'revoked-table').length, full.revoked.length);
});

test('the last page: the button says how many are left; then the note says all are shown', () => {
  assert.match(renderKeptMore(paged(2, 502)), />Show the last 500<\/button>/);
  const all = { ...full, kept: Array.from({ length: 1_201 }, () => full.kept[0]), keptTotal: 1_201 };
  assert.equal(
    renderKeptMore(all),
    '<div id="kept-more" class="kept-more"><p id="kept-more-status" tabindex="-1">All 1,201 kept certificates are shown.</p></div>',
  );
});

test('appended rows are the rows the table itself renders for those certificates', () => {
  const whole = rowsOf(renderPreviewBody(full, OPTIONS), 'kept-table');
  const appended = renderKeptRows(paged(1, full.kept.length), full.kept.slice(1), OPTIONS).split('\n');
  assert.deepEqual(appended, whole.slice(1));
  assert.doesNotMatch(appended.join(''), /data-key="entries"|class="entry-ref"/, 'kept rows have no Entries cell');
});

test('an export of a part of the kept certificates is refused; of them all, it holds every one', () => {
  const options = { manifestName: 'manifests/revoke.yaml', now: FIXTURE_NOW, expiryWarningDays: 30 };
  for (const format of ['markdown', 'csv', 'json'] as const) {
    assert.throws(() => previewExportText(paged(1, full.kept.length), format, options), {
      message: `the preview holds 1 of its ${full.kept.length} kept certificates; an export needs them all`,
    });
  }
  const json = JSON.parse(previewExportText(full, 'json', options)) as { kept: unknown[] };
  assert.equal(json.kept.length, full.kept.length);
});
