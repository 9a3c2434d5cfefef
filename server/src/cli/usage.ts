// The top-level help text, built from the registered subcommands.
import type { Command } from './command';
import { alignColumns } from './columns';
import { TOOL_NAME } from './packageInfo';

export function topLevelHelp(commands: readonly Command[]): string {
  const commandLines = alignColumns(commands.map((command) => [{ text: command.name }, { text: command.summary }]));
  return [
    `${TOOL_NAME}: checks AKS hybrid RenewRevocation manifests before kubectl apply.`,
    '',
    `Usage: ${TOOL_NAME} <command> [options] PATH...`,
    '',
    'Commands:',
    ...commandLines.map((line) => `  ${line}`),
    '',
    'Options:',
    '  -h, --help     show help; `' + TOOL_NAME + ' <command> --help` for a command',
    '  -v, --version  print the version',
    '      --debug    print stack traces with errors',
    '',
    'Exit codes: 0 success, 1 problems that fail the run, 2 usage or I/O errors.',
    '',
  ].join('\n');
}
