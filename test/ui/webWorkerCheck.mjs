// The UI check of the browser host, run by `npm run test:editor` after the suites: in a workbench
// whose settings run the extension in the web worker (test/editor/webWorkerRun.mjs), "Developer:
// Show Running Extensions" lists it as running in the web worker, and the Problems panel fills
// with the same problems as on Node (the problems-panel check of checks.mjs, inventory included).
// Screenshots under test/ui/screenshots/web-worker-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { extensionId, launchChromium, root, startCodeServer } from '../editor/codeServer.mjs';
import { webWorkerSettings } from '../editor/webWorkerRun.mjs';
import { checks } from './checks.mjs';
import { openWorkbench, runCommand, timeouts } from './workbench.mjs';

const screenshotDir = join(root, 'test', 'ui', 'screenshots');

/** 0 when both hold, else 1 (with the reason printed). */
export async function runWebWorkerUiCheck() {
  mkdirSync(screenshotDir, { recursive: true });
  const server = await startCodeServer({ settings: { ...webWorkerSettings, 'editor.minimap.enabled': false } });
  let browser;
  let page;
  try {
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 840 });
    await openWorkbench(page, server);
    const screenshot = (name) => page.screenshot({ path: join(screenshotDir, `web-worker-${name}.png`) });
    await checks.find((check) => check.name === 'problems-panel').run({ page, screenshot });
    console.log('  ✔ web worker: the Problems panel shows the documented example’s problems');

    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'RenewRevocation' }).first();
    await row.waitFor({ timeout: timeouts.LONG });
    const text = await row.innerText();
    assert.match(text, /web worker/i, `the running extension's row:\n${text}`);
    await screenshot('running-extensions');
    console.log(`  ✔ web worker: Show Running Extensions lists ${extensionId} in the web worker`);
    return 0;
  } catch (error) {
    console.log(`  ✘ web-worker UI check\n    ${error instanceof Error ? error.message : String(error)}`);
    await page?.screenshot({ path: join(screenshotDir, 'web-worker-FAILED.png') }).catch(() => {});
    return 1;
  } finally {
    await browser?.close();
    server.stop();
  }
}
