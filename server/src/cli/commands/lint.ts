// `renew-revocation lint`: checks manifests in files and folders and prints the findings as text,
// JSON or SARIF (SPEC §6). Exit 0 when clean enough, 1 when errors (or too many warnings), 2 when
// a path, the config or the command line is wrong (2 wins).
import { DEFAULT_SETTINGS, type ServiceSettings } from '../../service/settings';
import type { Command, CommandArgs, CommandContext } from '../command';
import { UsageError } from '../errors';
import { formatLintJson } from '../lint/formatJson';
import { formatLintSarif } from '../lint/formatSarif';
import { formatLintText } from '../lint/formatText';
import { lintPaths } from '../lint/lintFiles';
import { countSeverities, lintExitCode, tooManyWarnings } from '../lint/lintSummary';
import { readRulesConfig } from '../lint/readRulesConfig';
import { readInventory, reportInventoryNotes } from '../inventory/readInventory';
import { choiceOption, countOption, stringListOption, stringOption } from '../optionValues';
import { HOMEPAGE, TOOL_NAME, TOOL_VERSION } from '../packageInfo';
import { parseNow } from '../parseNow';
import { reportError, reportNote } from '../report';

const FORMATS = ['text', 'json', 'sarif'] as const;

const HELP = `Usage: ${TOOL_NAME} lint [options] PATH...

Checks RenewRevocation manifests in the files and folders given (folders: *.yaml and *.yml,
recursively, skipping node_modules and .git). Other YAML documents are ignored.

Options:
  --format text|json|sarif  output format (default: text)
  --certs PATH              certificate files and folders (every file, recursively); adds the
                            inventory codes no-match, matches-ca and kubelet-server-cert when
                            they hold a certificate; repeat --certs for more paths
  --now ISO                 the current time for the checks, e.g. 2026-01-31T12:00:00Z
  --config FILE             severities per code, a JSON object like the renewRevocation.rules
                            setting: {"missing-not-before": "error", "duplicate-entry": "off"}
  --max-warnings N          fail (exit 1) when there are more than N warnings
  --debug                   print stack traces with errors
  -h, --help                show this help

Exit codes: 0 no errors (and no more than N warnings), 1 errors or too many warnings,
2 usage or I/O errors (a path or the config that cannot be read).
`;

async function runLint({ values, positionals }: CommandArgs, context: CommandContext): Promise<number> {
  const format = choiceOption(values, 'format', FORMATS, 'text');
  const nowText = stringOption(values, 'now');
  const now = nowText === undefined ? new Date() : parseNow(nowText);
  const maxWarnings = countOption(values, 'max-warnings');
  if (positionals.length === 0) throw new UsageError('lint needs at least one file or folder to check');
  const configPath = stringOption(values, 'config');
  const settings: ServiceSettings = {
    ...DEFAULT_SETTINGS,
    rules: configPath === undefined ? DEFAULT_SETTINGS.rules : await readRulesConfig(configPath),
  };

  const certs = stringListOption(values, 'certs');
  const inventory = certs.length > 0 ? await readInventory(certs, settings.maxFileSize) : undefined;
  const result = await lintPaths(positionals, { now, settings, homepage: HOMEPAGE, inventory: inventory?.snapshot });
  if (inventory) result.problems.push(...inventory.ioErrors);
  const counts = countSeverities(result);
  const exitCode = lintExitCode(result, counts, maxWarnings);
  const { stdout, stdoutColour } = context.terminal;
  if (format === 'json') stdout.write(formatLintJson(result));
  else if (format === 'sarif') stdout.write(formatLintSarif(result, { cwd: context.cwd, toolVersion: TOOL_VERSION, homepage: HOMEPAGE, exitCode }));
  else stdout.write(formatLintText(result, counts, stdoutColour));

  for (const folder of result.emptyFolders) reportNote(context, `no .yaml or .yml file found in '${folder}'`);
  if (inventory) reportInventoryNotes(context, inventory);
  for (const problem of result.problems) reportError(context, problem);
  if (tooManyWarnings(counts, maxWarnings)) {
    reportError(context, `too many warnings: ${counts.warning}, more than the maximum of ${maxWarnings} (--max-warnings)`);
  }
  return exitCode;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check manifests in files and folders (text, JSON or SARIF)',
  help: HELP,
  options: {
    format: { type: 'string' },
    now: { type: 'string' },
    config: { type: 'string' },
    'max-warnings': { type: 'string' },
    certs: { type: 'string', multiple: true },
  },
  run: runLint,
};
