// Packs the repository as a user or pre-commit would get it, without touching the working tree's
// dist/ (other test files run the CLI from it meanwhile): the working tree's files (tracked and
// untracked, minus what .gitignore leaves out, so uncommitted changes are packed too) are copied
// into a temporary folder beside a link to node_modules, and `npm pack` runs there, so its
// prepack script makes the production build the tarball ships. The .vsix is made from the same
// copy (`vsce package`, as `npm run package` does after the same build).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findRoot } from '../robustness/repoRoot';

export const ROOT = findRoot();

/** The environment for npm in tests: offline (every package it may need is in the npm cache after `npm ci`), no colour. */
export function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  };
  delete env.NODE_OPTIONS;
  return { ...env, ...extra };
}

/** The working tree's files that git would commit (tracked or untracked, not ignored), relative to the root. */
export function workingTreeFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listed.split('\0').filter((path) => path !== '' && existsSync(join(ROOT, path)));
}

/** Copies the working tree's files (see workingTreeFiles) into `target`. */
export function copyWorkingTree(target: string): void {
  for (const path of workingTreeFiles()) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    copyFileSync(join(ROOT, path), join(target, path));
  }
}

export interface PackedPackage {
  /** The temporary folder holding everything below; removed by remove(). */
  folder: string;
  /** The copy of the source the package was built from. */
  source: string;
  tarball: string;
  /** Milliseconds `npm pack` took, its prepack build included. */
  packMs: number;
  vsix?: string;
  remove(): void;
}

function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync(file, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0)
    throw new Error(`${file} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** `npm pack` (and with `vsix`, `vsce package`) of a copy of the working tree. */
export function packWorkingTree(options: { vsix?: boolean } = {}): PackedPackage {
  const folder = mkdtempSync(join(tmpdir(), 'renew-revocation-pack-'));
  const source = join(folder, 'source');
  copyWorkingTree(source);
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
  const started = Date.now();
  // What pre-commit reads: the tarball's name alone on stdout (the repository's .npmrc keeps the
  // prepack build's output off it).
  const name = run('npm', ['pack', '--pack-destination', folder], source, npmEnv()).trim();
  const packMs = Date.now() - started;
  const packed: PackedPackage = {
    folder,
    source,
    tarball: join(folder, name),
    packMs,
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
  if (options.vsix) {
    packed.vsix = join(folder, 'renew-revocation.vsix');
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    run(
      process.execPath,
      [
        vsce,
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '--no-rewrite-relative-links',
        '--out',
        packed.vsix,
      ],
      source,
      npmEnv(),
    );
  }
  return packed;
}

/** The files of the tarball, as `package/…` paths. */
export function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'))
    .sort();
}

/** Extracts the tarball (into `package/`) or the .vsix (a zip, into `extension/` and the metadata beside it) into `target`. */
export function extractPackage(file: string, target: string): void {
  mkdirSync(target, { recursive: true });
  if (file.endsWith('.vsix')) execFileSync('unzip', ['-q', file, '-d', target]);
  else execFileSync('tar', ['-xzf', file, '-C', target]);
}
