import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../runtime/node/commands/index';
import { parseFlags, UsageError } from '../../../runtime/node/commands/flags';
import { runCommand } from '../../../runtime/node/index';

/**
 * Issue 19, point 8: every command's flags are declared and read through `node:util` parseArgs;
 * an unknown flag or a value flag without its value is a usage error (exit 2) naming the flag,
 * and `<command> --help` prints that command's usage and flags (exit 0).
 */
const root = resolve(__dirname, '../../..');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: root, env: {} });
  return { code, out, err };
}

function refusal(args: string[], spec: Parameters<typeof parseFlags>[1]): UsageError {
  try {
    parseFlags(args, spec);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

describe('parseFlags', () => {
  const spec = { out: 'string', force: 'boolean' } as const;

  it('reads values, inline values, booleans and operands, and stops at --', () => {
    expect(parseFlags(['a.json', '--out', 'x.js', '--force', '--', '--out'], spec)).toEqual({ flags: { out: 'x.js', force: true }, operands: ['a.json', '--out'] });
    expect(parseFlags(['--out=--odd'], spec).flags).toEqual({ out: '--odd' });
  });

  it('refuses an unknown flag, long or short, naming it', () => {
    expect(refusal(['--bogus'], spec)).toMatchObject({ reason: 'unknown-flag', flag: '--bogus' });
    expect(refusal(['-z'], spec)).toMatchObject({ reason: 'unknown-flag', flag: '-z' });
  });

  it('refuses a value flag with no value, or followed by another flag it would swallow', () => {
    expect(refusal(['a.json', '--out'], spec)).toMatchObject({ reason: 'flag-needs-value', flag: '--out' });
    expect(refusal(['--out', '--force'], spec)).toMatchObject({ reason: 'flag-needs-value', flag: '--out' });
  });

  it('refuses a value given to a boolean flag', () => {
    expect(refusal(['--force=yes'], spec)).toMatchObject({ reason: 'flag-takes-no-value', flag: '--force' });
  });
});

describe('every command', () => {
  it.each(Object.keys(commands))('%s: an unknown flag exits 2 naming the flag, with the usage line', async (name) => {
    const r = await run([name, '--bogus-flag']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('--bogus-flag');
    expect(r.err).toContain(`usage: ${commands[name]!.usage}`);
  });

  it.each(Object.keys(commands))('%s --help: exit 0, its usage and each declared flag on stdout', async (name) => {
    const command = commands[name]!;
    const r = await run([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`usage: ${command.usage}`);
    for (const flag of Object.keys(command.flags)) expect(r.out.join('\n')).toContain(`--${flag}`);
    expect((await run([name, '-h'])).code).toBe(0);
  });

  it.each(['constructor', '__proto__', 'toString'])('%s is an unknown command (exit 2), not an object property', async (name) => {
    expect((await run([name, '--help'])).code).toBe(2);
  });

  it.each([
    ['compile', 'form-definitions/routine-enquiry/1.0.0.json', '--out'],
    ['export', '--format', 'json', 'x.json', '--form'],
    ['migrate', '--from', 'a.json', 'r.json', '--to'],
    ['lint', '--format'],
  ])('%s: a value flag at the end with no value exits 2 naming it', async (...argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain(argv[argv.length - 1]);
  });
});
