import type { Command } from './command';
import { hashCommand } from './hash';
import { lintCommand } from './lint';
import { publishCommand } from './publish';

/** Every command, by name. Each lives in its own file. */
export const commands: Record<string, Command> = {
  [hashCommand.name]: hashCommand,
  [lintCommand.name]: lintCommand,
  [publishCommand.name]: publishCommand,
};
