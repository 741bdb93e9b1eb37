import type { IncomingMessage, ServerResponse } from 'node:http';
import { validUsername } from '../../runtime/node/index';
import type { AccountsDoor } from './accounts';
import { sendError, sendJson } from './http';
import { whoIs } from './requireRole';

/**
 * `/api/session`: `GET` who is signed in (and whether sign-in is needed at all), `POST`
 * `{ username, password }` to sign in, `DELETE` to sign out. Sign-in answers one refusal for an
 * unknown name, a wrong password and a disabled account (401 `sign-in-failed`), 429
 * `rate-limited` past the limits of rateLimit.ts.
 */
export async function sessionRoute(accounts: AccountsDoor, req: IncomingMessage, res: ServerResponse, body: string | undefined): Promise<void> {
  const method = req.method ?? 'GET';
  const who = whoIs(req);
  if (method === 'GET' || method === 'HEAD') {
    if (who.kind === 'local') return sendJson(res, 200, { accounts: false });
    if (who.kind === 'anonymous') return sendJson(res, 200, { accounts: true, signedIn: false });
    return sendJson(res, 200, { accounts: true, signedIn: true, username: who.username, roles: who.roles });
  }
  if (!accounts.required) return sendError(res, 409, { error: 'This server has no accounts yet: nothing to sign in to (single-user local mode).', reason: 'no-accounts' });
  if (method === 'DELETE') {
    if (who.kind === 'account') await accounts.signOut(who.sessionId);
    res.writeHead(204, { 'Set-Cookie': accounts.clearedCookies(), 'Cache-Control': 'no-store' });
    return void res.end();
  }
  const credentials = parse(body ?? '');
  if (!credentials) return sendError(res, 400, { error: 'Send { "username": "…", "password": "…" } as JSON.', reason: 'invalid' });
  const address = req.socket.remoteAddress ?? 'unknown';
  // A name that cannot be an account's still counts and still costs scrypt's time: the same answer.
  const outcome = await accounts.signIn(credentials.username, credentials.password, address);
  if (outcome.ok) {
    const { session } = outcome;
    res.setHeader('Set-Cookie', accounts.cookies(session));
    return sendJson(res, 200, { username: session.username, roles: session.roles, expiresAt: session.expiresAt });
  }
  if (outcome.reason === 'rate-limited') {
    return sendError(res, 429, { error: `Too many attempts to sign in. Try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} minutes.`, reason: 'rate-limited' }, { 'Retry-After': String(outcome.retryAfterSeconds) });
  }
  sendError(res, 401, { error: 'The username or password is not right.', reason: 'sign-in-failed' });
}

function parse(text: string): { username: string; password: string } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const { username, password } = value as Record<string, unknown>;
  if (typeof username !== 'string' || typeof password !== 'string' || username.length > 200 || password.length > 1024) return undefined;
  // A name no account can have is looked up as nothing, never sent to the database as typed.
  const name = username.trim().toLowerCase();
  return { username: validUsername(name) ? name : ' not a name', password };
}
