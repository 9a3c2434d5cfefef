// The UI checks, in the order they run (one workbench for all). Each asserts what a user sees and
// saves a screenshot through `context.screenshot`.
import assert from 'node:assert/strict';
import {
  editorText,
  hoverOver,
  openFile,
  paletteLabels,
  problemsPanel,
  runCommand,
  webviewFrame,
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
      await revoked.scrollIntoViewIfNeeded();
      await revoked.locator('tbody tr').last().waitFor();
      const clip = await unionBox([page.locator('.part.editor')]);
      await screenshot('preview-webview', { clip, mediaName: 'preview.png' });
    },
  },
  timelineCheck,
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
        await openFile(examples, 'documented.yaml');
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
