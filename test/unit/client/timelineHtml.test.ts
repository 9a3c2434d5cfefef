// The what-if notBefore timeline's HTML (client/src/preview/timelineHtml.ts): one row per match
// carrying its own notBefore for the page's script, labelled controls, the entry's notBefore (or
// "none: all, and future ones"), everything from a certificate escaped, no inline style.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderTimeline, renderTimelineError } from '../../../client/src/preview/timelineHtml';
import type { NotBeforeTimeline } from '../../../server/src/protocol';

const TIMELINE: NotBeforeTimeline = {
  document: 0,
  index: 2,
  kind: 'Group',
  value: 'system:nodes',
  notBefore: '2025-01-01T00:00:00Z',
  notBeforeMs: Date.parse('2025-01-01T00:00:00Z'),
  certificates: [
    {
      sha256Fingerprint: 'a'.repeat(64),
      subject: 'CN=<b>node-1</b>,O=system:nodes',
      serialNumber: '6c01',
      notBefore: '2024-03-01T00:00:00Z',
      notBeforeMs: Date.parse('2024-03-01T00:00:00Z'),
      isCA: false,
      notRevocable: false,
    },
    {
      sha256Fingerprint: 'b'.repeat(64),
      subject: 'CN=system:node:node-1,O=system:nodes',
      serialNumber: '6d01',
      notBefore: '2025-02-01T00:00:00Z',
      notBeforeMs: Date.parse('2025-02-01T00:00:00Z'),
      isCA: false,
      notRevocable: true,
    },
  ],
};

test('one row per match with its notBefore, in the order given, the subject escaped', () => {
  const html = renderTimeline(TIMELINE, { label: '#3' });
  const rows = [...html.matchAll(/<tr data-ms="(\d+)" data-not-revocable="(true|false)">/g)].map((m) => [
    Number(m[1]),
    m[2],
  ]);
  assert.deepEqual(rows, [
    [Date.parse('2024-03-01T00:00:00Z'), 'false'],
    [Date.parse('2025-02-01T00:00:00Z'), 'true'],
  ]);
  assert.ok(html.includes('<code>CN=&lt;b&gt;node-1&lt;/b&gt;,O=system:nodes</code>'));
  assert.ok(
    html.includes('<h2 id="timeline-title" tabindex="-1">What-if notBefore: #3 Group <code>system:nodes</code></h2>'),
  );
  assert.ok(html.includes('notBefore now: <code>2025-01-01T00:00:00Z</code>'));
  assert.ok(html.includes(`data-current-ms="${Date.parse('2025-01-01T00:00:00Z')}"`));
  assert.doesNotMatch(html, /\sstyle\s*=|\son[a-z]+\s*=|<script/i);
});

test('the controls are labelled and the status line is live; the track is a picture only', () => {
  const html = renderTimeline(TIMELINE, { label: '#3' });
  assert.ok(html.includes('<label for="timeline-slider">Instant</label>'));
  assert.ok(html.includes('<input type="range" id="timeline-slider"'));
  assert.ok(html.includes('<label for="timeline-date">Date and time (UTC)</label>'));
  assert.ok(html.includes('<p id="timeline-status" class="timeline-status" role="status" aria-live="polite"></p>'));
  assert.ok(html.includes('<div class="timeline-track" aria-hidden="true">'));
  assert.ok(html.includes('data-action="apply-not-before"'));
});

test('without notBefore: "none: all, and future ones" and no marker of it; no match: said so', () => {
  const html = renderTimeline({ ...TIMELINE, notBefore: null, notBeforeMs: null, certificates: [] }, { label: '#1' });
  assert.ok(html.includes('notBefore now: <strong>none</strong>: all, and future ones'));
  assert.doesNotMatch(html, /timeline-marker current/);
  assert.ok(html.includes('No certificate of the inventory matches this value'));
  assert.doesNotMatch(html, /<table/);
});

test('an error is an alert with the way out', () => {
  const html = renderTimelineError('this entry matches nothing: the group is <empty>');
  assert.ok(html.includes('<p role="alert">No timeline: this entry matches nothing: the group is &lt;empty&gt;.</p>'));
  assert.ok(html.includes('data-action="close-timeline"'));
});
