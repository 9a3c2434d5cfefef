// The revocation preview webview's HTML, from the `renewRevocation/preview` result: a pure
// function (no vscode import) so that tests can read exactly what the panel shows. Every value
// from the manifest or a certificate is HTML-escaped; the page loads one script and one style
// sheet from the extension (never anything remote) under a strict Content-Security-Policy, and
// uses only the theme's `--vscode-*` colours (media/preview/preview.css).
//
// Structure, for keyboard and screen-reader users: one `h1`, an `h2` per part (summary, entries,
// revoked, not revocable, kept), real tables with `<th scope="col">` headers whose sort buttons
// carry `aria-sort`, a labelled filter box, and buttons (not bare links) for every action.
//
// The kept certificates come a page at a time (server/src/protocol): the kept table holds the rows
// loaded so far, says so ("showing 200 of 90,000"), and its "Show more" button asks the extension
// for the next page, whose rows the page's script appends (renderKeptRows, renderKeptMore).
import {
  DEFAULT_KEPT_PAGE_SIZE,
  type PreviewCertificate,
  type PreviewEntry,
  type PreviewEntryRef,
  type PreviewResult,
} from '../../../server/src/protocol';

export interface PreviewPageOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random value per page: the only scripts and styles that run carry it. */
  nonce: string;
  /** `asWebviewUri` of media/preview/preview.js and preview.css. */
  scriptUri: string;
  styleUri: string;
  /** `asWebviewUri` of media/preview/timeline.js and timeline.css: the what-if notBefore timeline's script and style. */
  timelineScriptUri?: string;
  timelineStyleUri?: string;
  /** The open timeline's content (timelineHtml.ts); none when closed. */
  timeline?: string;
  /** The manifest's URI: the page keeps it in its state, so that the panel is restored with it after a reload. */
  manifestUri?: string;
}

export interface PreviewBodyOptions {
  /** The manifest's name as people know it (`manifests/revoke.yaml`). */
  manifestName: string;
  /** How a certificate's path is shown (relative to the workspace); default as is. */
  displayPath?: (path: string) => string;
  /** The entry to bring into view when the page opens (a code lens over it was clicked). */
  focus?: Partial<PreviewEntryRef>;
}

/** Matches listed inside an entry's section; the tables below list every certificate. */
export const ENTRY_MATCH_LIST_LIMIT = 200;

/** Kept certificates a click on "Show more" adds to the kept table. */
export const KEPT_MORE_STEP = 1_000;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values (quoted with `"`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** 90000 → `90,000`, for counts people read. */
function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function entryId(ref: Partial<PreviewEntryRef>): string {
  return `entry-${ref.document ?? 0}-${ref.index ?? 0}`;
}

type Status = 'revoked' | 'not-revocable' | 'kept';

interface Context {
  preview: PreviewResult;
  displayPath: (path: string) => string;
  /** `#1`… by `document/index`. */
  labels: Map<string, string>;
  /** Position in `preview.entries` by `document/index`. */
  positions: Map<string, number>;
  statusOf: Map<string, { status: Status; certificate: PreviewCertificate }>;
}

const refKey = (ref: PreviewEntryRef) => `${ref.document}/${ref.index}`;

function contextOf(preview: PreviewResult, options: PreviewBodyOptions): Context {
  const labels = new Map(preview.entries.map((entry, position) => [refKey(entry), `#${position + 1}`]));
  const positions = new Map(preview.entries.map((entry, position) => [refKey(entry), position]));
  const statusOf = new Map<string, { status: Status; certificate: PreviewCertificate }>();
  for (const certificate of preview.revoked)
    statusOf.set(certificate.sha256Fingerprint, { status: 'revoked', certificate });
  for (const certificate of preview.notRevocable)
    statusOf.set(certificate.sha256Fingerprint, { status: 'not-revocable', certificate });
  for (const certificate of preview.kept) statusOf.set(certificate.sha256Fingerprint, { status: 'kept', certificate });
  return { preview, displayPath: options.displayPath ?? ((path) => path), labels, positions, statusOf };
}

const STATUS_WORDS: Record<Status, string> = { revoked: 'revoked', 'not-revocable': 'not revocable', kept: 'kept' };

function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

function summary(context: Context): string {
  const { preview } = context;
  const counts: Array<[string, number, string]> = [
    ['Scanned', preview.certificatesScanned, 'scanned'],
    ['Revoked', preview.revoked.length, 'revoked'],
    ['Not revocable', preview.notRevocable.length, 'not-revocable'],
    ['Kept', preview.keptTotal, 'kept'],
  ];
  const parts = [
    `<section class="summary" aria-labelledby="summary-heading">`,
    `<h2 id="summary-heading">Summary</h2>`,
    `<dl class="counts">${counts.map(([label, count, kind]) => `<div class="count ${kind}"><dt>${label}</dt><dd>${count}</dd></div>`).join('')}</dl>`,
  ];
  if (preview.scanning)
    parts.push(
      `<p class="status" role="status">Still reading certificates: this preview updates when the inventory is complete.</p>`,
    );
  if (preview.certificatesScanned === 0 && !preview.scanning) {
    parts.push(
      `<p class="notice">No certificate was found in the inventory. Certificate files in the workspace (PEM, DER, kubeconfigs, Secrets) and the folders of the setting <code>renewRevocation.certificatePaths</code> (in a trusted workspace) are read.</p>`,
    );
  }
  for (const note of preview.notes)
    parts.push(`<p class="note" role="note"><strong>Note:</strong> ${escapeHtml(note)}</p>`);
  for (const entry of preview.entries) {
    if (entry.warnings.some((warning) => warning.code === 'missing-not-before')) {
      const label = context.labels.get(refKey(entry)) ?? '';
      parts.push(
        `<p class="note warning" role="note"><strong>${label}</strong> ${escapeHtml(`${entry.kind ?? ''} ${entry.value ?? ''}`)} has no notBefore: future matching certificates will be refused too.</p>`,
      );
    }
  }
  if (preview.problems.length > 0) {
    parts.push(
      `<details class="problems"><summary>${plural(preview.problems.length, 'file or block', 'files or blocks')} could not be read</summary><ul>`,
    );
    for (const problem of preview.problems)
      parts.push(`<li>${code(context.displayPath(problem.path))}: ${escapeHtml(problem.message)}</li>`);
    parts.push(`</ul></details>`);
  }
  parts.push(`</section>`);
  return parts.join('\n');
}

function entrySection(context: Context, entry: PreviewEntry, position: number): string {
  const { preview } = context;
  const id = entryId(entry);
  const label = context.labels.get(refKey(entry)) ?? `#${position + 1}`;
  const location = preview.entryLocations[position];
  let notRevocable = 0;
  for (const fingerprint of entry.matches)
    if (context.statusOf.get(fingerprint)?.status === 'not-revocable') notRevocable++;
  const revokes = entry.matches.length - notRevocable;
  const matchText =
    entry.matches.length === 0
      ? 'none in the inventory'
      : `${entry.matches.length} (revokes ${revokes}${notRevocable > 0 ? `, ${notRevocable} not revocable` : ''})`;
  const parts = [
    `<section class="entry" id="${id}" aria-labelledby="${id}-title" tabindex="-1">`,
    `<h3 id="${id}-title">${label} ${escapeHtml(entry.kind ?? '(no kind)')} ${code(entry.value ?? '(no value)')}</h3>`,
    `<dl class="facts">`,
    `<div><dt>Kind</dt><dd>${entry.kind === null ? '<em>missing</em>' : code(entry.kind)}</dd></div>`,
    `<div><dt>Value</dt><dd>${entry.value === null ? '<em>missing</em>' : code(entry.value)}</dd></div>`,
    `<div><dt>notBefore</dt><dd>${entry.notBefore === null ? '<em>none</em>' : code(entry.notBefore)}</dd></div>`,
    `<div><dt>Matches</dt><dd>${matchText}</dd></div>`,
    `</dl>`,
  ];
  if (entry.warnings.length > 0) {
    parts.push(
      `<ul class="warnings" aria-label="Warnings">${entry.warnings.map((warning) => `<li data-code="${warning.code}">${escapeHtml(warning.message)}</li>`).join('')}</ul>`,
    );
  }
  if (entry.matches.length > 0) {
    parts.push(
      `<details class="matches"><summary>${plural(entry.matches.length, 'matching certificate')}</summary><ul>`,
    );
    for (const fingerprint of entry.matches.slice(0, ENTRY_MATCH_LIST_LIMIT)) {
      const found = context.statusOf.get(fingerprint);
      if (!found) continue;
      parts.push(
        `<li>${code(found.certificate.subject)}, serial ${code(found.certificate.serialNumber)} <span class="status-tag ${found.status}">${STATUS_WORDS[found.status]}</span></li>`,
      );
    }
    if (entry.matches.length > ENTRY_MATCH_LIST_LIMIT)
      parts.push(`<li>and ${entry.matches.length - ENTRY_MATCH_LIST_LIMIT} more (see the tables below)</li>`);
    parts.push(`</ul></details>`);
  }
  parts.push(
    `<p><button type="button" data-action="open-timeline" data-document="${entry.document}" data-index="${entry.index}" aria-describedby="${id}-title">What-if notBefore…</button></p>`,
  );
  if (location && location.line > 0) {
    parts.push(
      `<p><button type="button" class="link" data-action="reveal-entry" data-line="${location.anchor.start.line}" data-character="${location.anchor.start.character}">Go to the entry (line ${location.line})</button></p>`,
    );
  }
  parts.push(`</section>`);
  return parts.join('\n');
}

interface Column {
  key: string;
  title: string;
  /** The cell's HTML, and its sort key when the cell's text does not sort right by itself. */
  cell(certificate: PreviewCertificate, context: Context): { html: string; sort?: string };
}

function sourcesCell(certificate: PreviewCertificate, context: Context): { html: string } {
  const perPath = new Map<string, number>();
  for (const location of certificate.locations) perPath.set(location.path, (perPath.get(location.path) ?? 0) + 1);
  const buttons = certificate.locations.map((location) => {
    const shown = context.displayPath(location.path);
    const where =
      location.line !== undefined && (location.line > 0 || (perPath.get(location.path) ?? 0) > 1)
        ? `, line ${location.line + 1}`
        : '';
    const line = location.line !== undefined ? ` data-line="${location.line}"` : '';
    return `<li><button type="button" class="link source" data-action="open-source" data-path="${escapeHtml(location.path)}"${line}>${escapeHtml(shown)}${where}</button></li>`;
  });
  return { html: `<ul class="sources">${buttons.join('')}</ul>` };
}

function entriesCell(certificate: PreviewCertificate, context: Context): { html: string; sort: string } {
  const labels = certificate.entries.map((ref) => context.labels.get(refKey(ref)) ?? '');
  const html = certificate.entries
    .map(
      (ref, i) =>
        `<a href="#${entryId(ref)}" class="entry-ref" data-action="focus-entry" data-target="${entryId(ref)}">${labels[i]}</a>`,
    )
    .join(' ');
  const first =
    certificate.entries.length > 0
      ? String(context.positions.get(refKey(certificate.entries[0])) ?? 0).padStart(8, '0')
      : '';
  return { html, sort: first };
}

/** Serials compare as numbers: by length, then digits. */
function serialSortKey(serial: string): string {
  const negative = serial.startsWith('-');
  const digits = negative ? serial.slice(1) : serial;
  return `${negative ? '0' : '1'}${digits.length.toString(16).padStart(4, '0')}${digits}`;
}

const COLUMNS: Column[] = [
  {
    key: 'subject',
    title: 'Subject',
    cell: (c) => ({ html: code(c.subject) + (c.isCA ? ' <span class="status-tag ca">CA</span>' : '') }),
  },
  {
    key: 'serial',
    title: 'Serial',
    // Truncated to its cell by the style sheet; the whole value shows on hover and on focus.
    cell: (c) => ({
      html: `<code class="serial" tabindex="0" title="${escapeHtml(c.serialNumber)}">${escapeHtml(c.serialNumber)}</code>`,
      sort: serialSortKey(c.serialNumber),
    }),
  },
  { key: 'issuer', title: 'Issuer', cell: (c) => ({ html: code(c.issuer) }) },
  { key: 'notBefore', title: 'Not before', cell: (c) => ({ html: escapeHtml(c.notBefore) }) },
  { key: 'notAfter', title: 'Not after', cell: (c) => ({ html: escapeHtml(c.notAfter) }) },
  { key: 'source', title: 'Source', cell: sourcesCell },
];

const ENTRIES_COLUMN: Column = { key: 'entries', title: 'Entries', cell: entriesCell };

/** A row's "Revoke…" button and its box for "Revoke Selected…" (both run Revoke Certificate…). */
const REVOKE_COLUMN: Column = {
  key: 'revoke',
  title: 'Revoke',
  cell: (c) => {
    const fingerprint = escapeHtml(c.sha256Fingerprint);
    const name = escapeHtml(c.subject);
    return {
      html:
        `<input type="checkbox" class="revoke-select" data-fingerprint="${fingerprint}" aria-label="Select ${name} to revoke"> ` +
        `<button type="button" class="link" data-action="revoke" data-fingerprint="${fingerprint}" aria-label="Revoke ${name}…">Revoke…</button>`,
      sort: '',
    };
  },
};

function certificateRows(
  context: Context,
  certificates: readonly PreviewCertificate[],
  columns: readonly Column[],
): string[] {
  return certificates.map((certificate) => {
    // Cells sort by their text (the page's script), or by `data-sort` where the text would not.
    const cells = columns.map((column) => {
      const { html, sort } = column.cell(certificate, context);
      // The column's class lets a narrow panel hide or size it (media/preview/preview.css).
      const sortKey = sort === undefined ? '' : ` data-sort="${escapeHtml(sort)}"`;
      return `<td class="col-${column.key}"${sortKey}>${html}</td>`;
    });
    return `<tr data-fingerprint="${escapeHtml(certificate.sha256Fingerprint)}">${cells.join('')}</tr>`;
  });
}

function certificateTable(
  context: Context,
  id: string,
  caption: string,
  certificates: readonly PreviewCertificate[],
  withEntries: boolean,
): string {
  const columns = withEntries ? [...COLUMNS, ENTRIES_COLUMN, REVOKE_COLUMN] : [...COLUMNS, REVOKE_COLUMN];
  if (certificates.length === 0) return `<p class="empty">None.</p>`;
  const head = columns
    .map(
      (column) =>
        `<th scope="col" class="col-${column.key}" aria-sort="none" data-key="${column.key}"><button type="button" class="sort" data-action="sort" data-table="${id}" data-key="${column.key}">${column.title}<span class="sort-indicator" aria-hidden="true"></span></button></th>`,
    )
    .join('');
  const rows = certificateRows(context, certificates, columns);
  return [
    `<table id="${id}" class="certificates">`,
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>`,
    ...rows,
    `</tbody>`,
    `</table>`,
    `<p class="filter-status" id="${id}-status" role="status" aria-live="polite"></p>`,
  ].join('\n');
}

function certificateSection(
  context: Context,
  key: Status,
  heading: string,
  intro: string | undefined,
  certificates: readonly PreviewCertificate[],
): string {
  const id = `${key}-table`;
  // Kept certificates come a page at a time: the count is of them all, the table of those loaded.
  const total = key === 'kept' ? context.preview.keptTotal : certificates.length;
  const caption =
    total === certificates.length
      ? `${heading} certificates: ${plural(total, 'certificate')}. Sort with the column buttons.`
      : `${heading} certificates: ${formatCount(certificates.length)} of ${formatCount(total)} loaded. Sort with the column buttons.`;
  return [
    `<section class="certificates-part ${key}" aria-labelledby="${key}-heading">`,
    `<h2 id="${key}-heading">${heading} (${total})</h2>`,
    intro ? `<p>${intro}</p>` : '',
    certificateTable(context, id, caption, certificates, key !== 'kept'),
    key === 'kept' ? renderKeptMore(context.preview) : '',
    `</section>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The page's content (everything inside `<main>`): what a refresh replaces. */
export function renderPreviewBody(preview: PreviewResult, options: PreviewBodyOptions): string {
  const context = contextOf(preview, options);
  const entries = preview.entries.map((entry, position) => entrySection(context, entry, position));
  const anyCertificates = preview.revoked.length + preview.notRevocable.length + preview.kept.length > 0;
  return [
    `<h1>Revocation preview of ${code(options.manifestName)}</h1>`,
    summary(context),
    `<section class="entries" aria-labelledby="entries-heading">`,
    `<h2 id="entries-heading">Entries (${preview.entries.length})</h2>`,
    preview.entries.length === 0
      ? `<p class="empty">This file has no RenewRevocation entries.</p>`
      : entries.join('\n'),
    `</section>`,
    anyCertificates
      ? `<div class="filter" role="search"><label for="certificate-filter">Filter certificates</label> <input id="certificate-filter" type="search" placeholder="subject, serial, issuer, source…" aria-describedby="filter-help" autocomplete="off" spellcheck="false"><span id="filter-help" class="help">Shows the rows of every table below that contain the text.</span></div>`
      : '',
    certificateSection(context, 'revoked', 'Revoked', undefined, preview.revoked),
    certificateSection(
      context,
      'not-revocable',
      'Not revocable',
      'Kubelet serving certificates that entries match: AKS hybrid does not support revoking them, so they stay valid.',
      preview.notRevocable,
    ),
    certificateSection(context, 'kept', 'Kept', 'Certificates of the inventory that no entry matches.', preview.kept),
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Under the kept table: how many of the kept certificates it shows, and a button for more when
 * there are more. Replaced (by its id) whenever a page of rows is appended.
 */
export function renderKeptMore(preview: PreviewResult): string {
  const loaded = preview.kept.length;
  const remaining = preview.keptTotal - loaded;
  if (remaining <= 0) {
    // After "Show more" the last time, the focus lands on this sentence.
    const done =
      loaded > DEFAULT_KEPT_PAGE_SIZE
        ? `<p id="kept-more-status" tabindex="-1">All ${formatCount(loaded)} kept certificates are shown.</p>`
        : '';
    return `<div id="kept-more" class="kept-more">${done}</div>`;
  }
  const next = Math.min(remaining, KEPT_MORE_STEP);
  return [
    `<div id="kept-more" class="kept-more">`,
    `<p id="kept-more-status" tabindex="-1">Showing ${formatCount(loaded)} of ${formatCount(preview.keptTotal)} kept; the filter and sorting apply to these. Exports hold them all.</p>`,
    `<button type="button" id="kept-more-button" data-action="show-more-kept" aria-describedby="kept-more-status">${next === remaining ? `Show the last ${formatCount(next)}` : `Show ${formatCount(next)} more`}</button>`,
    `</div>`,
  ].join('\n');
}

/** Rows of the kept table for `certificates` (a page just loaded), as the table renders them. */
export function renderKeptRows(
  preview: PreviewResult,
  certificates: readonly PreviewCertificate[],
  options: PreviewBodyOptions,
): string {
  return certificateRows(contextOf(preview, options), certificates, [...COLUMNS, REVOKE_COLUMN]).join('\n');
}

/** The whole page: CSP, the extension's style sheet and script (with the nonce), the toolbar and the body. */
export function renderPreviewPage(preview: PreviewResult, options: PreviewBodyOptions & PreviewPageOptions): string {
  const csp = `default-src 'none'; style-src ${options.cspSource} 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}';`;
  const focus =
    options.focus?.document !== undefined && options.focus.index !== undefined ? entryId(options.focus) : '';
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="UTF-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1.0">`,
    `<link rel="stylesheet" href="${escapeHtml(options.styleUri)}" nonce="${options.nonce}">`,
    options.timelineStyleUri
      ? `<link rel="stylesheet" href="${escapeHtml(options.timelineStyleUri)}" nonce="${options.nonce}">`
      : '',
    `<title>Revocation preview of ${escapeHtml(options.manifestName)}</title>`,
    `</head>`,
    `<body data-focus="${focus}"${options.manifestUri === undefined ? '' : ` data-manifest="${escapeHtml(options.manifestUri)}"`}>`,
    // In a landmark of its own (all of a page's content belongs to one), before <main>.
    `<header class="toolbar">`,
    `<div class="export" role="group" aria-label="Export">`,
    `<button type="button" data-action="export" data-format="markdown">Export Markdown…</button>`,
    `<button type="button" data-action="export" data-format="csv">Export CSV…</button>`,
    `<button type="button" data-action="export" data-format="json">Export JSON…</button>`,
    `<button type="button" data-action="revoke-selected">Revoke Selected…</button>`,
    `</div>`,
    `</header>`,
    `<aside id="timeline" aria-label="What-if notBefore">${options.timeline ?? ''}</aside>`,
    `<main id="preview">`,
    renderPreviewBody(preview, options),
    `</main>`,
    `<script nonce="${options.nonce}" src="${escapeHtml(options.scriptUri)}"></script>`,
    options.timelineScriptUri
      ? `<script nonce="${options.nonce}" src="${escapeHtml(options.timelineScriptUri)}"></script>`
      : '',
    `</body>`,
    `</html>`,
  ]
    .filter(Boolean)
    .join('\n');
}
