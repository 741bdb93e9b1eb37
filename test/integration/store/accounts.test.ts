import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore } from '../../../runtime/node/accounts/account-store';
import { openTarget, targetKinds, type Target } from './targets';

/** Accounts and sessions in the store's database, on PGlite and PostgreSQL (issue 20 point 4). */


describe.each(targetKinds)('accounts and sessions on %s', (kind) => {
  let t: Target;
  let accounts: AccountStore;
  beforeAll(async () => {
    t = await openTarget(kind);
    // Cheap scrypt parameters: this suite tests the store, password.test.ts the hashing.
    accounts = new AccountStore(t.db, { N: 2 ** 10, r: 8, p: 1 });
  }, 240_000);
  afterAll(() => t?.close());

  it('adds accounts with their roles, refuses a taken name, and lists them without their hashes', async () => {
    expect(await accounts.count()).toBe(0);
    expect(await accounts.add('ada', ['administrator'], 'a long enough password')).toBe(true);
    expect(await accounts.add('pat', ['practitioner', 'data-team'], 'another long password')).toBe(true);
    expect(await accounts.add('ada', ['practitioner'], 'yet another password')).toBe(false);
    const list = await accounts.list();
    expect(list.map((a) => [a.username, a.roles, a.disabledAt])).toEqual([
      ['ada', ['administrator'], null],
      ['pat', ['practitioner', 'data-team'], null],
    ]);
    expect(JSON.stringify(list)).not.toContain('scrypt');
    const { rows } = await t.db.query<{ password: string }>("SELECT password FROM accounts WHERE username = 'ada'");
    expect(rows[0]!.password).toMatch(/^scrypt\$/);
    expect(rows[0]!.password).not.toContain('a long enough password');
  });

  it('the database refuses an unknown role or a bad name whatever client writes', async () => {
    await expect(t.db.query("INSERT INTO accounts (username, roles, password) VALUES ('eve', ARRAY['superuser'], 'scrypt$x')")).rejects.toThrow();
    await expect(t.db.query("INSERT INTO accounts (username, roles, password) VALUES ('Eve Smith', ARRAY['practitioner'], 'scrypt$x')")).rejects.toThrow();
    await expect(t.db.query("INSERT INTO accounts (username, roles, password) VALUES ('eve', ARRAY['practitioner'], 'plain')")).rejects.toThrow();
  });

  it('verifies the right password only; an unknown name and a wrong password answer the same', async () => {
    expect((await accounts.verify('ada', 'a long enough password'))?.roles).toEqual(['administrator']);
    expect(await accounts.verify('ada', 'a long enough passwore')).toBeUndefined();
    expect(await accounts.verify('nobody', 'a long enough password')).toBeUndefined();
  });

  it('keeps sessions by the hash of their id: a live one is found with its roles and CSRF token, an expired or unknown one is not', async () => {
    const s = await accounts.startSession('pat');
    expect(s.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.csrf).not.toBe(s.id);
    const { rows } = await t.db.query<{ id_sha256: string }>("SELECT id_sha256 FROM sessions WHERE username = 'pat'");
    expect(rows.map((r) => r.id_sha256)).not.toContain(s.id);
    expect(await accounts.session(s.id)).toMatchObject({ username: 'pat', roles: ['practitioner', 'data-team'], csrf: s.csrf });
    expect(await accounts.session(s.id, new Date(Date.now() + 9 * 3600_000))).toBeUndefined();
    expect(await accounts.session('x'.repeat(43))).toBeUndefined();
    expect(await accounts.session("' OR 1=1 --")).toBeUndefined();
  });

  it('signs out: the session ends', async () => {
    const s = await accounts.startSession('ada');
    await accounts.endSession(s.id);
    expect(await accounts.session(s.id)).toBeUndefined();
  });

  it('disabling ends the account\'s sessions at once and refuses its password from then on', async () => {
    expect(await accounts.add('leaver', ['policy-lead'], 'a leaver password')).toBe(true);
    const s = await accounts.startSession('leaver');
    expect(await accounts.disable('leaver')).toBe(true);
    expect(await accounts.session(s.id)).toBeUndefined();
    expect(await accounts.verify('leaver', 'a leaver password')).toBeUndefined();
    await expect(accounts.startSession('leaver')).rejects.toThrow();
    expect(await accounts.disable('nobody')).toBe(false);
  });
});
