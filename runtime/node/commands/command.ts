import { printable } from '../../core/index';
import { parseFlags, UsageError, type FlagSpec, type ParsedArgs } from './flags';

export { UsageError, type FlagSpec } from './flags';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
  /** The environment commands read (DATABASE_URL, DATA_DIR, RESPONSES_KEY); process.env when absent. */
  env?: NodeJS.ProcessEnv;
  /** The whole of standard input (`users add --password-stdin`); nothing is read when absent. */
  stdin?: () => Promise<string>;
}

/** One CLI command per file in this folder, registered in `index.ts`. */
export interface Command {
  name: string;
  usage: string;
  /** Every flag the command takes: anything else is refused, naming the flag (exit 2). */
  flags: FlagSpec;
  run(args: string[], io: CliIo): Promise<number>;
}

/** The command's arguments against its declared flags; a `UsageError` names what was wrong. */
export function parseArgs(command: Pick<Command, 'flags'>, args: string[]): ParsedArgs {
  return parseFlags(args, command.flags);
}

/**
 * The shared front of the `--format text|json` commands: flags and operands, or the usage error
 * written to stderr (the caller then exits 2). `operands` checks them and may supply defaults.
 */
export function parseFormatArgs(
  command: Command,
  args: string[],
  io: CliIo,
  operands: (given: string[]) => string[],
): { format: 'text' | 'json'; operands: string[] } | undefined {
  try {
    const parsed = parseArgs(command, args);
    const format = (parsed.flags.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    return { format, operands: operands(parsed.operands) };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    usageError(io, command, e);
    return undefined;
  }
}

/** A usage error on stderr: what was wrong (escaped: it may quote an argument or a path) and the usage line. */
export function usageError(io: CliIo, command: { name: string; usage: string }, e: Error): void {
  io.err(`assessment-studio ${command.name}: ${printable(e.message)}`);
  io.err(`usage: ${command.usage}`);
}

/** What `parse` reads from the arguments, or undefined once its usage error is written (the caller exits 2). */
export function parsedOrUsage<T>(io: CliIo, command: { name: string; usage: string }, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    usageError(io, command, e);
    return undefined;
  }
}
