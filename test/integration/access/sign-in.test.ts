import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountStore } from '../../../runtime/node/accounts/open';
import { storeLocation } from '../../../runtime/node/store/index';
import { startServer, type RunningServer } from '../../e2e/support/server';
import { targetEnv, targetKinds } from '../store/targets';
import { call, signIn } from './http';

/** `/api/session`: sign-in, its cookies, its one refusal, its rate limit, sign-out (issue 20 point 4). */

const PASSWORD = 'the right password here';
const attempt = (port: number, username: string, password: string) => call(port, 'POST', '/api/session', { body: JSON.stringify({ username, password }) });


describe('single-user local mode (no accounts)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 60_000);
  afterAll(() => server?.stop(), 30_000);

  it('says there are no accounts, lets every route through as before, and has nothing to sign in to', async () => {
    const port = Number(new URL(server.url).port);
    expect((await call(port, 'GET', '/api/session')).json()).toEqual({ accounts: false });
    expect((await call(port, 'GET', '/api/forms')).status).toBe(200);
    const reply = await attempt(port, 'ada', PASSWORD);
    expect([reply.status, reply.json().reason]).toEqual([409, 'no-accounts']);
  });
});

describe.each(targetKinds)('signing in on %s', (kind) => {
  let server: RunningServer;
  let port: number;
  beforeAll(async () => {
    const env = await targetEnv(kind);
    const opened = await openAccountStore(storeLocation(env, process.cwd()));
    await opened.accounts.add('ada', ['policy-lead'], PASSWORD);
    await opened.accounts.add('bea', ['practitioner'], PASSWORD);
    await opened.accounts.add('gone', ['practitioner'], PASSWORD);
    await opened.accounts.add('cal', ['data-team'], PASSWORD);
    await opened.accounts.disable('gone');
    await opened.close();
    server = await startServer({ env });
    port = Number(new URL(server.url).port);
  }, 240_000);
  afterAll(() => server?.stop(), 30_000);

  it('sets an HttpOnly, SameSite=Strict session cookie with an expiry (not Secure on loopback over http) and a readable CSRF cookie', async () => {
    const s = await signIn(port, 'ada', PASSWORD);
    const session = s.setCookie.find((c) => c.startsWith('as_session='))!;
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).toMatch(/; Max-Age=28800/);
    expect(session).toMatch(/; Path=\//);
    expect(session).not.toMatch(/Secure/);
    const csrf = s.setCookie.find((c) => c.startsWith('as_csrf='))!;
    expect(csrf).toMatch(/; SameSite=Strict/);
    expect(csrf).not.toMatch(/HttpOnly/);
    const me = await call(port, 'GET', '/api/session', { headers: { Cookie: s.cookie } });
    expect(me.json()).toEqual({ accounts: true, signedIn: true, username: 'ada', roles: ['policy-lead'] });
  });

  it('answers an unknown name, a wrong password and a disabled account the same way (401 sign-in-failed, same body)', async () => {
    const replies = await Promise.all([attempt(port, 'nobody', PASSWORD), attempt(port, 'bea', 'not the password'), attempt(port, 'gone', PASSWORD)]);
    expect(replies.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    expect(replies[0]!.json().reason).toBe('sign-in-failed');
    expect(replies.every((r) => r.headers['set-cookie'] === undefined)).toBe(true);
  });

  it('refuses a sixth attempt at one name within 15 minutes (429 with Retry-After), even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(port, 'cal', `wrong ${i}`)).status).toBe(401);
    const sixth = await attempt(port, 'cal', PASSWORD);
    expect([sixth.status, sixth.json().reason]).toEqual([429, 'rate-limited']);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
  }, 60_000);

  it('signs out: the session ends on the server and both cookies are cleared', async () => {
    const s = await signIn(port, 'ada', PASSWORD);
    const out = await call(port, 'DELETE', '/api/session', { headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf } });
    expect(out.status).toBe(204);
    expect((out.headers['set-cookie'] as string[]).every((c) => /Max-Age=0/.test(c))).toBe(true);
    const after = await call(port, 'GET', '/api/forms', { headers: { Cookie: s.cookie } });
    expect([after.status, after.json().reason]).toEqual([401, 'signed-out']);
  });

  it('refuses a malformed sign-in body (400) and a sign-in from another origin (403 origin)', async () => {
    expect((await call(port, 'POST', '/api/session', { body: '{"username":1}' })).status).toBe(400);
    const cross = await call(port, 'POST', '/api/session', { body: JSON.stringify({ username: 'ada', password: PASSWORD }), headers: { Origin: 'https://evil.example' } });
    expect([cross.status, cross.json().reason]).toEqual([403, 'origin']);
  });
});
