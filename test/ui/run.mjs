// UI checks: the RenewRevocation extension as a user sees it in a real VS Code (code-server with
// the packaged .vsix installed, its workbench in headless Chromium). Each check drives the
// workbench through its DOM and saves a screenshot under test/ui/screenshots/. With --media it
// also saves the small, cropped screenshots the README shows, under media/.
//
//   node test/ui/run.mjs [--media] [NAME-FILTER...]
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, root, startCodeServer } from '../editor/codeServer.mjs';
import { checks } from './checks.mjs';
import { toIndexedPng } from './indexedPng.mjs';
import { openWorkbench } from './workbench.mjs';

const args = process.argv.slice(2);
const media = args.includes('--media');
const filters = args.filter((arg) => !arg.startsWith('--'));
const selected = checks.filter(
  (check) => filters.length === 0 || filters.some((filter) => check.name.includes(filter)),
);
const screenshotDir = join(root, 'test', 'ui', 'screenshots');
const mediaDir = join(root, 'media');
mkdirSync(screenshotDir, { recursive: true });

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const started = Date.now();
let server;
let browser;
// (On a signal or a crash, codeServer.mjs and Playwright end code-server and Chromium on exit.)
async function stopAll() {
  await browser?.close();
  server?.stop();
}

const results = [];
try {
  // The workspace is the examples folder as it ships: what a user opening it sees.
  server = await startCodeServer({
    // Screenshots show the editor, not an empty chat side bar, the minimap or sticky scroll.
    settings: {
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'editor.minimap.enabled': false,
      'editor.stickyScroll.enabled': false,
      // The walkthrough's own check starts a fresh editor with it on; here it would race the first
      // check for the active editor.
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
    },
  });
  // Greyscale antialiasing: screenshots of text compress to a fraction of their size with it.
  browser = await launchChromium({ extraArgs: ['--disable-lcd-text'] });
  const page = await browser.context.newPage();
  // Small enough that the README's screenshots stay small, large enough for the Problems panel.
  await page.setViewportSize({ width: 1200, height: 840 });
  await openWorkbench(page, server);
  const context = {
    page,
    manifest,
    server,
    /** A screenshot of this check's result (always) and, with --media, a cropped one for the README. */
    async screenshot(name, { clip, element, mediaName, page: shown = page } = {}) {
      await shown.screenshot({ path: join(screenshotDir, `${name}.png`) });
      if (media && mediaName) {
        const path = join(mediaDir, mediaName);
        const png = element ? await element.screenshot() : await shown.screenshot({ clip });
        writeFileSync(path, toIndexedPng(png));
        console.log(`  saved media/${mediaName} (${(statSync(path).size / 1024).toFixed(1)} KB)`);
      }
    },
  };
  for (const check of selected) {
    const checkStarted = Date.now();
    try {
      await check.run(context);
      results.push({ name: check.name, ok: true, ms: Date.now() - checkStarted });
      console.log(`  ✔ ${check.name} (${Date.now() - checkStarted} ms)`);
    } catch (error) {
      results.push({ name: check.name, ok: false, ms: Date.now() - checkStarted });
      console.log(
        `  ✘ ${check.name}\n    ${error instanceof Error ? error.message.split('\n').join('\n    ') : String(error)}`,
      );
      await page.screenshot({ path: join(screenshotDir, `${check.name}-FAILED.png`) }).catch(() => {});
    }
    await page.keyboard.press('Escape').catch(() => {});
  }
} catch (error) {
  console.error(`UI checks could not run: ${error instanceof Error ? error.stack : String(error)}`);
  if (server) console.error(server.log.join('').slice(-4000));
  results.push({ name: 'set-up', ok: false, ms: 0 });
} finally {
  await stopAll();
}
const failed = results.filter((result) => !result.ok);
console.log(
  `UI checks: ${results.length - failed.length} passed, ${failed.length} failed, in ${((Date.now() - started) / 1000).toFixed(1)} s (screenshots in test/ui/screenshots/)`,
);
process.exit(failed.length === 0 && results.length > 0 ? 0 : 1);
