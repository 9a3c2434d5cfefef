// `renew-revocation lint`: checks manifests in files and folders and prints the findings as text,
// JSON or SARIF. Exit 0 when clean enough, 1 when errors (or too many warnings), 2 when a path,
// the config or the command line is wrong, or when the paths hold no manifest (2 wins).
import { DEFAULT_SETTINGS, type ServiceSettings } from '../../service';
import type { Command, CommandArgs, CommandContext } from '../command';
import { manifestInCertsError, missingTargetsError, splitCertsPaths } from '../certsOption';
import { NothingToCheckError } from '../errors';
import { formatLintJson } from '../lint/formatJson';
import { formatLintSarif } from '../lint/formatSarif';
import { formatLintText } from '../lint/formatText';
import { lintPaths, type LintResult } from '../lint/lintFiles';
import { countSeverities, lintExitCode, tooManyWarnings } from '../lint/lintSummary';
import { readRulesConfig } from '../lint/readRulesConfig';
import { readInventory, reportInventoryNotes } from '../inventory/readInventory';
import { choiceOption, countOption, flagOption, stringOption } from '../optionValues';
import { HOMEPAGE, TOOL_NAME, TOOL_VERSION } from '../packageInfo';
import { parseNow } from '../parseNow';
import { reportError, reportNote } from '../report';
import { checkStdinOnce, displayPath } from '../standardInput';

const FORMATS = ['text', 'json', 'sarif'] as const;

const HELP = `Usage: ${TOOL_NAME} lint [options] PATH...

Checks RenewRevocation manifests in the files and folders given (folders: *.yaml and *.yml,
recursively, skipping node_modules and .git). Other YAML documents are ignored. A PATH of -
is standard input (YAML, or JSON values back to back as kubectl -o json prints them).

Options:
  --format text|json|sarif  output format (default: text)
  --certs PATH...           certificate files and folders (every file, recursively; - is standard
                            input): every path up to the next option or --, repeatable;
                            --certs=PATH takes one path. Adds the inventory codes no-match,
                            matches-ca and kubelet-server-cert when they hold a certificate
  --now ISO                 the current time for the checks, e.g. 2026-01-31T12:00:00Z
  --config FILE             severities per code, a JSON object like the renewRevocation.rules
                            setting: {"missing-not-before": "error", "duplicate-entry": "off"}
                            (- reads it from standard input)
  --max-warnings N          fail (exit 1) when there are more than N warnings
  --allow-no-manifest       exit 0 when the paths hold no RenewRevocation manifest (without it,
                            that is an error, exit 2: a check of nothing is not a pass)
  --debug                   print stack traces with errors
  -h, --help                show this help

Exit codes: 0 no errors (and no more than N warnings), 1 errors or too many warnings,
2 usage or I/O errors (a path or the config that cannot be read, no manifest found).
`;

/** The gate's failure when nothing was checked: one per path given, so each is named. */
function noManifestProblems(targets: readonly string[], result: LintResult): NothingToCheckError[] {
  // Every path failed to read: those errors say it already. A file over the size limit has its
  // own finding (file-too-large), with the severity the configuration gives it.
  if (result.manifests > 0 || result.tooLarge > 0 || (result.files.length === 0 && result.problems.length > 0))
    return [];
  const where = targets.map((path) => `'${displayPath(path)}'`).join(', ');
  const message = `no RenewRevocation manifest found in ${where} (a YAML or JSON document with kind: RenewRevocation): nothing was checked; --allow-no-manifest accepts that`;
  return [new NothingToCheckError(message, displayPath(targets[0]))];
}

async function runLint(args: CommandArgs, context: CommandContext): Promise<number> {
  const { values } = args;
  const format = choiceOption(values, 'format', FORMATS, 'text');
  const nowText = stringOption(values, 'now');
  const now = nowText === undefined ? new Date() : parseNow(nowText);
  const maxWarnings = countOption(values, 'max-warnings');
  const split = splitCertsPaths(args);
  const { targets, certs } = split;
  if (targets.length === 0) {
    throw missingTargetsError(
      'lint needs at least one file or folder to check',
      'lint',
      'the files or folders to check',
      split,
      {
        before: 'lint PATH... --certs PATH...',
        terminated: 'lint --certs PATH... -- PATH...',
      },
    );
  }
  const configPath = stringOption(values, 'config');
  checkStdinOnce([
    { label: 'a path to lint', paths: targets },
    { label: '--certs', paths: certs },
    { label: '--config', paths: configPath === undefined ? [] : [configPath] },
  ]);
  const settings: ServiceSettings = {
    ...DEFAULT_SETTINGS,
    rules: {
      // A gate fails on an empty entry (the API server refuses it); the editor shows it as a hint
      // while the entry is being typed. A config may still say otherwise.
      'empty-entry': 'error',
      ...(configPath === undefined
        ? DEFAULT_SETTINGS.rules
        : await readRulesConfig(configPath, DEFAULT_SETTINGS.maxFileSize)),
    },
  };

  const inventory = certs.length > 0 ? await readInventory(certs, settings.maxFileSize) : undefined;
  if (inventory && inventory.manifests.length > 0) throw manifestInCertsError(inventory.manifests);
  const result = await lintPaths(targets, { now, settings, homepage: HOMEPAGE, inventory: inventory?.snapshot });
  if (!flagOption(values, 'allow-no-manifest')) result.problems.push(...noManifestProblems(targets, result));
  if (inventory) result.problems.push(...inventory.ioErrors);
  const counts = countSeverities(result);
  const exitCode = lintExitCode(result, counts, maxWarnings);
  const { stdout, stdoutColour } = context.terminal;
  if (format === 'json') stdout.write(formatLintJson(result));
  else if (format === 'sarif')
    stdout.write(
      formatLintSarif(result, { cwd: context.cwd, toolVersion: TOOL_VERSION, homepage: HOMEPAGE, exitCode }),
    );
  else stdout.write(formatLintText(result, counts, stdoutColour));

  for (const folder of result.emptyFolders) reportNote(context, `no .yaml or .yml file found in '${folder}'`);
  if (inventory) reportInventoryNotes(context, inventory);
  for (const problem of result.problems) reportError(context, problem);
  if (tooManyWarnings(counts, maxWarnings)) {
    reportError(
      context,
      `too many warnings: ${counts.warning}, more than the maximum of ${maxWarnings} (--max-warnings)`,
    );
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
    'allow-no-manifest': { type: 'boolean' },
  },
  run: runLint,
};
