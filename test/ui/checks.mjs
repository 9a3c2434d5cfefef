// The UI checks, in the order they run (one workbench for all). Each asserts what a user sees and
// saves a screenshot through `context.screenshot`.
import assert from 'node:assert/strict';
import { editorText, hoverOver, openFile, paletteLabels, problemsPanel } from './workbench.mjs';

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
      const texts = await rows.allInnerTexts();
      const codes = texts.map((text) => /^renew-revocation\n([a-z-]+)$/m.exec(text)?.[1]).filter(Boolean).sort();
      assert.deepEqual(codes, ['broad-revocation', 'missing-not-before', 'missing-not-before', 'missing-not-before', 'missing-not-before'], texts.join('\n'));
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
    name: 'command-palette',
    async run({ page, manifest, screenshot }) {
      const expected = manifest.contributes.commands.map((command) => `${command.category}: ${command.title}`).sort();
      const labels = await paletteLabels(page, 'RenewRevocation:');
      assert.deepEqual([...new Set(labels)].filter((label) => label.startsWith('RenewRevocation:')).sort(), expected, labels.join('\n'));
      const widget = page.locator('.quick-input-widget');
      await screenshot('command-palette', { element: widget, mediaName: 'commands.png' });
    },
  },
];

function pad(box, by) {
  return { x: Math.max(0, box.x - by), y: Math.max(0, box.y - by), width: box.width + 2 * by, height: box.height + 2 * by };
}
