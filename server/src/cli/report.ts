// Messages to people on stderr, prefixed with the tool's name: an error (with the stack only
// under --debug), a note. Every subcommand reports through here so the form is the same.
import { palette } from './colours';
import type { CommandContext } from './command';
import { stackOf } from './errors';
import { TOOL_NAME } from './packageInfo';

export function reportError(context: CommandContext, error: unknown): void {
  const colours = palette(context.terminal.stderrColour);
  const message = error instanceof Error ? error.message : String(error);
  context.terminal.stderr.write(`${TOOL_NAME}: ${colours.red('error')}: ${message}\n`);
  if (context.debug && error instanceof Error) context.terminal.stderr.write(`${stackOf(error)}\n`);
}

export function reportNote(context: CommandContext, message: string): void {
  const colours = palette(context.terminal.stderrColour);
  context.terminal.stderr.write(`${TOOL_NAME}: ${colours.yellow('note')}: ${message}\n`);
}
