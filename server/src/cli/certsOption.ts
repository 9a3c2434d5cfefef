// `--certs` in every command that takes it (lint, preview): `--certs PATH...` takes every path up
// to the next option or `--`, and may be repeated; `--certs=PATH` takes that one path alone. The
// other paths are the command's own (the manifest, the files to lint). When a command finds none
// of its own, the error names what --certs took, so a manifest swallowed by --certs is never a
// silent mistake (README, Command line).
import type { CommandArgs } from './command';
import { UsageError } from './errors';
import { stringListOption } from './optionValues';

export interface CertsSplit {
  /** The command's own paths, in order. */
  targets: string[];
  /** Every path of --certs, in order. */
  certs: string[];
  /** The paths --certs took from the words after it (not the `--certs=PATH` ones). */
  taken: string[];
}

/** `option`: another option that takes paths the same way (`new --revoke PATH...`). */
export function splitCertsPaths({ values, positionals, tokens }: CommandArgs, option = 'certs'): CertsSplit {
  if (!tokens) return { targets: positionals, certs: stringListOption(values, option), taken: [] };
  const split: CertsSplit = { targets: [], certs: [], taken: [] };
  let afterCerts = false;
  for (const token of tokens) {
    if (token.kind === 'option') {
      afterCerts = token.name === option && token.inlineValue !== true;
      if (token.name === option && token.value !== undefined) {
        split.certs.push(token.value);
        if (afterCerts) split.taken.push(token.value);
      }
    } else if (token.kind === 'positional') {
      if (afterCerts) {
        split.certs.push(token.value);
        split.taken.push(token.value);
      } else split.targets.push(token.value);
    } else {
      afterCerts = false;
    }
  }
  return split;
}

const quoted = (paths: readonly string[]) => paths.map((path) => `'${path}'`).join(', ');

/**
 * The usage error for a command left without its own paths: `plain` when --certs took none;
 * else it names what --certs took and shows the two ways to write the command (`need`: `the
 * manifest`).
 */
export function missingTargetsError(
  plain: string,
  command: string,
  need: string,
  split: CertsSplit,
  examples: { before: string; terminated: string },
): UsageError {
  if (split.taken.length === 0) return new UsageError(plain);
  return new UsageError(
    `${command} needs ${need}, and --certs took ${quoted(split.taken)} (it takes every path up to the next option): ` +
      `put ${need} before --certs (${examples.before}), or end the --certs list with -- (${examples.terminated})`,
  );
}

/** The usage error for a path given as a certificate path that holds a RenewRevocation manifest. */
export function manifestInCertsError(paths: readonly string[]): UsageError {
  return new UsageError(
    `--certs took ${quoted(paths)}, which ${paths.length === 1 ? 'holds' : 'hold'} a RenewRevocation manifest, not certificates; ` +
      'put manifests before --certs, or end the --certs list with --, or use --certs=PATH for a single certificate path',
  );
}
