import type { Command } from './command';
import { compileCommand } from './compile';
import { hashCommand } from './hash';
import { lintCommand } from './lint';
import { publishCommand } from './publish';
import { validateCommand } from './validate';

/** Every command, by name. Each lives in its own file. */
export const commands: Record<string, Command> = {
  [compileCommand.name]: compileCommand,
  [hashCommand.name]: hashCommand,
  [lintCommand.name]: lintCommand,
  [publishCommand.name]: publishCommand,
  [validateCommand.name]: validateCommand,
};
