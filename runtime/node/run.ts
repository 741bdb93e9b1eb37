import { printable } from '../core/index';
import type { CliIo } from './commands/command';
import { asksForHelp, describeFlags } from './commands/flags';
import { commands } from './commands/index';

/**
 * `assessment-studio <command> …` with the output and working directory given, not taken from the
 * process: what cli.ts runs, and what a host runs to get a command's exact output. Exit codes: 0
 * clean, 1 problems found, 2 bad arguments; `<command> --help` prints its usage and flags (exit 0).
 */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const usage = `usage: assessment-studio <${Object.keys(commands).join('|')}> [options]`;
  if (!name || name === '--help' || name === '-h') {
    (name ? io.out : io.err)(usage);
    return name ? 0 : 2;
  }
  // Own names only: `constructor` or `__proto__` are the object's, not commands.
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`assessment-studio: unknown command "${printable(name)}"\n${usage}`);
    return 2;
  }
  if (asksForHelp(args, command.flags)) {
    io.out(`usage: ${command.usage}`);
    const flags = describeFlags(command.flags);
    io.out(`options: ${flags ? `${flags}, ` : ''}--help`);
    return 0;
  }
  return command.run(args, io);
}
