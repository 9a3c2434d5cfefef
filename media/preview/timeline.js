// The what-if notBefore timeline of the preview page (its HTML: client/src/preview/timelineHtml.ts).
// Places each matching certificate on the track by its own notBefore, and moves the chosen instant
// with the slider (its stops are the instants that change the outcome: each certificate's
// notBefore, and just after the last), the date field (UTC) or the keyboard (arrows, Home, End on
// the slider; Escape closes). Each change marks every row revoked, kept or not revocable at that
// instant and says so in a status line a screen reader reads out. Apply and Close are messages to
// the extension. Loaded after preview.js, whose webview API it shares (`previewApi`).
// @ts-check
(function () {
  const sharedApi = window.previewApi;
  const timelineAside = document.getElementById('timeline');
  if (!sharedApi || !timelineAside) return;
  const api = sharedApi;
  const aside = timelineAside;
  const DAY_MS = 24 * 60 * 60 * 1000;
  const WORDS = { revoked: 'revoked', kept: 'kept', 'not-revocable': 'not revocable' };

  /** The entry whose button opened the timeline: the focus goes back there when it closes (a refresh may have rebuilt the button). */
  /** @type {{ document: string, index: string } | null} */
  let opener = null;
  /** Distinct notBefore instants of the matches, ascending. */
  /** @type {number[]} */
  let times = [];
  /** The slider's instants: each match's notBefore, then one second after the last. */
  /** @type {number[]} */
  let stops = [];
  let chosen = Number.NaN;
  let min = 0;
  let max = 1;

  /** @param {number} ms */
  function iso(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** @param {string} selector */
  function find(selector) {
    const found = aside.querySelector(selector);
    return found instanceof HTMLElement ? found : null;
  }

  function section() {
    return find('section.timeline[data-document]');
  }

  /** @param {HTMLElement} element @param {number} ms */
  function place(element, ms) {
    const fraction = max > min ? (ms - min) / (max - min) : 0.5;
    element.style.left = `${Math.min(100, Math.max(0, fraction * 100)).toFixed(3)}%`;
  }

  /** Outcomes at the chosen instant: a match is revoked when issued strictly before it. @param {string} source */
  function update(source) {
    const shown = section();
    if (!shown) return;
    const counts = { revoked: 0, kept: 0, 'not-revocable': 0 };
    for (const row of Array.from(shown.querySelectorAll('#timeline-table tbody tr'))) {
      if (!(row instanceof HTMLElement)) continue;
      const matched = Number(row.dataset.ms) < chosen;
      /** @type {'revoked' | 'kept' | 'not-revocable'} */
      const outcome = !matched ? 'kept' : row.dataset.notRevocable === 'true' ? 'not-revocable' : 'revoked';
      counts[outcome]++;
      const tag = row.querySelector('.timeline-outcome .status-tag');
      if (tag) {
        tag.className = `status-tag ${outcome}`;
        tag.textContent = WORDS[outcome];
      }
    }
    for (const tick of Array.from(shown.querySelectorAll('.timeline-tick'))) {
      if (!(tick instanceof HTMLElement)) continue;
      const matched = Number(tick.dataset.ms) < chosen;
      tick.classList.toggle('revoked', matched && tick.dataset.notRevocable !== 'true');
      tick.classList.toggle('not-revocable', matched && tick.dataset.notRevocable === 'true');
      tick.classList.toggle('kept', !matched);
    }
    const marker = find('.timeline-marker.chosen');
    if (marker) place(marker, chosen);
    const text =
      `notBefore ${iso(chosen)} revokes ${counts.revoked} and keeps ${counts.kept}` +
      (counts['not-revocable'] > 0 ? `; ${counts['not-revocable']} not revocable` : '');
    const slider = find('#timeline-slider');
    if (slider instanceof HTMLInputElement) {
      if (source !== 'slider') slider.value = String(times.filter((time) => time < chosen).length);
      slider.setAttribute('aria-valuetext', text);
    }
    const date = find('#timeline-date');
    if (date instanceof HTMLInputElement && source !== 'date') date.value = iso(chosen).slice(0, 19);
    const status = find('#timeline-status');
    if (status) status.textContent = `${text}.`;
    const instant = find('#timeline-apply-instant');
    if (instant) instant.textContent = iso(chosen);
  }

  /** A new timeline: the track's span, the slider's stops, the chosen instant at the entry's notBefore. @param {boolean} focus */
  function setup(focus) {
    const shown = section();
    if (!shown) {
      const heading = find('#timeline-title');
      if (heading && focus) heading.focus();
      return;
    }
    times = [
      ...new Set(Array.from(shown.querySelectorAll('.timeline-tick'), (tick) => Number(tick.getAttribute('data-ms')))),
    ].sort((a, b) => a - b);
    stops = times.length > 0 ? [...times, times[times.length - 1] + 1000] : [];
    const current = shown.dataset.currentMs ? Number(shown.dataset.currentMs) : Number.NaN;
    const span = Number.isNaN(current) ? times : [...times, current];
    const now = Math.floor(Date.now() / 1000) * 1000;
    min = span.length > 0 ? Math.min(...span) : now - DAY_MS;
    max = span.length > 0 ? Math.max(...span) : now + DAY_MS;
    const pad = Math.max((max - min) * 0.05, DAY_MS);
    min -= pad;
    max += pad;
    for (const element of Array.from(shown.querySelectorAll('.timeline-tick, .timeline-marker.current')))
      if (element instanceof HTMLElement) place(element, Number(element.dataset.ms));
    const slider = find('#timeline-slider');
    if (slider instanceof HTMLInputElement) {
      slider.max = String(Math.max(0, stops.length - 1));
      slider.disabled = stops.length === 0;
    }
    chosen = !Number.isNaN(current) ? current : stops.length > 0 ? stops[stops.length - 1] : now;
    update('setup');
    if (focus) {
      const heading = find('#timeline-title');
      if (heading) {
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
      }
    }
  }

  function close() {
    api.postMessage({ type: 'closeTimeline' });
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!(target instanceof HTMLElement)) return;
    const shown = section();
    switch (target.dataset.action) {
      case 'open-timeline':
        opener = { document: target.dataset.document || '', index: target.dataset.index || '' };
        api.postMessage({
          type: 'openTimeline',
          document: Number(target.dataset.document),
          index: Number(target.dataset.index),
        });
        break;
      case 'close-timeline':
        close();
        break;
      case 'apply-not-before':
        if (shown && !Number.isNaN(chosen))
          api.postMessage({
            type: 'applyNotBefore',
            document: Number(shown.dataset.document),
            index: Number(shown.dataset.index),
            notBefore: iso(chosen),
          });
        break;
    }
  });

  aside.addEventListener('input', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    if (input.id === 'timeline-slider') {
      const stop = stops[Number(input.value)];
      if (stop === undefined) return;
      chosen = stop;
      update('slider');
    } else if (input.id === 'timeline-date') {
      // The field shows UTC: read it as UTC, whole seconds.
      const ms = Date.parse(`${input.value.length === 16 ? `${input.value}:00` : input.value}Z`);
      if (Number.isNaN(ms)) return;
      chosen = ms;
      update('date');
    }
  });

  aside.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && section()) {
      event.preventDefault();
      close();
    }
  });

  window.addEventListener('message', (event) => {
    /** @type {PreviewPanelMessage | null | undefined} */
    const message = event.data;
    if (!message || typeof message !== 'object' || message.type !== 'timeline' || typeof message.html !== 'string')
      return;
    const hadFocus = aside.contains(document.activeElement);
    aside.innerHTML = message.html;
    setup(message.focus === true);
    if (message.html === '' && hadFocus && opener) {
      const button = document.querySelector(
        `[data-action="open-timeline"][data-document="${CSS.escape(opener.document)}"][data-index="${CSS.escape(opener.index)}"]`,
      );
      if (button instanceof HTMLElement) button.focus();
    }
  });

  setup(false);
})();
