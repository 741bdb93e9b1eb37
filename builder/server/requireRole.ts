import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '../../runtime/node/index';
import { sendError } from './http';

/**
 * Who is making a request, worked out once by the gate (gate.ts) and kept beside the request:
 * `local` in single-user local mode (no accounts yet, loopback only), else the signed-in account
 * or nobody. Any route handler asks here, never the cookie itself.
 */
export type Who =
  | { kind: 'local' }
  | { kind: 'anonymous' }
  | { kind: 'account'; username: string; roles: readonly Role[]; csrf: string; sessionId: string };

const known = new WeakMap<IncomingMessage, Who>();

export function rememberWho(req: IncomingMessage, who: Who): void {
  known.set(req, who);
}

/** Nobody, unless the gate said otherwise: a request that skipped it is refused, not waved through. */
export function whoIs(req: IncomingMessage): Who {
  return known.get(req) ?? { kind: 'anonymous' };
}

/** Whether the request may act as one of `roles` (everyone may in single-user local mode). */
export function hasRole(req: IncomingMessage, ...roles: Role[]): boolean {
  const who = whoIs(req);
  return who.kind === 'local' || (who.kind === 'account' && who.roles.some((r) => roles.includes(r)));
}

/**
 * The role check a route calls: true when allowed; otherwise it has answered 401 (not signed in)
 * or 403 (signed in without any of `roles`) itself. E.g. `if (!requireRole(req, res, 'data-team')) return;`
 */
export function requireRole(req: IncomingMessage, res: ServerResponse, ...roles: Role[]): boolean {
  if (hasRole(req, ...roles)) return true;
  if (whoIs(req).kind === 'anonymous') sendError(res, 401, { error: 'Sign in first.', reason: 'signed-out' });
  else sendError(res, 403, { error: `This needs the role ${roles.join(' or ')}.`, reason: 'role' });
  return false;
}

/** The name the audit records: the signed-in account's, or `local` in single-user local mode. */
export function actorName(req: IncomingMessage): string {
  const who = whoIs(req);
  return who.kind === 'account' ? who.username : 'local';
}
