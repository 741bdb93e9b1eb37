import type { Role } from '../../runtime/node/index';

/**
 * Which role each route needs: the one table (issue 20 point 4). The gate (gate.ts) looks every
 * request up here before any handler runs, and a request that matches no row is refused (404, or
 * 405 with `Allow` when the path is known), so a route added without a row cannot be reached.
 * test/integration/access.test.ts tries every row with no session, the wrong role and a forged
 * CSRF token, and fails on a route it reaches that has no row.
 *
 * `access`: `public` (anyone, no session needed); `signed-in` (any account); a list of roles (any
 * one of them); `published` (anyone for a published, hash-checked version, as embeds on other
 * origins read it without a session; a policy lead for a draft). In single-user local mode (no
 * accounts, loopback only) every row is open, as before accounts existed.
 */
export type Access = 'public' | 'signed-in' | 'published' | readonly Role[];

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';

export interface RouteRule {
  methods: readonly Method[];
  /** Segments: a literal, `:name` (one non-empty segment), or a final `*` (the rest, possibly nothing). */
  path: string;
  access: Access;
  /** A page (HTML): a refusal is a redirect to sign-in or a page, not JSON. */
  page?: true;
  /** A write that carries no CSRF token by nature: sign-in (no session yet), browsers' CSP reports. */
  csrfExempt?: true;
  /** For `published`: which segments name the form id and version. */
  form?: (segments: readonly string[]) => [string, string];
  /** A first segment this row does not cover (the static files' row leaves /api/ to the rows above). */
  except?: string;
}

const READ: readonly Method[] = ['GET', 'HEAD'];
const POLICY: readonly Role[] = ['policy-lead'];

export const ROUTES: readonly RouteRule[] = [
  { methods: READ, path: '/', access: POLICY, page: true },
  { methods: READ, path: '/forms/*', access: ['practitioner'], page: true },
  { methods: READ, path: '/embed/', access: 'public', page: true },
  { methods: READ, path: '/signin', access: 'public', page: true },
  { methods: READ, path: '/api/session', access: 'public' },
  { methods: ['POST'], path: '/api/session', access: 'public', csrfExempt: true },
  { methods: ['DELETE'], path: '/api/session', access: 'signed-in' },
  { methods: READ, path: '/api/forms', access: 'signed-in' },
  { methods: ['PUT', 'DELETE'], path: '/api/forms/:id/retirement', access: POLICY },
  { methods: READ, path: '/api/forms/:id/:version', access: 'published', form: (s) => [s[2]!, s[3]!] },
  { methods: ['PUT', 'DELETE'], path: '/api/forms/:id/:version', access: POLICY },
  { methods: ['POST'], path: '/api/forms/:id/:version/publish', access: POLICY },
  { methods: ['POST'], path: '/api/forms/:id/:version/renumber', access: POLICY },
  { methods: ['GET', 'HEAD', 'POST'], path: '/api/forms/:id/:version/problems', access: POLICY },
  { methods: ['POST'], path: '/api/validators', access: POLICY },
  { methods: READ, path: '/validators/drafts/:file', access: POLICY },
  { methods: READ, path: '/validators/:id/:file', access: 'published', form: (s) => [s[1]!, s[2]!.replace(/\.js$/, '')] },
  { methods: ['POST'], path: '/api/csp-report', access: 'public', csrfExempt: true },
  { methods: ['GET', 'DELETE'], path: '/api/csp-report', access: ['administrator'] },
  { methods: READ, path: '/api/responses', access: 'signed-in' },
  { methods: ['POST'], path: '/api/responses', access: ['practitioner'] },
  // A practitioner reads only responses they made (responses.ts); the data team reads any.
  { methods: READ, path: '/api/responses/:id', access: ['practitioner', 'data-team'] },
  { methods: READ, path: '/api/responses/:id/history', access: ['practitioner', 'data-team'] },
  { methods: READ, path: '/api/responses/:id/view', access: ['practitioner', 'data-team'] },
  // Corrections and status changes: new versions of what was collected, with a reason (REDCap's data team).
  { methods: ['POST'], path: '/api/responses/:id/corrections', access: ['data-team'] },
  { methods: ['POST'], path: '/api/responses/:id/status', access: ['data-team'] },
  { methods: READ, path: '/api/response-list', access: ['data-team'] },
  { methods: READ, path: '/api/my-responses', access: ['practitioner'] },
  { methods: ['GET', 'HEAD', 'POST'], path: '/api/response-exports', access: ['data-team'] },
  { methods: READ, path: '/responses/', access: ['data-team'], page: true },
  { methods: READ, path: '/my-assessments/', access: ['practitioner'], page: true },
  // CORS preflights (cors.ts answers them: 204 only for a listed origin's published read).
  { methods: ['OPTIONS'], path: '/*', access: 'public' },
  // The built app's scripts, styles and fonts (no data), and /forms, /embed's redirects.
  { methods: READ, path: '/*', access: 'public', except: 'api' },
];

function matches(rule: RouteRule, segments: readonly string[]): boolean {
  if (rule.except !== undefined && segments[0] === rule.except) return false;
  const parts = rule.path.split('/').slice(1);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '*' && i === parts.length - 1) return segments.length >= i;
    const segment = segments[i];
    if (segment === undefined) return false;
    if (part.startsWith(':') ? segment === '' : part !== segment) return false;
  }
  return parts.length === segments.length;
}

/** The rules whose path matches (a literal row before a `:param` one, in table order). */
export function rulesFor(segments: readonly string[]): RouteRule[] {
  return ROUTES.filter((r) => matches(r, segments));
}

export type Lookup = { rule: RouteRule } | { allow: string } | { unknown: true };

/** The row for a request; else the methods its path allows (405), else unknown (404). */
export function lookup(method: string, segments: readonly string[]): Lookup {
  const rules = rulesFor(segments);
  const rule = rules.find((r) => r.methods.includes(method as Method));
  if (rule) return { rule };
  const methods = [...new Set(rules.flatMap((r) => r.methods))].filter((m) => m !== 'OPTIONS');
  return methods.length ? { allow: methods.join(', ') } : { unknown: true };
}
