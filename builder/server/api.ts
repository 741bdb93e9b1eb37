import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadDefinition } from '../../runtime/core/index';
import type { AccountsDoor } from './accounts';
import { BodyTooLargeError, readBodyBytes } from './guard';
import { sendBody, sendError, sendJson } from './http';
import type { CspReports } from './reports';
import { changeResponse } from './response-changes';
import { exportResponses, listResponses, responseHistory, viewResponse } from './response-reading';
import { mayRead, notFound, readResponse, submitResponse, validResponseId, type ResponsesDoor } from './responses';
import { sessionRoute } from './sessionRoutes';
import { validId, validVersion, type FormStore, type Refusal } from './store';
import type { ValidatorModules } from './validators';

export interface ApiContext {
  store: FormStore;
  validators: ValidatorModules;
  reports: CspReports;
  maxBodyBytes: number;
  responses: ResponsesDoor;
  accounts: AccountsDoor;
}

/** HTTP status for each refusal of the store. */
const statusOf: Record<Refusal['reason'], number> = {
  'not-found': 404,
  conflict: 409,
  exists: 409,
  published: 409,
  'precondition-required': 428,
  invalid: 422,
  lint: 422,
  'hash-mismatch': 409,
};

function refused(res: ServerResponse, refusal: Refusal): void {
  const { ok: _ok, ...body } = refusal;
  sendError(res, statusOf[refusal.reason], body, refusal.etag ? { ETag: refusal.etag } : {});
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendError(res, 405, { error: `Method not allowed; use ${allow}.`, reason: 'method' }, { Allow: allow });
}

function jsonContent(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json';
}

/** Reads a JSON write's body, answering the error itself (415, 413, 400) and returning undefined. */
async function body(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, types: (t: string) => boolean = () => jsonContent(req)): Promise<string | undefined> {
  const bytes = await bodyBytes(ctx, req, res, types);
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    sendError(res, 400, { error: 'The request body is not UTF-8.', reason: 'encoding' });
    return undefined;
  }
}

/** A definition's body as bytes: core's loader decodes it, so every surface refuses a bad encoding the same way. */
async function bodyBytes(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, types: (t: string) => boolean = () => jsonContent(req)): Promise<Uint8Array | undefined> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!types(type)) {
    sendError(res, 415, { error: 'Send the body as application/json.', reason: 'media-type' });
    return undefined;
  }
  try {
    return await readBodyBytes(req, ctx.maxBodyBytes);
  } catch (e) {
    if (e instanceof BodyTooLargeError) {
      sendError(res, 413, { error: `The request is larger than ${ctx.maxBodyBytes} bytes.`, reason: 'too-large' }, { Connection: 'close' });
      req.resume();
      return undefined;
    }
    throw e;
  }
}

/** `/api/…` (segments after `api`). */
export async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, segments: string[]): Promise<void> {
  const method = req.method ?? 'GET';
  const [area, id, version, action, ...rest] = segments;

  if (area === 'forms' && id === undefined) {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET');
    return sendJson(res, 200, await ctx.store.list());
  }
  if (area === 'forms' && id !== undefined && version === 'retirement' && action === undefined) {
    if (!validId(id)) return sendError(res, 400, { error: 'The id must be kebab-case.', reason: 'path' });
    if (method !== 'PUT' && method !== 'DELETE') return methodNotAllowed(res, 'PUT, DELETE');
    const result = await ctx.store.setRetired(id, method === 'PUT', new Date().toISOString().slice(0, 10));
    if (!result.ok) return refused(res, result);
    return sendJson(res, 200, { id, retired: result.retired });
  }
  if (area === 'forms' && id !== undefined && version !== undefined && rest.length === 0) {
    if (!validId(id) || !validVersion(version)) {
      return sendError(res, 400, { error: 'The id must be kebab-case and the version a semantic version.', reason: 'path' });
    }
    if (action === undefined) return definitionRoute(ctx, req, res, id, version);
    if (action === 'publish') {
      if (method !== 'POST') return methodNotAllowed(res, 'POST');
      const result = await ctx.store.publish(id, version, { ifMatch: req.headers['if-match'] });
      if (!result.ok) return refused(res, result);
      return sendJson(res, 200, { id, version, status: 'published', sha256: result.sha256, etag: result.etag }, { ETag: result.etag });
    }
    if (action === 'renumber') {
      if (method !== 'POST') return methodNotAllowed(res, 'POST');
      return renumberRoute(ctx, req, res, id, version);
    }
    if (action === 'problems') {
      if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return methodNotAllowed(res, 'GET, POST');
      // POST lints unsaved text as if it were this file (nothing is written).
      const text = method === 'POST' ? await bodyBytes(ctx, req, res) : undefined;
      if (method === 'POST' && text === undefined) return;
      const result = await ctx.store.problems(id, version, text);
      if (!result.ok) return refused(res, result);
      return sendJson(res, 200, { problems: result.problems });
    }
  }
  if (area === 'validators' && id === undefined) {
    if (method !== 'POST') return methodNotAllowed(res, 'POST');
    return draftValidator(ctx, req, res);
  }
  if (area === 'csp-report' && id === undefined) return cspReportRoute(ctx, req, res, method);
  if (area === 'responses') return responsesRoute(ctx, req, res, segments.slice(1));
  if ((area === 'response-list' || area === 'my-responses' || area === 'response-exports') && id === undefined) return storeReadRoute(ctx, req, res, area);
  if (area === 'session' && id === undefined) {
    const text = method === 'POST' ? await body(ctx, req, res) : '';
    if (text === undefined) return;
    return sessionRoute(ctx.accounts, req, res, text);
  }
  return sendError(res, 404, { error: 'No such API route.', reason: 'not-found' });
}

/** `/api/responses` (POST a response) and `/api/responses/<id>[/history]` (GET). */
async function responsesRoute(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, segments: string[]): Promise<void> {
  const method = req.method ?? 'GET';
  const [id, action, ...rest] = segments;
  if (id === undefined || (id === '' && segments.length === 1)) {
    // The practitioner page asks whether to submit here (nothing is opened to answer).
    if (method === 'GET' || method === 'HEAD') return sendJson(res, 200, { store: ctx.responses.enabled });
    if (method !== 'POST') return methodNotAllowed(res, 'GET, POST');
    if (!ctx.responses.enabled) return sendError(res, 501, { error: 'This server keeps no responses (RESPONSES_STORE=off).', reason: 'unavailable' });
    const text = await body(ctx, req, res);
    if (text === undefined) return;
    return submitResponse(ctx, req, res, text);
  }
  if (rest.length || (action !== undefined && !RESPONSE_ACTIONS.has(action))) return sendError(res, 404, { error: 'No such API route.', reason: 'not-found' });
  if (!validResponseId(id)) return sendError(res, 400, { error: 'A response id in a path is letters, digits, ".", "_", "~" or "-".', reason: 'path' });
  const writes = action === 'corrections' || action === 'status';
  if (writes ? method !== 'POST' : method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, writes ? 'POST' : 'GET');
  if (!ctx.responses.enabled) return sendError(res, 404, { error: 'This server keeps no responses.', reason: 'not-found' });
  // The role each needs is in access.ts (the gate has checked it); reading one response also needs it to be the caller's own, or the data team.
  if (action === undefined) return readResponse(ctx, req, res, id);
  if ((action === 'history' || action === 'view') && !(await mayRead(ctx, req, id))) return notFound(res, id);
  if (action === 'history') return responseHistory(ctx, req, res, id, () => notFound(res, id));
  if (action === 'view') return viewResponse(ctx, req, res, id, () => notFound(res, id));
  const text = await body(ctx, req, res);
  if (text === undefined) return;
  return changeResponse(ctx, req, res, id, action as 'corrections' | 'status', text); // data team
}

const RESPONSE_ACTIONS = new Set(['history', 'view', 'corrections', 'status']);

/** `GET /api/response-list`, `GET /api/my-responses` (the caller's own), `POST /api/response-exports` (`GET`: the exports recorded). */
async function storeReadRoute(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, area: 'response-list' | 'my-responses' | 'response-exports'): Promise<void> {
  const method = req.method ?? 'GET';
  const reading = method === 'GET' || method === 'HEAD';
  if (!reading && !(area === 'response-exports' && method === 'POST')) return methodNotAllowed(res, area === 'response-exports' ? 'GET, POST' : 'GET');
  if (!ctx.responses.enabled) return sendError(res, 404, { error: 'This server keeps no responses.', reason: 'not-found' });
  if (area === 'response-list') return listResponses(ctx, req, res, false); // data team
  if (area === 'my-responses') return listResponses(ctx, req, res, true); // practitioner
  if (reading) return sendJson(res, 200, { exports: await (await ctx.responses.store()).auditOf('export') }); // data team
  const text = await body(ctx, req, res);
  if (text === undefined) return;
  return exportResponses(ctx, req, res, text); // data team
}

async function definitionRoute(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, id: string, version: string): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') {
    const found = await ctx.store.read(id, version);
    if (!found) return sendError(res, 404, { error: `No definition ${id} ${version}.`, reason: 'not-found' });
    const headers = { ETag: found.etag, 'Cache-Control': 'no-cache' };
    if (req.headers['if-none-match'] === found.etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    return sendBody(res, 200, found.text, 'application/json; charset=utf-8', headers, method === 'HEAD');
  }
  if (method === 'PUT') {
    const text = await bodyBytes(ctx, req, res);
    if (text === undefined) return;
    const result = await ctx.store.save(id, version, text, {
      ifMatch: req.headers['if-match'],
      ifNoneMatch: req.headers['if-none-match'],
    });
    if (!result.ok) return refused(res, result);
    return sendJson(res, result.created ? 201 : 200, { id, version, etag: result.etag }, { ETag: result.etag });
  }
  if (method === 'DELETE') {
    const result = await ctx.store.discardDraft(id, version, { ifMatch: req.headers['if-match'] });
    if (!result.ok) return refused(res, result);
    res.writeHead(204);
    return void res.end();
  }
  return methodNotAllowed(res, 'GET, HEAD, PUT, DELETE');
}

/** `POST …/<version>/renumber` with `{ "to": "<version>", "text": "<the draft as it is now>" }`. */
async function renumberRoute(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, id: string, version: string): Promise<void> {
  const raw = await body(ctx, req, res);
  if (raw === undefined) return;
  let to: unknown;
  let text: unknown;
  try {
    ({ to, text } = JSON.parse(raw) as { to?: unknown; text?: unknown });
  } catch {
    return sendError(res, 400, { error: 'Send { "to": "<version>", "text": "<definition>" } as JSON.', reason: 'invalid' });
  }
  if (typeof to !== 'string' || !validVersion(to) || typeof text !== 'string') return sendError(res, 400, { error: 'Send { "to": "<version>", "text": "<definition>" } as JSON.', reason: 'invalid' });
  const result = await ctx.store.renumber(id, version, to, text, { ifMatch: req.headers['if-match'] });
  if (!result.ok) return refused(res, result);
  return sendJson(res, 200, { id, version: to, etag: result.etag }, { ETag: result.etag });
}

/** The builder's preview posts a draft and gets a URL of its compiled validator, loaded as a same-origin module. */
async function draftValidator(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!ctx.validators.available) return sendError(res, 501, { error: 'Ahead-of-time validators are not available in this build.', reason: 'unavailable' });
  const bytes = await bodyBytes(ctx, req, res);
  if (bytes === undefined) return;
  const loaded = loadDefinition(bytes);
  if (!loaded.ok) return sendError(res, 422, { error: 'The definition does not load.', reason: 'invalid', problems: loaded.problems });
  try {
    const { hash } = await ctx.validators.moduleFor(loaded.value);
    return sendJson(res, 200, { sha256: hash, url: `/validators/drafts/${hash}.js` });
  } catch (e) {
    return sendError(res, 422, { error: `The validator could not be compiled: ${(e as Error).message}`, reason: 'unsupported' });
  }
}

async function cspReportRoute(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
  if (method === 'GET') return sendJson(res, 200, ctx.reports.list());
  if (method === 'DELETE') {
    ctx.reports.clear();
    res.writeHead(204);
    return void res.end();
  }
  if (method !== 'POST') return methodNotAllowed(res, 'GET, POST, DELETE');
  const text = await body(ctx, req, res, (t) => /^application\/(csp-report|reports\+json|json)\b/.test(t));
  if (text === undefined) return;
  ctx.reports.add((req.headers['content-type'] ?? '').toLowerCase(), text);
  res.writeHead(204);
  res.end();
}

export function sendModule(res: ServerResponse, code: string, headOnly: boolean): void {
  sendBody(res, 200, code, 'text/javascript; charset=utf-8', { 'Cache-Control': 'no-cache' }, headOnly);
}
