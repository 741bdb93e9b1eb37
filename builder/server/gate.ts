import type { IncomingMessage, ServerResponse } from 'node:http';
import { CSRF_HEADER } from '../../runtime/core/index';
import { sameToken } from '../../runtime/node/index';
import { lookup, type RouteRule } from './access';
import type { AccountsDoor } from './accounts';
import { isWrite } from './guard';
import { sendBody, sendError } from './http';
import { rememberWho, type Who } from './requireRole';
import { validId, validVersion, type FormStore } from './store';

export interface GateContext {
  accounts: AccountsDoor;
  store: FormStore;
}

/**
 * Every request passes here after the Host and Origin checks and before any handler: its row in
 * the route table (access.ts), who sends it, the CSRF token of a write, the role. Answers the
 * refusal itself and returns false; true lets the request on. Order: no row (404/405), not signed
 * in (401, or a page's redirect to sign-in), CSRF (403 `csrf`), role (403 `role`).
 */
export async function admit(ctx: GateContext, req: IncomingMessage, res: ServerResponse, segments: string[]): Promise<boolean> {
  const method = req.method ?? 'GET';
  const found = lookup(method, segments);
  if ('allow' in found) {
    sendError(res, 405, { error: `Method not allowed; use ${found.allow}.`, reason: 'method' }, { Allow: found.allow });
    return false;
  }
  if ('unknown' in found) {
    sendError(res, 404, { error: segments[0] === 'api' ? 'No such API route.' : 'Not found.', reason: 'not-found' });
    return false;
  }
  const { rule } = found;
  const who = await ctx.accounts.identify(req);
  rememberWho(req, who);
  if (who.kind === 'local' || rule.access === 'public') return true;
  if (rule.access === 'published' && (await published(ctx, rule, segments))) return true;
  if (who.kind === 'anonymous') return refuseSignedOut(req, res, rule);
  if (isWrite(method) && !rule.csrfExempt && !sameToken(headerText(req.headers[CSRF_HEADER.toLowerCase()]), who.csrf)) {
    sendError(res, 403, { error: 'This write did not carry this session’s CSRF token; reload the page.', reason: 'csrf' });
    return false;
  }
  if (allowed(rule, who)) return true;
  if (rule.page) {
    sendBody(res, 403, forbiddenPage(who), 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
  } else {
    sendError(res, 403, { error: `This needs the role ${needed(rule)}.`, reason: 'role' });
  }
  return false;
}

function allowed(rule: RouteRule, who: Extract<Who, { kind: 'account' }>): boolean {
  if (rule.access === 'signed-in') return true;
  const roles = rule.access === 'published' ? ['policy-lead'] : rule.access;
  return who.roles.some((r) => (roles as readonly string[]).includes(r));
}

function needed(rule: RouteRule): string {
  return rule.access === 'published' ? 'policy-lead (a draft)' : (rule.access as readonly string[]).join(' or ');
}

/** A `published` row lets anyone read a version that is published with its recorded hash. */
async function published(ctx: GateContext, rule: RouteRule, segments: string[]): Promise<boolean> {
  const [id, version] = rule.form!(segments);
  if (!validId(id) || !validVersion(version)) return false;
  return (await ctx.store.trustedPublished(id, version)).ok;
}

function refuseSignedOut(req: IncomingMessage, res: ServerResponse, rule: RouteRule): false {
  if (rule.page) {
    const next = (req.url ?? '/').split('#', 1)[0]!;
    res.writeHead(303, { Location: `/signin?next=${encodeURIComponent(next)}`, 'Cache-Control': 'no-store', 'Content-Length': 0 });
    res.end();
  } else {
    sendError(res, 401, { error: 'Sign in first.', reason: 'signed-out' });
  }
  return false;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

/** A page the signed-in account may not see: say so, and offer the way out (no script, no style). */
function forbiddenPage(who: Extract<Who, { kind: 'account' }>): string {
  const name = who.username.replace(/[^a-z0-9._-]/g, '');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>No access – Assessment Studio</title></head>
<body><main><h1>You do not have access to this page</h1>
<p>You are signed in as ${name} (${who.roles.join(', ')}). Ask an administrator if you need another role.</p>
<p><a href="/signin">Sign out or change account</a></p></main></body></html>
`;
}
