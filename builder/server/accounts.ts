import type { IncomingMessage } from 'node:http';
import { cookieValue, CSRF_COOKIE, SESSION_COOKIE } from '../../runtime/core/index';
import { SESSION_SECONDS, storeMayExist, type NewSession } from '../../runtime/node/index';
import { SignInLimiter } from './rateLimit';
import type { Who } from './requireRole';
import type { ResponsesDoor } from './responses';

/**
 * Accounts as the server sees them (issue 20 point 4). Whether sign-in is required is decided
 * when the server starts: once any account exists (even a disabled one), always; with none, the
 * server is in single-user local mode (loopback only, everything open, as before accounts). A
 * first account made by `users add` while the server runs takes effect at its restart, which the
 * command says.
 */
export type SignIn = { ok: true; session: NewSession } | { ok: false; reason: 'sign-in-failed' } | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

export class AccountsDoor {
  readonly limiter = new SignInLimiter();

  private constructor(
    private readonly responses: ResponsesDoor,
    /** Sign-in required (some account exists). */
    readonly required: boolean,
    /** Cookies get `Secure` (served over https, or on an address other than loopback). */
    readonly secureCookies: boolean,
    /** A session with no request for this long has ended (SESSION_IDLE_MINUTES). */
    private readonly idleSeconds: number,
  ) {}

  /**
   * Looks for accounts without starting embedded PostgreSQL when it has no folder yet (then there
   * are none). RESPONSES_STORE=off turns accounts off with the store: single-user local mode.
   */
  static async start(responses: ResponsesDoor, secureCookies: boolean, idleSeconds: number): Promise<AccountsDoor> {
    if (!responses.enabled || !(await storeMayExist(responses.location))) return new AccountsDoor(responses, false, secureCookies, idleSeconds);
    const count = await (await responses.store()).accounts.count();
    return new AccountsDoor(responses, count > 0, secureCookies, idleSeconds);
  }

  /** Who sends this request: `local` without accounts; else the live session of its cookie, or nobody. */
  async identify(req: IncomingMessage): Promise<Who> {
    if (!this.required) return { kind: 'local' };
    const id = cookieValue(req.headers.cookie, SESSION_COOKIE);
    if (!id) return { kind: 'anonymous' };
    const session = await (await this.responses.store()).accounts.session(id, new Date(), this.idleSeconds);
    return session ? { kind: 'account', username: session.username, roles: session.roles, csrf: session.csrf, sessionId: id } : { kind: 'anonymous' };
  }

  /** The same refusal for an unknown name, a wrong password and a disabled account. */
  async signIn(username: string, password: string, address: string): Promise<SignIn> {
    const limit = this.limiter.check(username, address);
    if (!limit.ok) return { ok: false, reason: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
    const accounts = (await this.responses.store()).accounts;
    const account = await accounts.verify(username, password);
    if (!account) {
      this.limiter.failed(username, address);
      return { ok: false, reason: 'sign-in-failed' };
    }
    this.limiter.succeeded(username);
    return { ok: true, session: await accounts.startSession(account.username) };
  }

  async signOut(sessionId: string): Promise<void> {
    await (await this.responses.store()).accounts.endSession(sessionId);
  }

  /** Set-Cookie for a new session: the id HttpOnly; the CSRF token readable by our pages' scripts. */
  cookies(session: NewSession): string[] {
    return [
      `${SESSION_COOKIE}=${session.id}; ${this.attributes(SESSION_SECONDS)}; HttpOnly`,
      `${CSRF_COOKIE}=${session.csrf}; ${this.attributes(SESSION_SECONDS)}`,
    ];
  }

  clearedCookies(): string[] {
    return [`${SESSION_COOKIE}=; ${this.attributes(0)}; HttpOnly`, `${CSRF_COOKIE}=; ${this.attributes(0)}`];
  }

  private attributes(maxAge: number): string {
    return `Path=/; Max-Age=${maxAge}; SameSite=Strict${this.secureCookies ? '; Secure' : ''}`;
  }
}

