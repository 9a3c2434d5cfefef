// Steps a user takes in the VS Code workbench, through its DOM (VS Code 1.139): open a file with
// Quick Open, hover over text, open the Problems panel, run the command palette. Every step waits
// for the element it needs; none sleeps a fixed time.

const SHORT = 15_000;
const LONG = 60_000;

/** Opens the workbench on `folder` and waits until the explorer shows the workspace. */
export async function openWorkbench(page, server) {
  await page.goto(`${server.url}/?folder=${encodeURIComponent(server.dirs.workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: LONG });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: LONG });
}

/** Quick Open (Ctrl+P): type the file name, pick it, wait for its editor tab to be active. */
export async function openFile(page, name) {
  const input = page.locator('.quick-input-widget input');
  // Enter picks the focused row: wait until that is the file.
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first();
  // A hover or widget left open by the previous step can swallow the first keystroke: retry.
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    // Into the first group: an editor VS Code opened to the side (a Welcome page) must not make
    // the file open there a second time.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+P');
    try {
      await input.waitFor({ state: 'visible', timeout: attempt < 3 ? 3_000 : SHORT });
      await input.fill(name);
      await row.waitFor({ timeout: attempt < 3 ? 5_000 : SHORT });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: SHORT });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: SHORT });
}

/** The token of the active editor that shows exactly `text` (the first such, in the DOM). */
export function editorText(page, text) {
  const exactly = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page
    .locator('.editor-instance .monaco-editor .view-lines .view-line span[class^="mtk"]', { hasText: exactly })
    .first();
}

/** Moves the mouse over `text` in the active editor and returns the hover card once it shows `expected`. */
export async function hoverOver(page, text, expected) {
  const target = editorText(page, text);
  await target.waitFor({ timeout: SHORT });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expected }).first();
  // The hover appears after a delay once the mouse rests; moving in again restarts it.
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.mouse.move(0, 0);
    await target.hover();
    try {
      await hover.waitFor({ state: 'visible', timeout: 4_000 });
      return hover;
    } catch {
      // Try again: the server may still have been starting.
    }
  }
  await hover.waitFor({ state: 'visible', timeout: SHORT });
  return hover;
}

/** Opens the command palette (F1) with `filter` typed, and returns the labels it lists. */
export async function paletteLabels(page, filter, expectedCount = 1) {
  const input = page.locator('.quick-input-widget input');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  // Early in a session the palette may not know every command yet: open it again then.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: SHORT });
    await input.fill(`>${filter}`);
    try {
      await rows.nth(expectedCount - 1).waitFor({ timeout: attempt < 3 ? 5_000 : SHORT });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  return rows.locator('.label-name').allInnerTexts();
}

/**
 * Runs a command by its palette title. Early in a session the palette can open before the
 * extensions' commands are known, and it does not update while open: open it again then.
 */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: SHORT });
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: attempt < 3 ? 5_000 : SHORT });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  await page.keyboard.press('Enter');
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns its rows once one of them shows `expected`. */
export async function problemsPanel(page, expected) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.filter({ hasText: expected }).first().waitFor({ timeout: LONG });
  return rows;
}

/**
 * The frame of the webview whose page shows `selector` (a webview is an iframe in an iframe, and
 * other webviews, such as the walkthrough's, may be open too).
 */
export async function webviewFrame(page, selector, timeout = LONG) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      if (
        await frame
          .locator(selector)
          .count()
          .catch(() => 0)
      )
        return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview shows ${selector} within ${timeout} ms`);
}

export const timeouts = { SHORT, LONG };
