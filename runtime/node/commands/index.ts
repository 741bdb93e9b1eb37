import type { Command } from './command';
import { compileCommand } from './compile';
import { dbCommand, keyCommand } from './db';
import { diffCommand } from './diff';
import { exportCommand } from './export';
import { hashCommand } from './hash';
import { lintCommand } from './lint';
import { migrateCommand } from './migrate';
import { publishCommand } from './publish';
import { usersCommand } from './users';
import { validateCommand } from './validate';

/** Every command, by name. Each lives in its own file. */
export const commands: Record<string, Command> = {
  [compileCommand.name]: compileCommand,
  [dbCommand.name]: dbCommand,
  [diffCommand.name]: diffCommand,
  [exportCommand.name]: exportCommand,
  [hashCommand.name]: hashCommand,
  [keyCommand.name]: keyCommand,
  [lintCommand.name]: lintCommand,
  [migrateCommand.name]: migrateCommand,
  [publishCommand.name]: publishCommand,
  [usersCommand.name]: usersCommand,
  [validateCommand.name]: validateCommand,
};
