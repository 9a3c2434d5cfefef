// The revocation preview webview's behaviour: sorting the certificate tables, the filter box,
// and messages to the extension (open a source, go to an entry, show more kept certificates,
// export). The page itself is built by client/src/preview/previewHtml.ts; refreshes replace the
// content of <main>, a page of kept certificates is appended to the kept table, and this script
// re-applies the sort and the filter, which it keeps in the webview state (they survive the panel
// being hidden and shown again). Loaded under the page's CSP with its nonce; no inline handlers.
// Type-checked (npm run typecheck, client/webview/tsconfig.json): the messages both ways are the
// types of server/src/protocol/webviewMessages.ts, which client/webview/webviewHost.d.ts names
// here (no import in this file: the page loads nothing but itself).
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  // The page's other script (timeline.js) posts through the same API: it can be acquired only once.
  window.previewApi = vscode;
  /** @type {{ filter: string, sort: Record<string, { key: string, direction: 'ascending' | 'descending' }>, manifest?: string }} */
  const state = Object.assign({ filter: '', sort: {} }, vscode.getState() || {});
  const main = /** @type {HTMLElement} */ (document.getElementById('preview'));
  // The manifest this page previews: VS Code hands the state back after a reload, and the panel
  // is restored with it (client/src/preview/previewSerializer.ts).
  if (document.body.dataset.manifest) {
    state.manifest = document.body.dataset.manifest;
    vscode.setState(state);
  }

  function save() {
    vscode.setState(state);
  }

  /** @param {string} tableId @param {string} key @param {'ascending' | 'descending'} direction */
  function sortTable(tableId, key, direction) {
    const table = document.getElementById(tableId);
    if (!table) return;
    const body = table.querySelector('tbody');
    if (!body) return;
    const headers = Array.from(table.querySelectorAll('th[data-key]'));
    const column = headers.findIndex((header) => header instanceof HTMLElement && header.dataset.key === key);
    if (column < 0) return;
    // A cell sorts by its data-sort when it has one (serials, entries), else by its text.
    const keyed = Array.from(body.rows, (row) => {
      const cell = row.cells[column];
      const sortKey = cell
        ? cell.dataset.sort !== undefined
          ? cell.dataset.sort
          : (cell.textContent || '').toLowerCase()
        : '';
      return { row, sortKey };
    });
    keyed.sort((a, b) => {
      const order = a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
      return direction === 'ascending' ? order : -order;
    });
    const rows = keyed.map((item) => item.row);
    const fragment = document.createDocumentFragment();
    for (const row of rows) fragment.appendChild(row);
    body.appendChild(fragment);
    for (const header of headers) {
      header.setAttribute(
        'aria-sort',
        header instanceof HTMLElement && header.dataset.key === key ? direction : 'none',
      );
    }
  }

  function applyFilter() {
    const input = document.getElementById('certificate-filter');
    if (input instanceof HTMLInputElement && input.value !== state.filter) input.value = state.filter;
    const needle = state.filter.trim().toLowerCase();
    for (const table of Array.from(document.querySelectorAll('table.certificates'))) {
      const rows = Array.from(table.querySelectorAll('tbody tr'));
      let shown = 0;
      for (const row of rows) {
        const visible = needle === '' || (row.textContent || '').toLowerCase().includes(needle);
        row.toggleAttribute('hidden', !visible);
        if (visible) shown++;
      }
      const status = document.getElementById(`${table.id}-status`);
      if (status) status.textContent = needle === '' ? '' : `${shown} of ${rows.length} shown`;
    }
  }

  function applyState() {
    for (const [tableId, sort] of Object.entries(state.sort)) sortTable(tableId, sort.key, sort.direction);
    applyFilter();
  }

  /** @param {string} id */
  function focusEntry(id) {
    const section = id ? document.getElementById(id) : null;
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    section.focus({ preventScroll: true });
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!(target instanceof HTMLElement)) return;
    const data = target.dataset;
    switch (data.action) {
      case 'sort': {
        const tableId = data.table || '';
        const key = data.key || '';
        const current = state.sort[tableId];
        const direction =
          current && current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending';
        state.sort[tableId] = { key, direction };
        save();
        sortTable(tableId, key, direction);
        break;
      }
      case 'open-source':
        if (data.path !== undefined)
          vscode.postMessage({
            type: 'openSource',
            path: data.path,
            line: data.line === undefined ? undefined : Number(data.line),
          });
        break;
      case 'reveal-entry':
        vscode.postMessage({ type: 'revealEntry', line: Number(data.line), character: Number(data.character) });
        break;
      case 'export':
        if (data.format !== undefined) vscode.postMessage({ type: 'export', format: data.format });
        break;
      case 'show-more-kept':
        target.setAttribute('aria-busy', 'true');
        vscode.postMessage({ type: 'showMoreKept' });
        break;
      case 'focus-entry':
        event.preventDefault();
        focusEntry(data.target || '');
        break;
      case 'revoke':
        if (data.fingerprint !== undefined) vscode.postMessage({ type: 'revoke', fingerprints: [data.fingerprint] });
        break;
      case 'revoke-selected': {
        /** @type {string[]} */
        const fingerprints = [];
        document.querySelectorAll('input.revoke-select:checked').forEach((box) => {
          const fingerprint = box instanceof HTMLElement ? box.dataset.fingerprint : undefined;
          if (fingerprint !== undefined && !fingerprints.includes(fingerprint)) fingerprints.push(fingerprint);
        });
        if (fingerprints.length > 0) vscode.postMessage({ type: 'revoke', fingerprints });
        break;
      }
    }
  });

  document.addEventListener('input', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.id !== 'certificate-filter') return;
    state.filter = input.value;
    save();
    applyFilter();
  });

  /** A page of kept certificates: its rows go to the end of the kept table, the note under it is replaced. */
  function appendKept(/** @type {string} */ rows, /** @type {string} */ more) {
    const body = document.querySelector('#kept-table tbody');
    const footer = document.getElementById('kept-more');
    if (!body || !footer) return;
    const hadFocus = footer.contains(document.activeElement);
    body.insertAdjacentHTML('beforeend', rows);
    footer.outerHTML = more;
    const sort = state.sort['kept-table'];
    if (sort) sortTable('kept-table', sort.key, sort.direction);
    applyFilter();
    if (hadFocus) {
      // On to the next button, or the sentence that says everything is shown.
      const next = document.getElementById('kept-more-button') || document.getElementById('kept-more-status');
      if (next) next.focus({ preventScroll: true });
    }
  }

  window.addEventListener('message', (event) => {
    // Checked as it is read: the fields are typed, the data is whatever arrived.
    /** @type {PreviewPanelMessage | null | undefined} */
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'appendKept' && typeof message.rows === 'string' && typeof message.more === 'string') {
      appendKept(message.rows, message.more);
      return;
    }
    if (message.type === 'render' && typeof message.body === 'string') {
      // Keep the keyboard focus where it was when the same control exists after the refresh.
      const active = document.activeElement;
      const activeId = active && active.id;
      main.innerHTML = message.body;
      applyState();
      if (typeof message.focus === 'string') {
        focusEntry(message.focus);
      } else if (activeId) {
        const again = document.getElementById(activeId);
        if (again) again.focus({ preventScroll: true });
      }
    }
  });

  applyState();
  focusEntry(document.body.dataset.focus || '');
  // Messages posted to a page whose script has not started are lost: the panel waits for this.
  vscode.postMessage({ type: 'ready' });
})();
