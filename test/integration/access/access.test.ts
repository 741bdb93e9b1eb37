import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookup, ROUTES, type RouteRule } from '../../../builder/server/access';
import { openAccountStore } from '../../../runtime/node/accounts/open';
import { storeLocation } from '../../../runtime/node/store/index';
import { startServer, type RunningServer } from '../../e2e/support/server';
import { minimalDefinition } from '../../support/minimal-definition';
import { completeResponse, targetEnv, targetKinds } from '../store/targets';
import { call, signIn, type SignedIn } from './http';

/**
 * Every route with no session, with the wrong role and with a forged or missing CSRF token, each
 * refused with its status; and with the right role and token, let through to its handler (issue
 * 20 points 4 and 7). The route table is builder/server/access.ts.
 */

const PASSWORD = 'a password for the access suite';
const ACCOUNTS = { lead: ['policy-lead'], prac: ['practitioner'], prac2: ['practitioner'], data: ['data-team'], admin: ['administrator'] } as const;
type Name = keyof typeof ACCOUNTS;

/** A request for each row of the table, harmless when let through (a stale If-Match, an unknown id…). */
const SAMPLES: Record<string, { path: string; headers?: Record<string, string>; body?: string }> = {
  '/': { path: '/' },
  '/forms/*': { path: '/forms/' },
  '/embed/': { path: '/embed/' },
  '/signin': { path: '/signin' },
  '/api/session': { path: '/api/session', body: '{}' },
  '/api/forms': { path: '/api/forms' },
  '/api/forms/:id/retirement': { path: '/api/forms/no-such-form/retirement' },
  '/api/forms/:id/:version': { path: '/api/forms/access-draft/1.0.0', headers: { 'If-Match': '"stale"' }, body: '{}' },
  '/api/forms/:id/:version/publish': { path: '/api/forms/access-draft/1.0.0/publish', headers: { 'If-Match': '"stale"' } },
  '/api/forms/:id/:version/renumber': { path: '/api/forms/access-draft/1.0.0/renumber', body: '{}' },
  '/api/forms/:id/:version/problems': { path: '/api/forms/access-draft/1.0.0/problems', body: '{}' },
  '/api/validators': { path: '/api/validators', body: '{}' },
  '/validators/drafts/:file': { path: `/validators/drafts/${'0'.repeat(64)}.js` },
  '/validators/:id/:file': { path: '/validators/access-draft/1.0.0.js' },
  '/api/csp-report': { path: '/api/csp-report', body: '{}' },
  '/api/responses': { path: '/api/responses', body: '{}' },
  '/api/responses/:id': { path: '/api/responses/no-such-response' },
  '/api/responses/:id/history': { path: '/api/responses/no-such-response/history' },
  '/api/responses/:id/view': { path: '/api/responses/no-such-response/view' },
  '/api/responses/:id/corrections': { path: '/api/responses/no-such-response/corrections', body: '{}' },
  '/api/responses/:id/status': { path: '/api/responses/no-such-response/status', body: '{}' },
  '/api/response-list': { path: '/api/response-list' },
  '/api/my-responses': { path: '/api/my-responses' },
  '/api/response-exports': { path: '/api/response-exports', body: '{}' },
  '/responses/': { path: '/responses/' },
  '/my-assessments/': { path: '/my-assessments/' },
  '/*': { path: '/assets/no-such-file.js' },
};

const WRITE = new Set(['POST', 'PUT', 'DELETE']);
const cases = ROUTES.flatMap((rule) => rule.methods.map((method) => ({ rule, method, name: `${method} ${rule.path}` })));

function roleless(rule: RouteRule): Name | undefined {
  if (rule.access === 'public' || rule.access === 'signed-in') return undefined;
  const roles: readonly string[] = rule.access === 'published' ? ['policy-lead'] : rule.access;
  return (Object.keys(ACCOUNTS) as Name[]).find((n) => !ACCOUNTS[n].some((r) => roles.includes(r)));
}

function holder(rule: RouteRule): Name {
  if (rule.access === 'public' || rule.access === 'signed-in') return 'admin';
  const roles: readonly string[] = rule.access === 'published' ? ['policy-lead'] : rule.access;
  return (Object.keys(ACCOUNTS) as Name[]).find((n) => ACCOUNTS[n].some((r) => roles.includes(r)))!;
}

describe('the route table', () => {
  it('has a sample request for every row, and each sample finds its own row', () => {
    for (const { rule, method } of cases) {
      const sample = SAMPLES[rule.path];
      expect(sample, rule.path).toBeDefined();
      const found = lookup(method, sample!.path.split('?')[0]!.split('/').slice(1));
      expect('rule' in found && found.rule, `${method} ${sample!.path}`).toBe(rule);
    }
  });

  it('has a row for every route the server\'s code answers (each literal path segment api.ts and app.ts match on)', () => {
    const source = ['builder/server/api.ts', 'builder/server/app.ts'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const literals = new Set([...source.matchAll(/\b(?:area|action|version|first|a) === '([a-z][a-z-]*)'/g)].map((m) => m[1]!));
    const inTable = new Set(ROUTES.flatMap((r) => r.path.split('/')));
    expect([...literals].filter((l) => !inTable.has(l))).toEqual([]);
  });

  it('refuses what no row lists: 404 for an unknown API path, 405 with Allow for a method a known path does not take', () => {
    expect(lookup('GET', ['api', 'accounts'])).toEqual({ unknown: true });
    expect(lookup('PATCH', ['api', 'forms', 'x', '1.0.0'])).toEqual({ allow: 'GET, HEAD, PUT, DELETE' });
    expect(lookup('POST', ['forms', ''])).toEqual({ allow: 'GET, HEAD' });
  });
});


describe.each(targetKinds)('access with accounts on %s', (kind) => {
  let server: RunningServer;
  let port: number;
  const as: Partial<Record<Name, SignedIn>> = {};

  beforeAll(async () => {
    const env = await targetEnv(kind);
    const opened = await openAccountStore(storeLocation(env, process.cwd()));
    for (const [name, roles] of Object.entries(ACCOUNTS)) await opened.accounts.add(name, roles, PASSWORD);
    await opened.close();
    server = await startServer({ env });
    port = Number(new URL(server.url).port);
    mkdirSync(join(server.formsDir, 'access-draft'), { recursive: true });
    writeFileSync(join(server.formsDir, 'access-draft', '1.0.0.json'), JSON.stringify({ ...minimalDefinition, id: 'access-draft' }, null, 2));
    for (const name of Object.keys(ACCOUNTS) as Name[]) as[name] = await signIn(port, name, PASSWORD);
  }, 240_000);
  afterAll(() => server?.stop(), 30_000);

  const send = (method: string, sample: (typeof SAMPLES)[string], who?: SignedIn, csrf?: string | null) =>
    call(port, method, sample.path, {
      ...(WRITE.has(method) && sample.body !== undefined ? { body: sample.body } : {}),
      headers: {
        ...sample.headers,
        ...(who ? { Cookie: who.cookie } : {}),
        ...(csrf === null ? {} : { 'X-CSRF-Token': csrf ?? who?.csrf ?? '' }),
      },
    });

  it.each(cases)('$name: refused with no session (401, a page: 303 to sign-in), unless public', async ({ rule, method }) => {
    const reply = await send(method, SAMPLES[rule.path]!, undefined, null);
    if (rule.access === 'public') {
      expect(reply.status).not.toBe(401);
      return;
    }
    if (rule.page) {
      expect(reply.status).toBe(303);
      expect(reply.headers.location).toBe(`/signin?next=${encodeURIComponent(SAMPLES[rule.path]!.path)}`);
    } else {
      expect(reply.status).toBe(401);
      if (method !== 'HEAD') expect(reply.json().reason).toBe('signed-out');
    }
  });

  it.each(cases.filter((c) => roleless(c.rule)))('$name: refused with the wrong role (403 role)', async ({ rule, method }) => {
    const reply = await send(method, SAMPLES[rule.path]!, as[roleless(rule)!]);
    expect(reply.status).toBe(403);
    if (!rule.page && method !== 'HEAD') expect(reply.json().reason).toBe('role');
  });

  it.each(cases.filter((c) => WRITE.has(c.method) && !c.rule.csrfExempt && c.rule.access !== 'public'))(
    '$name: refused with a forged or missing CSRF token (403 csrf), even with the right role',
    async ({ rule, method }) => {
      const who = as[holder(rule)]!;
      const forged = await send(method, SAMPLES[rule.path]!, who, as.prac2!.csrf);
      expect([forged.status, forged.json().reason]).toEqual([403, 'csrf']);
      const missing = await send(method, SAMPLES[rule.path]!, who, null);
      expect([missing.status, missing.json().reason]).toEqual([403, 'csrf']);
    },
  );

  it.each(cases)('$name: let through to its handler with the right role and token', async ({ rule, method }) => {
    // Signing out is let through too: with a session of its own, so the others stay signed in.
    const who = rule.path === '/api/session' && method === 'DELETE' ? await signIn(port, 'admin', PASSWORD) : as[holder(rule)];
    const reply = await send(method, SAMPLES[rule.path]!, who);
    expect(reply.status, reply.text).not.toBe(401);
    expect(reply.status === 403 && /"reason":"(role|csrf)"/.test(reply.text), reply.text).toBe(false);
  });

  it('reads a published version and its validator with no session (embeds on other origins have none); a draft needs a policy lead', async () => {
    expect((await call(port, 'GET', '/api/forms/routine-enquiry/1.0.0')).status).toBe(200);
    expect((await call(port, 'GET', '/validators/routine-enquiry/1.0.0.js')).status).toBe(200);
    expect((await call(port, 'GET', '/api/forms/access-draft/1.0.0')).status).toBe(401);
    expect((await call(port, 'GET', '/api/forms/access-draft/1.0.0', { headers: { Cookie: as.prac!.cookie } })).status).toBe(403);
    expect((await call(port, 'GET', '/api/forms/access-draft/1.0.0', { headers: { Cookie: as.lead!.cookie } })).status).toBe(200);
  });

  it('a practitioner reads the responses they submitted, not another\'s (404); the data team reads any; the audit names the account', async () => {
    const response = completeResponse(`${kind}-access-own`);
    const posted = await call(port, 'POST', '/api/responses', { body: JSON.stringify(response), headers: { Cookie: as.prac!.cookie, 'X-CSRF-Token': as.prac!.csrf } });
    expect(posted.status).toBe(201);
    const path = `/api/responses/${response.responseId}`;
    expect((await call(port, 'GET', path, { headers: { Cookie: as.prac!.cookie } })).status).toBe(200);
    expect((await call(port, 'GET', path, { headers: { Cookie: as.prac2!.cookie } })).status).toBe(404);
    expect((await call(port, 'GET', `${path}/history`, { headers: { Cookie: as.prac2!.cookie } })).status).toBe(404);
    const history = await call(port, 'GET', `${path}/history`, { headers: { Cookie: as.data!.cookie } });
    expect(history.json().history.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([['create', 'prac']]);
  });
});
