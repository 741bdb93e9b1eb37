import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../runtime/node/index';
import { openAccountStore } from '../../../runtime/node/accounts/open';
import { storeLocation } from '../../../runtime/node/store/index';
import { targetEnv, targetKinds } from './targets';

/** `assessment-studio users add|list|disable` on both databases (issue 20 points 4 and 6). */

const root = process.cwd();

async function run(env: Record<string, string>, argv: string[], stdin?: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, {
    out: (l) => out.push(l), err: (l) => err.push(l), cwd: root, env: { ...env, NODE_ENV: 'test' },
    ...(stdin !== undefined ? { stdin: async () => stdin } : {}),
  });
  return { code, out, err };
}


describe.each(targetKinds)('users on %s', (kind) => {
  it('adds the first administrator (a password made and shown once), lists, disables; the password works', async () => {
    const env = await targetEnv(kind);
    const added = await run(env, ['users', 'add', 'ada', '--role', 'administrator']);
    expect(added.code).toBe(0);
    const shown = added.out.find((l) => l.startsWith('password: '))!.slice('password: '.length);
    expect(shown.length).toBeGreaterThanOrEqual(24);

    const piped = await run(env, ['users', 'add', 'pat', '--role', 'practitioner', '--role', 'data-team', '--password-stdin'], 'pat has a long password\n');
    expect(piped.code).toBe(0);
    expect(piped.out.some((l) => l.startsWith('password:'))).toBe(false);

    expect((await run(env, ['users', 'add', 'ada', '--role', 'practitioner'])).code).toBe(1);
    expect((await run(env, ['users', 'disable', 'pat'])).code).toBe(0);
    expect((await run(env, ['users', 'disable', 'nobody'])).code).toBe(1);

    const listed = await run(env, ['users', 'list', '--format', 'json']);
    expect(listed.code).toBe(0);
    const accounts = JSON.parse(listed.out.join('')) as Array<{ username: string; roles: string[]; disabledAt: string | null }>;
    expect(accounts.map((a) => [a.username, a.roles, a.disabledAt === null])).toEqual([
      ['ada', ['administrator'], true],
      ['pat', ['practitioner', 'data-team'], false],
    ]);
    expect((await run(env, ['users', 'list'])).out).toEqual([expect.stringMatching(/^ada\tadministrator\tenabled$/), expect.stringMatching(/^pat\tpractitioner,data-team\tdisabled /)]);

    const opened = await openAccountStore(storeLocation(env, root));
    try {
      expect((await opened.accounts.verify('ada', shown))?.username).toBe('ada');
      expect(await opened.accounts.verify('pat', 'pat has a long password')).toBeUndefined();
    } finally {
      await opened.close();
    }
  }, 240_000);
});

describe.each(targetKinds)('users reset-password on %s', (kind) => {
  it('prints a new password once (or reads one from stdin); the old one stops working; an unknown name exits 1', async () => {
    const env = await targetEnv(kind);
    expect((await run(env, ['users', 'add', 'pat', '--role', 'practitioner', '--password-stdin'], 'pat has a long password\n')).code).toBe(0);
    const reset = await run(env, ['users', 'reset-password', 'pat']);
    expect(reset.code).toBe(0);
    const shown = reset.out.find((l) => l.startsWith('password: '))!.slice('password: '.length);
    expect(shown.length).toBeGreaterThanOrEqual(24);
    const piped = await run(env, ['users', 'reset-password', 'pat', '--password-stdin'], 'pat chose this one\n');
    expect(piped.code).toBe(0);
    expect(piped.out.some((l) => l.startsWith('password:'))).toBe(false);
    expect((await run(env, ['users', 'reset-password', 'nobody'])).code).toBe(1);
    expect((await run(env, ['users', 'reset-password', 'pat', '--password-stdin'], 'short\n')).code).toBe(1);

    const opened = await openAccountStore(storeLocation(env, root));
    try {
      expect(await opened.accounts.verify('pat', 'pat has a long password')).toBeUndefined();
      expect(await opened.accounts.verify('pat', shown)).toBeUndefined();
      expect((await opened.accounts.verify('pat', 'pat chose this one'))?.username).toBe('pat');
    } finally {
      await opened.close();
    }
  }, 240_000);
});

describe('users: bad arguments (exit 2), short passwords (exit 1)', () => {
  it.each([
    [['users']],
    [['users', 'add', 'ada']],
    [['users', 'add', 'ada', '--role', 'root']],
    [['users', 'add', 'Ada Lovelace', '--role', 'administrator']],
    [['users', 'list', 'ada']],
    [['users', 'disable']],
    [['users', 'add', 'ada', '--role', 'administrator', '--colour', 'red']],
    [['users', 'disable', 'ada', '--role', 'administrator']],
    [['users', 'reset-password']],
    [['users', 'reset-password', 'ada', '--role', 'administrator']],
  ])('%j', async (argv) => {
    const r = await run({ DATA_DIR: '/nonexistent/never-opened' }, argv);
    expect(r.code).toBe(2);
    expect(r.err.at(-1)).toMatch(/^usage: assessment-studio users add/);
  });

  it('refuses a password under 12 characters from stdin before opening anything', async () => {
    const r = await run({ DATA_DIR: '/nonexistent/never-opened' }, ['users', 'add', 'ada', '--role', 'administrator', '--password-stdin'], 'short\n');
    expect(r.code).toBe(1);
  });
});
