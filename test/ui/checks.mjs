// The UI checks, in the order they run (one workbench for all). Each asserts what a user sees and
// saves a screenshot through `context.screenshot`.
import assert from 'node:assert/strict';
import { axeViolations, THEMES, useTheme } from './accessibility.mjs';
import { killLanguageServer } from './serverProcess.mjs';
import { startCodeServer } from '../editor/codeServer.mjs';
import {
  editorText,
  hoverOver,
  openFile,
  paletteLabels,
  problemsPanel,
  runCommand,
  webviewFrame,
  openWorkbench,
} from './workbench.mjs';
import { inlayHintsCheck, timelineCheck } from './whatIfChecks.mjs';

/** The union of the bounding boxes of `locators`, for a cropped screenshot. */
async function unionBox(locators) {
  const boxes = (await Promise.all(locators.map((locator) => locator.boundingBox()))).filter(Boolean);
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  return {
    x,
    y,
    width: Math.max(...boxes.map((box) => box.x + box.width)) - x,
    height: Math.max(...boxes.map((box) => box.y + box.height)) - y,
  };
}

export const checks = [
  {
    name: 'problems-panel',
    async run({ page, screenshot }) {
      await openFile(page, 'documented.yaml');
      await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
      const rows = await problemsPanel(page, 'missing-not-before');
      await rows.filter({ hasText: 'broad-revocation' }).first().waitFor();
      // Once the inventory of examples/pki is built: the kubelet serving certificate of system:nodes.
      await rows.filter({ hasText: 'kubelet-server-cert' }).first().waitFor({ timeout: 30_000 });
      const texts = await rows.allInnerTexts();
      const codes = texts
        .map((text) => /^renew-revocation\n([a-z-]+)$/m.exec(text)?.[1])
        .filter(Boolean)
        .sort();
      assert.deepEqual(
        codes,
        [
          'broad-revocation',
          'kubelet-server-cert',
          'missing-not-before',
          'missing-not-before',
          'missing-not-before',
          'missing-not-before',
        ],
        texts.join('\n'),
      );
      // The editor and the panel down to its last row: no empty panel below.
      const clip = await unionBox([page.locator('.part.editor'), rows.last()]);
      clip.height += 6;
      await screenshot('problems-panel', { clip, mediaName: 'diagnostics.png' });
    },
  },
  {
    name: 'hover-card',
    async run({ page, screenshot }) {
      await openFile(page, 'documented.yaml');
      const hover = await hoverOver(page, '77fdf4b1033b387aaace6ce1c18710c2', 'Serial number');
      const text = await hover.innerText();
      assert.match(text, /colon form: 77:fd:f4:b1:03:3b:38:7a:aa:ce:6c:e1:c1:87:10:c2/);
      assert.match(text, /length: 16 octets/);
      const clip = await unionBox([hover, editorText(page, '77fdf4b1033b387aaace6ce1c18710c2')]);
      await screenshot('hover-card', { clip: pad(clip, 8), mediaName: 'hover.png' });
    },
  },
  {
    name: 'certificate-hover',
    async run({ page, screenshot }) {
      // The example cluster's kubeconfig (examples/pki): certificate data decoded where it sits.
      await openFile(page, 'admin.kubeconfig');
      const data = page
        .locator('.editor-instance .monaco-editor .view-line', { hasText: 'client-certificate-data:' })
        .first();
      await data.waitFor({ timeout: 15_000 });
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'kubernetes-admin' }).first();
      for (let attempt = 0; attempt < 5 && !(await hover.isVisible()); attempt++) {
        await page.mouse.move(0, 0);
        await data.hover({ position: { x: 420, y: 8 } });
        await hover.waitFor({ state: 'visible', timeout: 4_000 }).catch(() => {});
      }
      const text = await hover.innerText();
      assert.match(text, /Certificate kubernetes-admin — valid, expires in \d+ years/);
      assert.match(text, /system:masters/);
      assert.doesNotMatch(text, /PRIVATE KEY/);
      await screenshot('certificate-hover', { element: hover, mediaName: 'certificate-hover.png' });
    },
  },
  {
    name: 'command-palette',
    async run({ page, manifest, screenshot }) {
      const expected = manifest.contributes.commands.map((command) => `${command.category}: ${command.title}`).sort();
      const labels = await paletteLabels(page, 'RenewRevocation:', expected.length);
      assert.deepEqual(
        [...new Set(labels)].filter((label) => label.startsWith('RenewRevocation:')).sort(),
        expected,
        labels.join('\n'),
      );
      const widget = page.locator('.quick-input-widget');
      await screenshot('command-palette', { element: widget, mediaName: 'commands.png' });
    },
  },
  {
    name: 'walkthrough',
    async run({ page, screenshot }) {
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with RenewRevocation' })
        .first()
        .click();
      const steps = page.locator('.getting-started-step');
      await steps.filter({ hasText: 'Create a manifest' }).first().waitFor({ timeout: 15_000 });
      const titles = await page.locator('.getting-started-step .step-title').allInnerTexts();
      assert.deepEqual(titles.filter(Boolean), [
        'Create a manifest',
        'See what could go wrong',
        'Preview against the example certificates',
        'Revoke a certificate in three clicks',
      ]);
      await screenshot('walkthrough');
      // Its first button runs New Manifest: an untitled manifest with the broad-revocation warning.
      await page.locator('.getting-started-step .button-container a', { hasText: 'Create a Manifest' }).click();
      await page.locator('.tab.active', { hasText: 'Untitled-' }).waitFor({ timeout: 15_000 });
      // The step after: the template's warnings, all on the system:nodes group (its breadth, and
      // the example cluster's kubelet serving certificate that it matches but cannot revoke).
      await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
      const hover = await hoverOver(page, 'system:nodes', 'kubelet-server-cert');
      const text = await hover.innerText();
      assert.match(text, /Revoking group `?system:nodes`? revokes every kubelet client certificate/);
      assert.match(text, /matches 1 kubelet serving certificate: `?CN=system:node:moc-node-1,O=system:nodes`?/);
      assert.doesNotMatch(text, /missing-not-before/);
      await screenshot('walkthrough-new-manifest');
    },
  },
  inlayHintsCheck,
  {
    // It leaves the layout changed (side bar hidden, the preview maximized).
    name: 'preview-webview',
    async run({ page, screenshot }) {
      await openFile(page, 'documented.yaml');
      await runCommand(page, 'RenewRevocation: Preview Revocation');
      await page.locator('.tab', { hasText: 'Preview: documented.yaml' }).waitFor({ timeout: 15_000 });
      const view = await webviewFrame(page, 'table.certificates caption');
      const revoked = view.locator('table', { has: view.locator('caption', { hasText: /revoked/i }) }).first();
      await revoked.waitFor({ timeout: 30_000 });
      const headers = await revoked.locator('thead th').allInnerTexts();
      assert.deepEqual(headers.map((header) => header.trim()).slice(0, 6), [
        'Subject',
        'Serial',
        'Issuer',
        'Not before',
        'Not after',
        'Source',
      ]);
      const rows = await revoked.locator('tbody tr').allInnerTexts();
      const subjects = rows.map((row) => /CN=[^,\s]+/.exec(row)?.[0]).sort();
      assert.deepEqual(
        subjects,
        [
          'CN=front-proxy-client',
          'CN=kube-apiserver',
          'CN=metrics-server',
          'CN=system:node:moc-node-1',
          'CN=system:node:moc-node-2',
        ],
        rows.join('\n'),
      );
      // The README's picture: the preview alone, at its revoked-certificates table.
      // Keys, not the palette: the focus is in the webview now, which forwards keybindings.
      await page.keyboard.press('Control+2');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+M');
      await page.locator('.editor-group-container', { hasText: 'Preview: documented.yaml' }).waitFor();
      await page
        .locator('.part.editor .editor-group-container:not(.active)')
        .first()
        .waitFor({ state: 'hidden', timeout: 10_000 })
        .catch(() => {});
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
      // The page may have been rebuilt meanwhile (an inventory refresh while it moved): find it again.
      const shown = await webviewFrame(page, '#revoked-table tbody tr');
      await shown.locator('#revoked-table').scrollIntoViewIfNeeded();
      const clip = await unionBox([page.locator('.part.editor')]);
      await screenshot('preview-webview', { clip, mediaName: 'preview.png' });
    },
  },
  {
    // The preview as left by the check before (maximized, no side bar), in each theme.
    name: 'preview-accessibility',
    async run({ page }) {
      const view = await webviewFrame(page, 'table#revoked-table');
      const found = [];
      for (const theme of THEMES) {
        await useTheme(page, theme, view);
        const violations = await axeViolations(view);
        console.log(
          `    axe, ${theme.label}: ${violations.length === 0 ? 'no violations' : violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`,
        );
        found.push(...violations.map((violation) => ({ theme: theme.label, ...violation })));
      }
      await useTheme(page, THEMES[1], view);
      const blocking = found.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      assert.deepEqual(blocking, [], 'no serious or critical axe violation in any theme');
      assert.deepEqual(
        found.filter((violation) => violation.id === 'region'),
        [],
        'every part of the page is in a landmark',
      );
      // Keyboard: the first sort button is reached with Tab and sorts with Enter; its focus ring shows.
      const sortButton = view.locator('#revoked-table th button.sort').first();
      await sortButton.focus();
      await page.keyboard.press('Enter');
      await view.locator('#revoked-table th[aria-sort="ascending"]').first().waitFor({ timeout: 5_000 });
      const outline = await sortButton.evaluate((element) => getComputedStyle(element).outlineStyle);
      assert.equal(outline, 'solid', 'the focused sort button shows its focus ring');
      await page.keyboard.press('Enter');
      await view.locator('#revoked-table th[aria-sort="descending"]').first().waitFor({ timeout: 5_000 });
    },
  },
  {
    // The preview at about 400 px, as beside an editor on a laptop.
    name: 'preview-narrow',
    async run({ page, screenshot }) {
      const view = await webviewFrame(page, 'table#revoked-table');
      await page.setViewportSize({ width: 470, height: 840 });
      try {
        await view.waitForFunction(() => document.documentElement.clientWidth < 460, null, { timeout: 10_000 });
        const layout = await view.evaluate(() => {
          const table = document.getElementById('revoked-table');
          const rows = Array.from(table.querySelectorAll('tbody tr'));
          const serials = Array.from(table.querySelectorAll('code.serial'));
          const visible = Array.from(table.querySelectorAll('thead th'))
            .filter((th) => th.getBoundingClientRect().width > 0)
            .map((th) => th.dataset.key);
          const entries = table.querySelector('th.col-entries').getBoundingClientRect();
          return {
            width: document.documentElement.clientWidth,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            visible,
            entriesRight: entries.right,
            rowHeights: rows.map((row) => Math.round(row.getBoundingClientRect().height)),
            serialHeights: serials.map((code) => Math.round(code.getBoundingClientRect().height)),
            lineHeight: parseFloat(getComputedStyle(serials[0]).lineHeight) || 20,
            truncated: serials.filter((code) => code.scrollWidth > code.clientWidth).map((code) => code.title),
            // What reaches past the right edge, if anything does.
            outside: Array.from(document.querySelectorAll('body *'))
              .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              .slice(0, 5)
              .map((element) => `${element.tagName.toLowerCase()}.${element.className}#${element.id}`),
          };
        });
        console.log(`    narrow preview: ${JSON.stringify(layout)}`);
        assert.ok(layout.width >= 380 && layout.width < 460, `the page is ${layout.width} px wide`);
        assert.equal(layout.overflow, 0, 'nothing is cut off or scrolls sideways');
        assert.deepEqual(layout.visible, ['subject', 'serial', 'source', 'entries']);
        assert.ok(layout.entriesRight <= layout.width, 'the Entries column is inside the page');
        for (const height of layout.serialHeights) assert.ok(height < 1.5 * layout.lineHeight, 'a serial is one line');
        assert.ok(Math.max(...layout.rowHeights) <= 120, `rows stay short: ${layout.rowHeights.join(', ')} px`);
        assert.ok(layout.truncated.length > 0, 'the long serials are truncated');
        // Focus (the keyboard's hover) shows the whole serial.
        const longSerial = view.locator('#revoked-table code.serial', { hasText: layout.truncated[0] }).first();
        await longSerial.focus();
        const whole = await longSerial.evaluate((code) => code.scrollWidth <= code.clientWidth);
        assert.ok(whole, 'a focused serial shows in full');
        await longSerial.evaluate((code) => code.blur());
        await view.locator('#revoked-table').scrollIntoViewIfNeeded();
        await screenshot('preview-narrow', {
          clip: await unionBox([page.locator('.part.editor')]),
          mediaName: 'preview-narrow.png',
        });
      } finally {
        await page.setViewportSize({ width: 1200, height: 840 });
      }
    },
  },
  // After the two above: it opens the timeline beside the table, which they would measure.
  timelineCheck,
  {
    // A browser reload of code-server is VS Code's Reload Window.
    name: 'preview-restored-after-reload',
    async run({ page }) {
      // The command, as a user reloads: it saves the workbench's state first (a bare page reload
      // may leave before the open editors are stored, and then nothing is restored).
      const reloaded = page.waitForEvent('load', { timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.tab', { hasText: 'Preview: documented.yaml' }).waitFor({ timeout: 60_000 });
      const view = await webviewFrame(page, 'table#revoked-table');
      const rows = await view.locator('#revoked-table tbody tr').count();
      assert.equal(rows, 5, 'the restored preview shows the five revoked certificates again');
      assert.match(await view.locator('h1').innerText(), /Revocation preview of documented\.yaml/);
    },
  },
  {
    name: 'status-bar',
    async run({ page, server, screenshot }) {
      // The preview's count to compare with (open unless this check runs alone).
      if (!(await page.locator('.tab', { hasText: 'Preview: documented.yaml' }).count())) {
        await openFile(page, 'documented.yaml');
        await runCommand(page, 'RenewRevocation: Preview Revocation');
      }
      const item = page.locator('.statusbar-item', { hasText: /\d+ certificates?$/ }).first();
      await item.waitFor({ timeout: 60_000 });
      // The inventory the preview counted (the example cluster's certificates, examples/pki).
      const view = await webviewFrame(page, '.count.scanned dd');
      const scanned = Number(await view.locator('.count.scanned dd').innerText());
      assert.ok(scanned > 0);
      const counted = `${scanned} certificates`;
      assert.equal((await item.innerText()).trim(), counted);
      // A click event, not the mouse: the item's hover would stay over what follows.
      await item.locator('.statusbar-item-label').dispatchEvent('click');
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.nth(2).waitFor({ timeout: 15_000 });
      assert.deepEqual(
        (await rows.locator('.label-name').allInnerTexts()).map((label) => label.trim()),
        ['Show Output', 'Preview Revocation', 'Restart Server'],
      );
      const menu = page.locator('.quick-input-widget');
      await page.mouse.move(0, 0);
      await screenshot('status-bar-menu', { clip: pad(await unionBox([menu, item]), 4) });
      await page.keyboard.press('Escape');

      // Stopped for good: five crashes in a row.
      const toast = page.locator('.notification-toast', { hasText: 'was not restarted' }).first();
      // Each time once it has started again and counted the inventory (a server killed while it
      // initializes is a failed start, which the client does not retry).
      const running = page.locator('.statusbar-item', { hasText: counted }).first();
      for (let crash = 0; crash < 5 && !(await toast.count()); crash++) {
        await running.waitFor({ timeout: 60_000 });
        await killLanguageServer(server.extensionDir);
        await running.waitFor({ state: 'hidden', timeout: 15_000 });
      }
      await toast.waitFor({ timeout: 15_000 });
      const stopped = page.locator('.statusbar-item', { hasText: 'RenewRevocation stopped' }).first();
      await stopped.waitFor({ timeout: 15_000 });
      // No status-bar hover over the toast (the item was hovered when clicked).
      await page.mouse.move(0, 0);
      await page
        .locator('.workbench-hover-container, .monaco-hover')
        .first()
        .waitFor({ state: 'hidden', timeout: 10_000 })
        .catch(() => {});
      const buttons = await toast.locator('.monaco-button').allInnerTexts();
      assert.deepEqual(buttons.map((label) => label.trim()).filter(Boolean), ['Restart Server', 'Show Output']);
      await screenshot('status-bar-stopped', {
        clip: pad(await unionBox([toast, stopped]), 4),
        mediaName: 'status-bar.png',
      });
      // A click event on the button itself: the item's hover may still lie over the toast.
      await toast.locator('.monaco-button', { hasText: 'Restart Server' }).dispatchEvent('click');
      await page.locator('.statusbar-item', { hasText: counted }).first().waitFor({ timeout: 60_000 });
    },
  },
  {
    // A workbench of its own (another origin), with VS Code's default of opening walkthroughs on install.
    name: 'walkthrough-on-first-activation',
    async run({ page }) {
      const fresh = await startCodeServer({
        settings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true },
      });
      const other = await page.context().newPage();
      try {
        await other.setViewportSize({ width: 1200, height: 840 });
        await openWorkbench(other, fresh);
        // The folder holds documented.yaml, so the extension activates with the window and opens the
        // walkthrough by itself; opening a file first would replace it (it opens as a preview editor).
        // A second code-server on two shared cores: its first start is slow.
        const step = other.locator('.getting-started-step', { hasText: 'Create a manifest' }).first();
        await step.waitFor({ timeout: 120_000 });
        // Once: closed, then after a reload, opening a manifest shows its diagnostics and no walkthrough.
        const welcome = other.locator('.tab', { hasText: 'Welcome' }).first();
        await welcome.hover();
        await welcome.locator('.tab-actions .action-label').first().click({ force: true });
        await other.locator('.getting-started-step').first().waitFor({ state: 'detached', timeout: 15_000 });
        await other.reload();
        await other.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await openFile(other, 'warnings.yaml');
        await other.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
        assert.equal(await other.locator('.getting-started-step').count(), 0, 'the walkthrough opened once');
      } catch (error) {
        await other
          .screenshot({ path: 'test/ui/screenshots/walkthrough-on-first-activation-window.png' })
          .catch(() => {});
        throw error;
      } finally {
        await other.close();
        fresh.stop();
        await page.bringToFront();
      }
    },
  },
  {
    // After the preview: a second workbench window of the same origin disturbs the first one's
    // webviews (their service worker), so nothing that needs a webview runs after it.
    name: 'open-examples',
    async run({ page, screenshot }) {
      const opened = page.context().waitForEvent('page', { timeout: 30_000 });
      await runCommand(page, 'RenewRevocation: Open Examples');
      const examples = await opened;
      try {
        await examples.setViewportSize({ width: 1200, height: 840 });
        await examples.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        assert.match(decodeURIComponent(examples.url()), /folder=.*\/examples-\d+\.\d+\.\d+/);
        const explorer = examples.locator('.explorer-folders-view .monaco-list-row');
        for (const name of ['pki', 'documented.yaml', 'warnings.yaml']) {
          await explorer.filter({ hasText: name }).first().waitFor({ timeout: 60_000 });
        }
        // Opened by the extension in the new window.
        await examples.locator('.tab.active', { hasText: 'documented.yaml' }).waitFor({ timeout: 60_000 });
        await examples
          .locator('.editor-instance .monaco-editor .squiggly-warning')
          .first()
          .waitFor({ timeout: 60_000 });
        await screenshot('open-examples', { page: examples });
      } finally {
        await examples.close();
        await page.bringToFront();
      }
    },
  },
];

function pad(box, by) {
  return {
    x: Math.max(0, box.x - by),
    y: Math.max(0, box.y - by),
    width: box.width + 2 * by,
    height: box.height + 2 * by,
  };
}
