// The command as the user typed it, for usage lines and "Run '… --help'" hints. kubectl runs a
// plugin by its file name (`kubectl-renew_revocation` serves `kubectl renew-revocation`: a dash in
// the name separates words, an underscore stands for a dash), so the script's own name says whether
// kubectl started us; npm's shims keep that name (a symlink on Unix, a .cmd beside the .js on Windows).
import { basename } from 'node:path';
import { TOOL_NAME } from './packageInfo';

const KUBECTL_PLUGIN = /^kubectl-([A-Za-z0-9_]+)$/;

/** `kubectl renew-revocation` when the script is kubectl's plugin file, else `renew-revocation`. */
export function programName(scriptPath: string | undefined): string {
  if (!scriptPath) return TOOL_NAME;
  const plugin = KUBECTL_PLUGIN.exec(basename(scriptPath).replace(/\.(c?js|cmd|ps1)$/i, ''));
  return plugin ? `kubectl ${plugin[1].replace(/_/g, '-')}` : TOOL_NAME;
}

/** A help text written for `renew-revocation`, as `program` (its usage lines and command examples). */
export function helpFor(program: string, help: string): string {
  return program === TOOL_NAME ? help : help.replace(new RegExp(`(^|[\\s\`'])${TOOL_NAME} `, 'gm'), `$1${program} `);
}
