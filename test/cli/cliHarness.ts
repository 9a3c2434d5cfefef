// Runs the real command line (`node bin/renew-revocation.js`, the built dist/cli.js) in temporary
// folders, as a user or a CI job would, with colour variables removed unless a test sets them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

function findRoot(): string {
  let folder = __dirname;
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'renew-revocation') return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error('the renew-revocation package root was not found above the test');
    folder = parent;
  }
}

export const ROOT = findRoot();
export const BIN = join(ROOT, 'bin', 'renew-revocation.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** What the command reads on standard input (a pipe); none: an empty pipe. */
  input?: string | Buffer;
  /** A file descriptor to hand over as standard input instead (a folder, to make it unreadable). */
  stdinFd?: number;
}

export function runCli(args: string[], options: RunOptions): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(options.stdinFd !== undefined ? { stdio: [options.stdinFd, 'pipe', 'pipe'] } : { input: options.input ?? '' }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder holding `files` (relative path → content); removed after the test file. */
export function tempFolder(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'rr-cli-'));
  folders.push(folder);
  for (const [path, content] of Object.entries(files)) {
    const target = join(folder, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return folder;
}

/** A manifest no rule has anything to say about. */
export const CLEAN_MANIFEST = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: clean
  namespace: kube-system
spec:
  description: One serial, with notBefore
  revocations:
  - description: A leaked client certificate
    kind: serialnumber
    notBefore: "2020-04-17T17:22:05Z"
    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2
`;

/** A manifest whose only finding is one yaml-syntax error (a repeated key) at line 8, column 3. */
export const REPEATED_KEY_MANIFEST = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: repeated
  namespace: kube-system
spec:
  description: first
  description: second
  revocations:
  - kind: serialnumber
    notBefore: "2020-04-17T17:22:05Z"
    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2
`;

export const REPEATED_KEY_MESSAGE = 'YAML syntax: Map keys must be unique';

/** Severities that make the repeated key a warning: warnings without depending on any value rule. */
export const SYNTAX_AS_WARNING = JSON.stringify({ 'yaml-syntax': 'warning' });

/** A line that starts a stack frame ("    at fn (file:1:2)"). */
export const STACK_FRAME = /^\s+at .+/m;
