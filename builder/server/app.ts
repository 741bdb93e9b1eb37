import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { admit } from './gate';
import { handleApi, sendModule, type ApiContext } from './api';
import { allowCrossOriginRead, answerPreflight, isCrossOriginRead, listedOrigin } from './cors';
import { OutsideRootError, readRegular } from './disk';
import { hostAllowed, isWrite, pathSegments, writeOriginAllowed } from './guard';
import { setSecurityHeaders, type CspOptions, type PageKind } from './headers';
import { sendBody, sendError } from './http';
import { PAGES, type PageName } from './pages';
import { PublishLockTimeoutError } from '../../runtime/node/index';
import { RecordDamagedError, validId, validVersion } from './store';

export interface AppContext extends ApiContext {
  appDir: string;
  csp: CspOptions;
  /** The port actually bound (PORT=0 picks one), which Host and Origin must name. */
  port(): number;
  /** PUBLIC_ORIGIN: the address people type when the server listens beyond loopback (Host and Origin may name it too). */
  publicOrigin?: string;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Which page a path shows, or undefined when it is not a page route. */
export function pageOf(segments: string[]): PageName | undefined {
  const [first, second, third, ...rest] = segments;
  if (segments.length === 1 && first === '') return 'builder';
  if (segments.length === 1 && first === 'signin') return 'signin';
  if (first === 'embed' && segments.length === 2 && second === '') return 'embed';
  // The data team's Responses page and a practitioner's "My assessments": one page (issue 20 point 5).
  if ((first === 'responses' || first === 'my-assessments') && segments.length === 2 && second === '') return 'responses';
  if (first !== 'forms' || rest.length) return undefined;
  if (second === '' && third === undefined) return 'forms';
  // Client-side routes: /forms/<id>/ and /forms/<id>/<version> get the same HTML.
  if (second !== undefined && validId(second) && (third === undefined || third === '' || validVersion(third))) return 'forms';
  return undefined;
}

function kindOf(page: PageName | undefined): PageKind {
  return page === 'builder' || page === 'forms' || page === 'embed' ? page : 'other';
}

export function createHandler(ctx: AppContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    route(ctx, req, res).catch((e: unknown) => {
      if (e instanceof RecordDamagedError) {
        if (!res.headersSent) sendError(res, 409, { error: e.message, reason: 'record-damaged', problems: e.problems });
        return;
      }
      if (e instanceof PublishLockTimeoutError) {
        if (!res.headersSent) sendError(res, 503, { error: 'Another publish (from the command line?) is still recording its hash; try again in a moment.', reason: 'publish-locked' });
        return;
      }
      if (e instanceof OutsideRootError) {
        if (!res.headersSent) sendError(res, 403, { error: 'That path leads outside the definitions folder.', reason: 'path' });
        return;
      }
      // The message may name a path on this machine; the log keeps it, the response does not.
      console.error('request failed:', e);
      if (!res.headersSent) sendError(res, 500, { error: 'The server could not complete the request.', reason: 'internal' });
      else res.destroy();
    });
  };
}

async function route(ctx: AppContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const segments = pathSegments(req.url ?? '/');
  const page = segments ? pageOf(segments) : undefined;
  setSecurityHeaders(res, kindOf(page), ctx.csp);
  if (!hostAllowed(req, ctx.port(), ctx.publicOrigin)) return sendError(res, 403, { error: 'Unknown Host: use 127.0.0.1 or localhost.', reason: 'host' });
  if (isWrite(req.method) && !writeOriginAllowed(req, ctx.port(), ctx.publicOrigin)) {
    return sendError(res, 403, { error: 'Writes are accepted only from this server’s own pages.', reason: 'origin' });
  }
  if (!segments) return sendError(res, 400, { error: 'Malformed path.', reason: 'path' });
  // The route table's verdict (access.ts): who may, with which role, and a write's CSRF token.
  if (!(await admit(ctx, req, res, segments))) return;
  const method = req.method ?? 'GET';
  const [first, ...rest] = segments;
  if (method === 'OPTIONS') return answerPreflight(req, res, segments, ctx.csp.embedOrigins);
  if (isCrossOriginRead(segments) && (method === 'GET' || method === 'HEAD')) await crossOriginRead(ctx, req, res, segments);

  if (first === 'api') return handleApi(ctx, req, res, rest);
  if (method !== 'GET' && method !== 'HEAD') return sendError(res, 405, { error: 'Method not allowed.', reason: 'method' }, { Allow: 'GET, HEAD' });
  if (first === 'validators') return validatorRoute(ctx, res, rest, method === 'HEAD');
  if (page) return servePage(ctx, res, page, method === 'HEAD');
  if ((first === 'forms' || first === 'embed' || first === 'responses' || first === 'my-assessments') && segments.length === 1) {
    res.writeHead(301, { Location: `/${first}/` });
    return void res.end();
  }
  return serveStatic(ctx, res, segments, method === 'HEAD');
}

/** CORS headers for a listed origin's read of a published version (cors.ts); never for a draft. */
async function crossOriginRead(ctx: AppContext, req: IncomingMessage, res: ServerResponse, segments: string[]): Promise<void> {
  res.setHeader('Vary', 'Origin');
  if (!listedOrigin(req, ctx.csp.embedOrigins)) return;
  const [id, file] = segments[0] === 'api' ? [segments[2]!, segments[3]!] : [segments[1]!, segments[2]!.slice(0, -3)];
  if ((await ctx.store.trustedPublished(id, file)).ok) allowCrossOriginRead(req, res, ctx.csp.embedOrigins);
}

async function servePage(ctx: AppContext, res: ServerResponse, page: PageName, headOnly: boolean): Promise<void> {
  const html = await readRegular(ctx.appDir, PAGES[page]);
  if (!html) {
    return sendBody(res, 503, `<!doctype html><title>Not built</title><p>This page is not built yet: run npm run build.</p>\n`, 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' }, headOnly);
  }
  sendBody(res, 200, html, 'text/html; charset=utf-8', { 'Cache-Control': 'no-cache' }, headOnly);
}

async function serveStatic(ctx: AppContext, res: ServerResponse, segments: string[], headOnly: boolean): Promise<void> {
  const rel = segments.join('/');
  const type = MIME[extname(rel).toLowerCase()];
  const bytes = rel && type ? await readRegular(ctx.appDir, ...segments) : undefined;
  if (!bytes || !type) return sendError(res, 404, { error: 'Not found.', reason: 'not-found' });
  // Vite names files under assets/ by their content hash, so they never change under one name.
  const cache = segments[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
  sendBody(res, 200, bytes, type, { 'Cache-Control': cache }, headOnly);
}

/** `/validators/<id>/<version>.js` (published, hash-checked) and `/validators/drafts/<sha256>.js`. */
async function validatorRoute(ctx: AppContext, res: ServerResponse, segments: string[], headOnly: boolean): Promise<void> {
  const [a, b, ...rest] = segments;
  const file = b?.endsWith('.js') ? b.slice(0, -3) : undefined;
  if (rest.length || a === undefined || file === undefined) return sendError(res, 404, { error: 'Not found.', reason: 'not-found' });
  if (a === 'drafts') {
    const code = /^[0-9a-f]{64}$/.test(file) ? ctx.validators.cached(file) : undefined;
    if (code === undefined) return sendError(res, 404, { error: 'No compiled draft validator with that hash; POST /api/validators first.', reason: 'not-found' });
    return sendModule(res, code, headOnly);
  }
  if (!validId(a) || !validVersion(file)) return sendError(res, 400, { error: 'The id must be kebab-case and the version a semantic version.', reason: 'path' });
  if (!ctx.validators.available) return sendError(res, 501, { error: 'Ahead-of-time validators are not available in this build.', reason: 'unavailable' });
  const trusted = await ctx.store.trustedPublished(a, file);
  if (!trusted.ok) {
    const status = trusted.reason === 'not-found' ? 404 : 409;
    const { ok: _ok, ...body } = trusted;
    return sendError(res, status, body);
  }
  const { code } = await ctx.validators.moduleFor(trusted.definition, trusted.sha256);
  sendModule(res, code, headOnly);
}
