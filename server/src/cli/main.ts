// The `renew-revocation` command line: global options, then a subcommand from commands/index.ts
// with its own options (node:util parseArgs). Entry point of the dist/cli.js bundle, which the bins run
// through runFromProcess; everything here is wiring: subcommands print and return an exit code.
import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandArgs, type CommandContext } from './command';
import { COMMANDS } from './commands/index';
import { IoError, UsageError } from './errors';
import { TOOL_NAME, TOOL_VERSION } from './packageInfo';
import { helpFor, programName } from './programName';
import { reportError } from './report';
import { processTerminal, type Terminal } from './terminal';
import { topLevelHelp } from './usage';

const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const;

/** node:util's messages go on ("To specify a positional argument…"): the first sentence says it. */
function firstSentence(message: string): string {
  const end = message.search(/\.\s/);
  const sentence = end === -1 ? message : message.slice(0, end);
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function parseCommandArgs(command: Command, argv: string[]): CommandArgs {
  try {
    const { values, positionals, tokens } = parseArgs({
      args: argv,
      options: { ...command.options, ...COMMON_OPTIONS },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
    return { values, positionals, tokens };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(ambiguousValue(message, argv) ?? firstSentence(message), { cause: error });
  }
}

/** parseArgs calls `--max-warnings -1` "ambiguous": say what it saw and how to write it. */
function ambiguousValue(message: string, argv: readonly string[]): string | undefined {
  const option = /^Option '(-[^' ]+)[^']*' argument is ambiguous/.exec(message)?.[1];
  if (!option) return undefined;
  const at = argv.indexOf(option);
  const value = at === -1 ? undefined : argv[at + 1];
  if (value === undefined) return undefined;
  return `option '${option}' needs a value, and '${value}' looks like an option; to pass it as the value, write ${option}=${value}`;
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command)
    throw new UsageError(
      `unknown command '${name}'; the commands are ${COMMANDS.map((known) => known.name).join(', ')}`,
    );
  return command;
}

/** `--debug` anywhere before `--`, known before parsing so that a usage error can show its stack. */
function wantsDebug(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--debug');
}

/** `program`: the command as typed (`kubectl renew-revocation` when kubectl runs the plugin), for help and hints. */
export async function runCli(argv: string[], terminal: Terminal, cwd: string, program = TOOL_NAME): Promise<number> {
  const context: CommandContext = { terminal, cwd, debug: wantsDebug(argv) };
  let command: Command | undefined;
  try {
    let index = 0;
    for (; index < argv.length && argv[index].startsWith('-'); index++) {
      const option = argv[index];
      if (option === '-h' || option === '--help') {
        terminal.stdout.write(helpFor(program, topLevelHelp(COMMANDS)));
        return EXIT.ok;
      }
      if (option === '-v' || option === '-V' || option === '--version') {
        terminal.stdout.write(`${TOOL_VERSION}\n`);
        return EXIT.ok;
      }
      if (option !== '--debug') throw new UsageError(`unknown option '${option}' before the command`);
    }
    if (index === argv.length) {
      terminal.stderr.write(helpFor(program, topLevelHelp(COMMANDS)));
      return EXIT.usageOrIo;
    }
    if (argv[index] === 'help') {
      const topic = argv[index + 1];
      terminal.stdout.write(helpFor(program, topic === undefined ? topLevelHelp(COMMANDS) : findCommand(topic).help));
      return EXIT.ok;
    }
    command = findCommand(argv[index]);
    const args = parseCommandArgs(command, argv.slice(index + 1));
    if (args.values.help === true) {
      terminal.stdout.write(helpFor(program, command.help));
      return EXIT.ok;
    }
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      reportError(context, error);
      terminal.stderr.write(`Run '${program} ${command ? `${command.name} ` : ''}--help' for usage.\n`);
      return EXIT.usageOrIo;
    }
    if (error instanceof IoError) {
      reportError(context, error);
      return EXIT.usageOrIo;
    }
    const internal = new Error(
      `internal error: ${error instanceof Error ? error.message : String(error)}` +
        (context.debug ? '' : ` (run again with --debug for the stack trace)`),
      { cause: error },
    );
    reportError(context, internal);
    return EXIT.usageOrIo;
  }
}

/**
 * Runs the command line as this process: its arguments, its terminal, its exit code. The bins
 * (bin/renew-revocation.js and the kubectl plugin) call it; importing this module runs nothing.
 */
export function runFromProcess(): void {
  // A reader that stops early (`| head`) closes the pipe: that is not an error worth a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw error;
  });
  void runCli(process.argv.slice(2), processTerminal(), process.cwd(), programName(process.argv[1])).then((code) => {
    // exitCode, not exit(): a large report on a pipe is written out in full first.
    process.exitCode = code;
  });
}
