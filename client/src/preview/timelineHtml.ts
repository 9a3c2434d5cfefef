// The what-if notBefore timeline of one entry, as HTML for the preview page: a pure function (no
// vscode import), so tests read exactly what the page shows. Every match of the entry's value is a
// row carrying its own notBefore (`data-ms`); the page's script (media/preview/timeline.js) places
// them on the track, moves the chosen instant (slider, date field, keyboard) and marks each row
// revoked, kept or not revocable at that instant. A certificate is revoked when it was issued
// strictly before the entry's notBefore; without one, every match is revoked, and future ones too.
//
// For keyboard and screen-reader users: a labelled region with a heading, a native slider (arrow
// keys, Home, End) whose stops are the instants that change the outcome, a date field, a status
// line read out on each change, and a real table with the outcome per certificate. The track is
// a picture of the table (aria-hidden).
import type { NotBeforeTimeline } from '../../../server/src/protocol';
import { escapeHtml } from './previewHtml';

export interface TimelineOptions {
  /** The entry's label in the preview (`#3`). */
  label: string;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The timeline's content (inside `<aside id="timeline">`). */
export function renderTimeline(timeline: NotBeforeTimeline, options: TimelineOptions): string {
  const { certificates } = timeline;
  const current =
    timeline.notBefore === null
      ? `<strong>none</strong>: all, and future ones`
      : `<code>${escapeHtml(timeline.notBefore)}</code>`;
  const rows = certificates.map(
    (certificate) =>
      `<tr data-ms="${certificate.notBeforeMs}" data-not-revocable="${certificate.notRevocable}">` +
      `<td><code>${escapeHtml(certificate.subject)}</code>${certificate.isCA ? ' <span class="status-tag ca">CA</span>' : ''}</td>` +
      `<td><code>${escapeHtml(certificate.serialNumber)}</code></td>` +
      `<td>${escapeHtml(certificate.notBefore)}</td>` +
      `<td class="timeline-outcome"><span class="status-tag"></span></td>` +
      `</tr>`,
  );
  const ticks = certificates.map(
    (certificate) =>
      `<span class="timeline-tick" data-ms="${certificate.notBeforeMs}" data-not-revocable="${certificate.notRevocable}"></span>`,
  );
  return [
    `<section class="timeline" aria-labelledby="timeline-title" data-document="${timeline.document}" data-index="${timeline.index}" data-current-ms="${timeline.notBeforeMs ?? ''}">`,
    `<div class="timeline-head">`,
    `<h2 id="timeline-title" tabindex="-1">What-if notBefore: ${escapeHtml(options.label)} ${escapeHtml(timeline.kind)} <code>${escapeHtml(timeline.value)}</code></h2>`,
    `<button type="button" data-action="close-timeline">Close</button>`,
    `</div>`,
    `<p>Its ${plural(certificates.length, 'matching certificate')} of the inventory, by their own notBefore. A certificate is revoked when it was issued strictly before the entry's notBefore. Choose another instant to see what it would keep.</p>`,
    `<p class="timeline-current">notBefore now: ${current}</p>`,
    `<div class="timeline-track" aria-hidden="true">`,
    `<div class="timeline-line"></div>`,
    ...ticks,
    timeline.notBeforeMs === null
      ? ''
      : `<span class="timeline-marker current" data-ms="${timeline.notBeforeMs}" title="notBefore now"></span>`,
    `<span class="timeline-marker chosen" title="chosen instant"></span>`,
    `</div>`,
    `<p class="timeline-legend" aria-hidden="true"><span class="legend current"></span> notBefore now <span class="legend chosen"></span> chosen instant <span class="legend tick"></span> a certificate, at its own notBefore</p>`,
    `<div class="timeline-controls">`,
    `<label for="timeline-slider">Instant</label>`,
    `<input type="range" id="timeline-slider" min="0" max="0" step="1" value="0" aria-describedby="timeline-status">`,
    `<label for="timeline-date">Date and time (UTC)</label>`,
    `<input type="datetime-local" id="timeline-date" step="1">`,
    `</div>`,
    `<p id="timeline-status" class="timeline-status" role="status" aria-live="polite"></p>`,
    certificates.length === 0
      ? `<p class="empty">No certificate of the inventory matches this value: whatever the notBefore, it revokes none of them.</p>`
      : [
          `<table id="timeline-table" class="certificates">`,
          `<caption>The entry's matches at the chosen instant.</caption>`,
          `<thead><tr><th scope="col">Subject</th><th scope="col">Serial</th><th scope="col">Not before</th><th scope="col">At the chosen instant</th></tr></thead>`,
          `<tbody>`,
          ...rows,
          `</tbody>`,
          `</table>`,
        ].join('\n'),
    `<p><button type="button" id="timeline-apply" data-action="apply-not-before">Apply: write notBefore <code id="timeline-apply-instant"></code></button></p>`,
    `</section>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The timeline's place when it cannot be drawn: why, and the way out. */
export function renderTimelineError(message: string): string {
  return [
    `<section class="timeline" aria-labelledby="timeline-title">`,
    `<div class="timeline-head">`,
    `<h2 id="timeline-title" tabindex="-1">What-if notBefore</h2>`,
    `<button type="button" data-action="close-timeline">Close</button>`,
    `</div>`,
    `<p role="alert">No timeline: ${escapeHtml(message)}.</p>`,
    `</section>`,
  ].join('\n');
}
