// Finds the language server's process from the outside, as a user would with `ps`: the node
// process running this installation's dist/server.js. The extension exposes nothing for tests.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProcessInfo {
  pid: number;
  commandLine: string;
}

function processes(): ProcessInfo[] {
  if (process.platform === 'linux') {
    const found: ProcessInfo[] = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        found.push({
          pid: Number(name),
          commandLine: readFileSync(join('/proc', name, 'cmdline'), 'utf8')
            .split('\0')
            .join(' '),
        });
      } catch {
        // The process ended while we looked.
      }
    }
    return found;
  }
  if (process.platform === 'win32') {
    const output = execFileSync(
      'powershell.exe',
      [
        '-NoProfile',
        '-Command',
        'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.CommandLine)" }',
      ],
      { encoding: 'utf8' },
    );
    return parseLines(output);
  }
  return parseLines(execFileSync('ps', ['-ax', '-o', 'pid=,command='], { encoding: 'utf8' }));
}

function parseLines(output: string): ProcessInfo[] {
  return output
    .split(/\r?\n/)
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), commandLine: match[2] }));
}

/** Process ids of the language servers started from `extensionPath` (this run's installation). */
export function languageServerPids(extensionPath: string): number[] {
  const serverScript = join(extensionPath, 'dist', 'server.js');
  return processes()
    .filter((info) => info.pid !== process.pid && info.commandLine.includes(serverScript))
    .map((info) => info.pid);
}
