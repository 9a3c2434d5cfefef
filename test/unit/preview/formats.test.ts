// The pure preview formats (CSV and Markdown, shared by the CLI and the webview's export) with
// names that need quoting or escaping: commas, quotes, line breaks, pipes, backticks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPreviewCsv } from '../../../server/src/service/preview/formatCsv';
import { formatPreviewJson } from '../../../server/src/service/preview/formatJson';
import { formatPreviewMarkdown } from '../../../server/src/service/preview/formatMarkdown';
import { buildReport, entryLinesOf } from '../../../server/src/service/preview/previewReport';
import { csvObjects, markdownTable } from '../../cli/previewParse';
import { summary } from '../helpers/certificateSummaries';
import { manifestDocument, runPreview } from '../helpers/previewHarness';

const odd = {
  ...summary({ name: 'odd', serialNumber: 'a1', organizations: ['dev|ops', 'team "x", y'] }),
  subject: 'CN=line\nbreak `tick`,O=team "x"\\, y,O=dev|ops',
};
const plain = summary({ name: 'plain', serialNumber: 'b2', organizations: ['system:nodes'] });

function report() {
  const run = runPreview(
    [odd, plain],
    manifestDocument([
      { kind: 'serialnumber', serialNumber: 'a1' },
      { kind: 'Group', group: 'dev|ops' },
    ]),
  );
  return buildReport('m.yaml', entryLinesOf(run.file, run.preview), run.preview, new Date('2025-06-01T00:00:00Z'), 30);
}

test('CSV: RFC 4180 quoting round-trips every field; lists joined with "; "; notes first', () => {
  const text = formatPreviewCsv(report());
  assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text.replace(/"[^"]*(?:""[^"]*)*"/g, '')), 'CRLF between records');
  const rows = csvObjects(text);
  assert.deepEqual(
    rows.map((row) => row.status),
    ['note', 'note', 'revoked', 'kept'],
  );
  assert.equal(rows[1].note, '#2 Group dev|ops has no notBefore: future matching certificates will be refused too.');
  const revoked = rows[2];
  assert.equal(revoked.subject, odd.subject);
  assert.equal(revoked.organizations, 'dev|ops; team "x", y');
  assert.equal(revoked.entries, '#1 serialnumber a1; #2 Group dev|ops');
  assert.equal(revoked.sources, 'pki.pem');
  assert.equal(revoked.expiry, 'valid');
  assert.equal(rows[3].entries, '');
});

test('Markdown: pipes escaped and code spans kept whole, so tables read back cell by cell', () => {
  const text = formatPreviewMarkdown(report());
  const revoked = markdownTable(text, '## Revoked (')!;
  assert.deepEqual(revoked.header, [
    'Serial',
    'Subject',
    'Issuer',
    'Not before',
    'Not after',
    'Expiry',
    'CA',
    'Entries',
    'Sources',
  ]);
  assert.deepEqual(revoked.rows, [
    [
      'a1',
      odd.subject.replace('\n', ' '),
      'CN=kubernetes',
      odd.notBefore,
      odd.notAfter,
      'valid',
      'no',
      '#1 #2',
      'pki.pem',
    ],
  ]);
  const entries = markdownTable(text, '## Entries (')!;
  assert.deepEqual(entries.rows[1], [
    '#2',
    '9',
    'Group',
    'dev|ops',
    '**none**',
    '1',
    'no notBefore: future matching certificates will be refused too',
  ]);
});

test('JSON: the fields of the README, "Command line" and the notes, nothing a viewer added', () => {
  const { preview } = report();
  const json = JSON.parse(formatPreviewJson({ ...preview, scanning: true } as typeof preview));
  assert.deepEqual(Object.keys(json), [
    'certificatesScanned',
    'entries',
    'revoked',
    'notRevocable',
    'kept',
    'notes',
    'problems',
  ]);
});
