import { printable } from '../../core/index';

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
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {}

/** Minimal flag parser: `--flag value`, `--flag=value`, boolean flags; unknown flags are usage errors. */
export function parseArgs(
  args: string[],
  spec: { values?: string[]; booleans?: string[] },
): { flags: Record<string, string | true>; operands: string[] } {
  const flags: Record<string, string | true> = {};
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      operands.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.booleans?.includes(name)) flags[name] = true;
    else if (spec.values?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      flags[name] = value;
    } else throw new UsageError(`unknown option --${name}`);
  }
  return { flags, operands };
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
    const parsed = parseArgs(args, { values: ['format'] });
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
