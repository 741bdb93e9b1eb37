import type { Command } from './command';
import { hashCommand } from './hash';

/** Every command, by name. Each lives in its own file. */
export const commands: Record<string, Command> = {
  [hashCommand.name]: hashCommand,
};
