// UI checks of what each entry matches, seen without hovering: the inlay hints after each value,
// and the preview's what-if notBefore timeline driven by the keyboard alone (open, slider, date
// field, Apply, Escape), with the edit it writes undone in one step.
import assert from 'node:assert/strict';
import { openFile, runCommand, webviewFrame } from './workbench.mjs';

const SHORT = 15_000;

/** The text of the active editor's view lines (inlay hints included: they are part of the line), spaces as spaces. */
async function viewLines(page) {
  const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').allInnerTexts();
  return lines.map((line) => line.replace(/\u00a0/g, ' ').trimEnd());
}

export const inlayHintsCheck = {
  name: 'inlay-hints',
  async run({ page, screenshot }) {
    await openFile(page, 'documented.yaml');
    // The panel hidden: every entry of the example fits in the editor, code lenses included.
    const panel = page.locator('.part.panel');
    const panelShown = await panel.isVisible();
    if (panelShown) {
      await page.keyboard.press('Control+J');
      await panel.waitFor({ state: 'hidden', timeout: 10_000 });
    }
    // Once the inventory is read, each value is followed by what it matches.
    const group = page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'revokes 2 certificates (1' });
    await group.first().waitFor({ timeout: 60_000 });
    const lines = await viewLines(page);
    const hinted = (value) => lines.find((line) => line.includes(value)) ?? '';
    assert.match(hinted('serialNumber: 77fdf4b1033b387aaace6ce1c18710c2'), /front-proxy-client, expires 2035-01-15$/);
    assert.match(hinted('group: system:nodes'), /revokes 2 certificates \(1 not revocable\)$/);
    assert.match(hinted('dns: kubernetes.default.svc.'), /revokes 1 certificate$/);
    assert.match(hinted('dns: .cluster.local'), /revokes 2 certificates$/);
    assert.match(hinted('ip: 170.63.128.124'), /revokes 1 certificate$/);
    const editor = page.locator('.editor-instance .monaco-editor .view-lines').first();
    const box = await editor.boundingBox();
    await screenshot('inlay-hints', {
      clip: { x: box.x, y: box.y, width: Math.min(box.width, 760), height: Math.min(box.height, 420) },
      mediaName: 'inlay-hints.png',
    });
    // The layout as it was, for the checks after this one.
    if (panelShown) await page.keyboard.press('Control+J');
  },
};

export const timelineCheck = {
  name: 'notbefore-timeline',
  async run({ page, screenshot }) {
    // The preview of the documented example: the one the preview check left open, else a new one.
    const previewTab = page.locator('.tab', { hasText: 'Preview: documented.yaml' }).first();
    if (await previewTab.isVisible()) {
      await previewTab.click();
    } else {
      await openFile(page, 'documented.yaml');
      await runCommand(page, 'RenewRevocation: Preview Revocation');
    }
    const view = await webviewFrame(page, 'button[data-action="open-timeline"]');
    // Entry #2, system:nodes: the keyboard opens its timeline and lands on its heading.
    const open = view.locator('#entry-0-1 button[data-action="open-timeline"]');
    await open.focus();
    await page.keyboard.press('Enter');
    const heading = view.locator('#timeline-title');
    await heading.waitFor({ timeout: SHORT });
    await view.locator('#timeline-title:focus').waitFor({ timeout: SHORT });
    assert.equal((await heading.innerText()).trim(), 'What-if notBefore: #2 Group system:nodes');
    const status = view.locator('#timeline-status');
    const current = view.locator('.timeline-current');
    assert.equal((await current.innerText()).trim(), 'notBefore now: none: all, and future ones');
    // No notBefore: every match is revoked (the kubelet serving certificates cannot be).
    assert.equal(
      (await status.innerText()).trim(),
      'notBefore 2025-02-01T00:00:01Z revokes 2 and keeps 0; 1 not revocable.',
    );
    const slider = view.locator('#timeline-slider');
    await slider.focus();
    await page.keyboard.press('Home');
    assert.equal((await status.innerText()).trim(), 'notBefore 2024-03-01T00:00:00Z revokes 0 and keeps 3.');
    await page.keyboard.press('ArrowRight');
    assert.equal(
      (await status.innerText()).trim(),
      'notBefore 2025-02-01T00:00:00Z revokes 1 and keeps 1; 1 not revocable.',
    );
    assert.equal(
      await slider.getAttribute('aria-valuetext'),
      'notBefore 2025-02-01T00:00:00Z revokes 1 and keeps 1; 1 not revocable',
    );
    const outcomes = await view.locator('#timeline-table tbody tr').allInnerTexts();
    assert.deepEqual(
      outcomes.map((row) => row.split('\t').map((cell) => cell.trim())),
      [
        ['CN=system:node:moc-node-1,O=system:nodes', '6c01', '2024-03-01T00:00:00Z', 'revoked'],
        ['CN=system:node:moc-node-1,O=system:nodes', '6d01', '2024-03-01T00:00:00Z', 'not revocable'],
        ['CN=system:node:moc-node-2,O=system:nodes', '6c02', '2025-02-01T00:00:00Z', 'kept'],
      ],
    );
    // The date field (UTC) sets any instant.
    await view.locator('#timeline-date').fill('2025-03-01T00:00:00');
    assert.equal(
      (await status.innerText()).trim(),
      'notBefore 2025-03-01T00:00:00Z revokes 2 and keeps 0; 1 not revocable.',
    );
    await view.locator('#timeline-date').fill('2024-06-01T12:00:00');
    assert.equal(
      (await status.innerText()).trim(),
      'notBefore 2024-06-01T12:00:00Z revokes 1 and keeps 1; 1 not revocable.',
    );
    // The README's picture: the preview alone (as the preview check leaves it), at its timeline.
    // Keys, not the palette: the focus is in the webview, which forwards keybindings.
    const otherGroup = page.locator('.part.editor .editor-group-container:not(.active)').first();
    if (await otherGroup.isVisible()) {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+M');
      await otherGroup.waitFor({ state: 'hidden', timeout: SHORT });
    }
    if (await page.locator('.part.sidebar').isVisible()) {
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: SHORT });
    }
    await heading.scrollIntoViewIfNeeded();
    await screenshot('notbefore-timeline', {
      clip: await page.locator('.part.editor').boundingBox(),
      mediaName: 'timeline.png',
    });

    // Apply, by keyboard: the manifest gets the notBefore, and the timeline shows it as the current one.
    await view.locator('#timeline-apply').focus();
    await page.keyboard.press('Enter');
    await view.locator('.timeline-current', { hasText: '2024-06-01T12:00:00Z' }).waitFor({ timeout: SHORT });
    // Escape closes the timeline and gives the focus back to the button that opened it.
    await view.locator('#timeline-slider').focus();
    await page.keyboard.press('Escape');
    await view.locator('#timeline section').waitFor({ state: 'detached', timeout: SHORT });
    await view.locator('#entry-0-1 button[data-action="open-timeline"]:focus').waitFor({ timeout: SHORT });

    // One undo step takes the edit back: in the manifest's editor (the first group), one Ctrl+Z.
    const edited = page.locator('.part.editor .monaco-editor .view-line', {
      hasText: 'notBefore: "2024-06-01T12:00:00Z"',
    });
    await edited.first().waitFor({ state: 'attached', timeout: SHORT });
    await page.keyboard.press('Control+1');
    await edited.first().waitFor({ timeout: SHORT });
    await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: SHORT });
    await page.keyboard.press('Control+Z');
    await edited.first().waitFor({ state: 'detached', timeout: SHORT });
    const lines = await viewLines(page);
    assert.ok(
      lines.some((line) => line.includes('group: system:nodes')),
      lines.join('\n'),
    );
    assert.ok(!lines.some((line) => line.includes('2024-06-01')), lines.join('\n'));
  },
};
