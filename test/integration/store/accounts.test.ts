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

  it('ends a session after the idle time with no request, and at 8 hours however active (issue 20: idle timeout)', async () => {
    const t0 = new Date(Date.UTC(2026, 0, 5, 9));
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const s = await accounts.startSession('pat', t0);
    // Each request within 30 minutes of the one before keeps it alive.
    for (const m of [29, 58, 87, 116]) expect(await accounts.session(s.id, at(m))).toMatchObject({ username: 'pat' });
    expect(await accounts.session(s.id, at(116 + 31))).toBeUndefined();

    const idle = await accounts.startSession('pat', t0);
    expect(await accounts.session(idle.id, at(31))).toBeUndefined();
    // Configured shorter: 5 minutes.
    const short = await accounts.startSession('pat', t0);
    expect(await accounts.session(short.id, at(4), 5 * 60)).toMatchObject({ username: 'pat' });
    expect(await accounts.session(short.id, at(10), 5 * 60)).toBeUndefined();

    const busy = await accounts.startSession('pat', t0);
    for (let m = 20; m < 8 * 60; m += 20) expect(await accounts.session(busy.id, at(m))).toBeDefined();
    expect(await accounts.session(busy.id, at(8 * 60 + 1))).toBeUndefined();
  });

  it('resets a password: the old one stops working, the new one works, the account\'s sessions end; a disabled or unknown account is refused', async () => {
    expect(await accounts.add('forgetful', ['practitioner'], 'the first password')).toBe(true);
    const s = await accounts.startSession('forgetful');
    expect(await accounts.resetPassword('forgetful', 'a brand new password')).toBe('reset');
    expect(await accounts.session(s.id)).toBeUndefined();
    expect(await accounts.verify('forgetful', 'the first password')).toBeUndefined();
    expect((await accounts.verify('forgetful', 'a brand new password'))?.username).toBe('forgetful');
    expect(await accounts.resetPassword('nobody', 'a brand new password')).toBe('not-found');
    expect(await accounts.add('gone', ['practitioner'], 'the gone password')).toBe(true);
    await accounts.disable('gone');
    expect(await accounts.resetPassword('gone', 'a brand new password')).toBe('disabled');
    expect(await accounts.verify('gone', 'a brand new password')).toBeUndefined();
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
