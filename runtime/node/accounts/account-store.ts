import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SqlDriver } from '../store/driver';
import { hashPassword, verifyDecoy, verifyPassword, type ScryptParams } from './password';
import type { Role } from './roles';

/**
 * Local accounts and sessions (issue 20 point 4), on the response store's database. A session id
 * is 32 random bytes known only to the browser's cookie; the table keeps its sha256. Expected
 * refusals are values; SQL failures are exceptions.
 */
export interface Account {
  username: string;
  roles: Role[];
  createdAt: string;
  disabledAt: string | null;
}

export interface Session {
  username: string;
  roles: Role[];
  /** The token every write of this session must carry (X-CSRF-Token). */
  csrf: string;
  expiresAt: string;
}

/** A new session: `id` goes into the HttpOnly cookie and is never stored. */
export interface NewSession extends Session {
  id: string;
}

/** Eight hours: one working day, then sign in again. */
export const SESSION_SECONDS = 8 * 60 * 60;

/** Thirty minutes with no request ends a session too (SESSION_IDLE_MINUTES on the server). */
export const SESSION_IDLE_SECONDS = 30 * 60;

/** A request is written down at most once a minute: not a database write for every request. */
const SEEN_EVERY_MS = 60_000;

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const token = (): string => randomBytes(32).toString('base64url');

function account(r: Record<string, unknown>): Account {
  return { username: r.username as string, roles: r.roles as Role[], createdAt: iso(r.created_at), disabledAt: r.disabled_at ? iso(r.disabled_at) : null };
}

export class AccountStore {
  constructor(
    private readonly db: SqlDriver,
    private readonly scrypt?: ScryptParams,
  ) {}

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number | string }>('SELECT count(*) AS n FROM accounts');
    return Number(rows[0]?.n ?? 0);
  }

  async list(): Promise<Account[]> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT username, roles, created_at, disabled_at FROM accounts ORDER BY username');
    return rows.map(account);
  }

  /** false when the name is taken (a disabled account keeps its name). */
  async add(username: string, roles: readonly Role[], password: string): Promise<boolean> {
    const hash = await hashPassword(password, this.scrypt);
    const { rows } = await this.db.query('INSERT INTO accounts (username, roles, password) VALUES ($1, $2, $3) ON CONFLICT (username) DO NOTHING RETURNING username', [username, [...roles], hash]);
    return rows.length === 1;
  }

  /** Disables the account and ends its sessions at once; false when there is no such account. */
  async disable(username: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query('UPDATE accounts SET disabled_at = coalesce(disabled_at, now()) WHERE username = $1 RETURNING username', [username]);
      await tx.query('DELETE FROM sessions WHERE username = $1', [username]);
      return rows.length === 1;
    });
  }

  /**
   * The account when the password is right and the account enabled; undefined otherwise, after the
   * same scrypt work whichever it was (unknown name, wrong password, disabled).
   */
  async verify(username: string, password: string): Promise<Account | undefined> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT username, roles, password, created_at, disabled_at FROM accounts WHERE username = $1', [username]);
    const row = rows[0];
    if (!row) return verifyDecoy(password).then(() => undefined);
    const right = await verifyPassword(password, row.password as string);
    return right && !row.disabled_at ? account(row) : undefined;
  }

  async startSession(username: string, now = new Date()): Promise<NewSession> {
    const id = token();
    const csrf = token();
    const expires = new Date(now.getTime() + SESSION_SECONDS * 1000);
    const roles = await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ roles: Role[] }>('SELECT roles FROM accounts WHERE username = $1 AND disabled_at IS NULL', [username]);
      if (!rows[0]) return undefined;
      await tx.query('INSERT INTO sessions (id_sha256, username, csrf, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5)', [sha256(id), username, csrf, expires.toISOString(), now.toISOString()]);
      return rows[0].roles;
    });
    if (!roles) throw new Error(`no enabled account ${username} to start a session for`);
    return { id, username, roles, csrf, expiresAt: expires.toISOString() };
  }

  /**
   * The live session with this id (from the cookie), or undefined: unknown, expired, idle for
   * `idleSeconds` or more, or its account disabled. Finding it counts as a request.
   */
  async session(id: string, now = new Date(), idleSeconds = SESSION_IDLE_SECONDS): Promise<Session | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT s.username, s.csrf, s.expires_at, s.last_seen_at, a.roles FROM sessions s JOIN accounts a USING (username)
       WHERE s.id_sha256 = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND a.disabled_at IS NULL`,
      [sha256(id), now.toISOString(), new Date(now.getTime() - idleSeconds * 1000).toISOString()],
    );
    const r = rows[0];
    if (!r) return undefined;
    if (now.getTime() - new Date(iso(r.last_seen_at)).getTime() >= SEEN_EVERY_MS) {
      await this.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_sha256 = $1 AND last_seen_at < $2', [sha256(id), now.toISOString()]);
    }
    return { username: r.username as string, roles: r.roles as Role[], csrf: r.csrf as string, expiresAt: iso(r.expires_at) };
  }

  /**
   * A new password for an enabled account (`users reset-password`): its sessions end with the old
   * one, so whoever held them must sign in again.
   */
  async resetPassword(username: string, password: string): Promise<'reset' | 'not-found' | 'disabled'> {
    const hash = await hashPassword(password, this.scrypt);
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ disabled: boolean }>('SELECT disabled_at IS NOT NULL AS disabled FROM accounts WHERE username = $1 FOR UPDATE', [username]);
      if (!rows[0]) return 'not-found';
      if (rows[0].disabled) return 'disabled';
      await tx.query('UPDATE accounts SET password = $2 WHERE username = $1', [username, hash]);
      await tx.query('DELETE FROM sessions WHERE username = $1', [username]);
      return 'reset';
    });
  }

  /** Sign-out: the session row goes (and expired ones with it). */
  async endSession(id: string, now = new Date()): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id_sha256 = $1 OR expires_at <= $2', [sha256(id), now.toISOString()]);
  }
}

/** Constant-time comparison of a sent CSRF token with the session's. */
export function sameToken(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
