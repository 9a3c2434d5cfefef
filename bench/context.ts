// What every measurement is handed: where things are, the run's sizes, the inputs, the figures.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchConfig } from './config';
import type { BenchInputs } from './generate/inputs';
import type { Figures } from './report/figures';

export interface BenchContext {
  repoRoot: string;
  config: BenchConfig;
  inputs: BenchInputs;
  figures: Figures;
  log: (message: string) => void;
  /** The servers' workspace folder: empty, so that nothing in it joins an inventory by accident. */
  workspace: string;
  /** With `--cpu-prof`: our server writes a CPU profile per scenario under this folder. */
  profileDir: string | undefined;
}

/**
 * An empty folder outside the repository. Not under bench/.cache: yaml-language-server matches
 * `yaml.schemas` globs with picomatch, whose `**` skips dot folders, so a document under `.cache`
 * would get no schema at all.
 */
export function benchWorkspace(): string {
  const folder = join(tmpdir(), 'renew-revocation-bench-workspace');
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** A document URI in the workspace (the file need not exist: its text travels in didOpen). */
export function documentUri(context: BenchContext, name: string): string {
  return pathToFileURL(join(context.workspace, name)).toString();
}

/** The profile folder of one scenario, or undefined when not profiling. */
export function profileFolder(context: BenchContext, scenario: string): string | undefined {
  if (!context.profileDir) return undefined;
  const folder = join(context.profileDir, scenario);
  mkdirSync(folder, { recursive: true });
  return folder;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
