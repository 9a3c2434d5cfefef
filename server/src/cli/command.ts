// What a subcommand is: its name, its help, its options (node:util parseArgs), and a run that
// returns the exit code. main.ts parses the command line, finds the subcommand in
// commands/index.ts and calls it; a subcommand never calls process.exit itself.
import type { ParseArgsConfig } from 'node:util';
import type { OptionValues } from './optionValues';
import type { Terminal } from './terminal';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  terminal: Terminal;
  /** The folder relative paths are read from and SARIF URIs are made relative to. */
  cwd: string;
  /** `--debug`: print stack traces with errors. */
  debug: boolean;
}

/** An option or a positional in command-line order (node:util parseArgs tokens). */
export type ArgToken =
  | { kind: 'option'; name: string; value: string | undefined; inlineValue?: boolean }
  | { kind: 'positional'; value: string }
  | { kind: 'option-terminator' };

export interface CommandArgs {
  values: OptionValues;
  positionals: string[];
  /** The command line in order, for an option that takes the paths after it (`--certs PATH...`). */
  tokens?: readonly ArgToken[];
}

export interface Command {
  name: string;
  /** One line for `renew-revocation --help`. */
  summary: string;
  /** The full `renew-revocation NAME --help` text (usage line, options, exit codes). */
  help: string;
  /** The subcommand's own options; `--help` and `--debug` are added for every subcommand. */
  options: OptionsConfig;
  /** Returns the exit code: 0 success, 1 findings that fail the run, 2 usage or I/O errors. */
  run(args: CommandArgs, context: CommandContext): Promise<number>;
}

/** Exit codes shared by every subcommand (the README, "Command line"). */
export const EXIT = { ok: 0, failed: 1, usageOrIo: 2 } as const;
