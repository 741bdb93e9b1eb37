import type { Command } from './command';
import { exportCommand } from './export';
import { hashCommand } from './hash';
import { lintCommand } from './lint';
import { publishCommand } from './publish';

/** Every command, by name. Each lives in its own file. */
export const commands: Record<string, Command> = {
  [exportCommand.name]: exportCommand,
  [hashCommand.name]: hashCommand,
  [lintCommand.name]: lintCommand,
  [publishCommand.name]: publishCommand,
};
