import { parseArgs as tokenize } from 'node:util';

/** A command's flags, declared: each name and whether it takes a value (`--out file`) or not (`--force`). */
export type FlagSpec = Readonly<Record<string, 'string' | 'boolean'>>;

export interface ParsedArgs {
  flags: Record<string, string | true>;
  operands: string[];
}

/** Why the arguments were refused, and the flag at fault: a usage error (exit 2) when it escapes a command. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly reason: 'unknown-flag' | 'flag-needs-value' | 'flag-takes-no-value' | 'usage' = 'usage',
    readonly flag?: string,
  ) {
    super(message);
  }
}

/**
 * `--flag value`, `--flag=value`, boolean flags and `--` through `node:util`'s parseArgs. It runs
 * non-strict with tokens and the declared flags are checked here, so each refusal is one line that
 * names the flag as typed: strict mode's own errors are multi-line prose that quote it unescaped.
 * A value flag followed by another flag is refused rather than swallowing it (`--out --force`);
 * write `--out=--force` for a value that starts with a dash.
 */
export function parseFlags(args: readonly string[], spec: FlagSpec): ParsedArgs {
  const { tokens } = tokenize({ args: [...args], options: nodeOptions(spec), strict: false, allowPositionals: true, tokens: true });
  const flags: Record<string, string | true> = {};
  const operands: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') operands.push(token.value);
    if (token.kind !== 'option') continue;
    const type = Object.hasOwn(spec, token.name) ? spec[token.name] : undefined;
    if (type === undefined) throw new UsageError(`unknown option ${token.rawName}`, 'unknown-flag', token.rawName);
    if (type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`option ${token.rawName} takes no value`, 'flag-takes-no-value', token.rawName);
      flags[token.name] = true;
      continue;
    }
    const dashed = !token.inlineValue && token.value !== undefined && token.value.length > 1 && token.value.startsWith('-');
    if (token.value === undefined || dashed) throw new UsageError(`option ${token.rawName} needs a value`, 'flag-needs-value', token.rawName);
    flags[token.name] = token.value;
  }
  return { flags, operands };
}

/** Whether `--help` or `-h` stands as a flag (not as a flag's value, nor after `--`). */
export function asksForHelp(args: readonly string[], spec: FlagSpec): boolean {
  const { tokens } = tokenize({ args: [...args], options: { ...nodeOptions(spec), help: { type: 'boolean', short: 'h' } }, strict: false, allowPositionals: true, tokens: true });
  return tokens.some((t) => t.kind === 'option' && t.name === 'help' && t.value === undefined);
}

/** The flags as help lists them: `--out <value>, --force`. */
export function describeFlags(spec: FlagSpec): string {
  return Object.entries(spec)
    .map(([name, type]) => (type === 'string' ? `--${name} <value>` : `--${name}`))
    .join(', ');
}

function nodeOptions(spec: FlagSpec): Record<string, { type: 'string' | 'boolean' }> {
  return Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
}
