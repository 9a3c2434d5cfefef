// axe-core (WCAG 2.1 A and AA, and best practice) run inside a webview's page, and the colour
// themes it is run in. The webview's Content-Security-Policy allows only the extension's own
// script: axe is evaluated through the DevTools protocol, which that policy does not govern.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The themes checked: the label VS Code's theme picker lists, the classes of the workbench and the webview's body. */
export const THEMES = [
  { label: 'Light Modern', workbench: 'vs', body: 'vscode-light' },
  { label: 'Dark Modern', workbench: 'vs-dark', body: 'vscode-dark' },
  { label: 'Dark High Contrast', workbench: 'hc-black', body: 'vscode-high-contrast' },
];

/** Picks a colour theme as a user does: Preferences: Color Theme, its label, Enter. */
export async function useTheme(page, theme, frame) {
  // The palette's row of exactly that title (others contain the words too).
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Preferences: Color Theme');
  await page
    .locator('.quick-input-list .monaco-list-row', {
      has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }),
    })
    .first()
    .click();
  // The palette gives way to the theme picker.
  const picker = page.locator('.quick-input-widget input[placeholder^="Select Color Theme"]');
  await picker.waitFor({ timeout: 15_000 });
  await picker.fill(theme.label);
  const exactly = new RegExp(`^${theme.label}$`);
  await page
    .locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: exactly })
    .waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.monaco-workbench.${theme.workbench}`).waitFor({ timeout: 30_000 });
  await frame.locator(`body.${theme.body}`).waitFor({ timeout: 30_000 });
}

/** axe's violations on the frame's page: `{ id, impact, help, nodes: [target…] }`. */
export async function axeViolations(frame) {
  if (!(await frame.evaluate(() => typeof globalThis.axe === 'object'))) await frame.evaluate(axeSource);
  const results = await frame.evaluate(
    (tags) => globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
}
