// The language server's process as a user finds it with `ps`: node running this installation's
// dist/server.js (test/editor/suite/serverProcess.ts does the same inside the extension host).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function languageServerPids(extensionDir) {
  const script = join(extensionDir, 'dist', 'server.js');
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (
        readFileSync(join('/proc', name, 'cmdline'), 'utf8')
          .split('\0')
          .includes(script)
      )
        pids.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Kills the running server (waiting for one to run), then waits until that process is gone. */
export async function killLanguageServer(extensionDir, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let pids = languageServerPids(extensionDir);
  while (pids.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    pids = languageServerPids(extensionDir);
  }
  if (pids.length === 0) throw new Error(`no language server of ${extensionDir} is running`);
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  while (languageServerPids(extensionDir).some((pid) => pids.includes(pid)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
