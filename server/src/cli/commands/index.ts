// Every subcommand of `renew-revocation`. Adding one: write commands/NAME.ts exporting a Command
// and list it here (the help and the dispatch follow from this list).
import type { Command } from '../command';
import { lintCommand } from './lint';
import { decodeCommand } from './decode';
import { previewCommand } from './preview';
import { newCommand } from './new';

export const COMMANDS: readonly Command[] = [lintCommand, decodeCommand, previewCommand, newCommand];
