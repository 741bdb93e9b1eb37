import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  checkSubmission, describeLocation, openResponseStore, parseSubmission, type ResponseStore, type StoreLocation, type StoreOutcome,
} from '../../runtime/node/index';
import type { Problem } from '../../runtime/core/index';
import { sendError, sendJson } from './http';
import { actorName, hasRole } from './requireRole';
import type { FormStore } from './store';

/**
 * The response store behind the server (issue 20): opened on first use, so a server whose pages
 * never submit (the builder, the browser tests) never starts a database, and a retry after a
 * failed open tries again.
 */
export class ResponsesDoor {
  private opening: Promise<ResponseStore> | undefined;

  constructor(
    readonly location: StoreLocation,
    private readonly env: NodeJS.ProcessEnv,
    /** RESPONSES_STORE=off: no store; the practitioner page then only offers the download. */
    readonly enabled = env.RESPONSES_STORE !== 'off',
  ) {}

  store(): Promise<ResponseStore> {
    this.opening ??= openResponseStore(this.location, { env: this.env, warn: (line) => console.warn(`Responses: ${line}`) }).then(
      (store) => {
        console.log(`Responses: stored in ${describeLocation(this.location)}`);
        return store;
      },
      (e: unknown) => {
        this.opening = undefined;
        throw e;
      },
    );
    return this.opening;
  }

  async close(): Promise<void> {
    const opened = this.opening;
    this.opening = undefined;
    if (opened) await (await opened.catch(() => undefined))?.close();
  }
}

/**
 * Who is acting: the signed-in account's name (issue 20 point 4), or "local" in single-user
 * local mode; from the request's session (requireRole.ts) and nowhere else.
 */
export function actorOf(req: IncomingMessage): { actor: string } {
  return { actor: actorName(req) };
}

/** HTTP status of each refusal of the response store. */
export const outcomeStatus: Record<Exclude<StoreOutcome<unknown>, { ok: true }>['reason'], number> = {
  'not-found': 404,
  conflict: 409,
  'reason-required': 422,
  unchanged: 409,
  invalid: 422,
};

export interface ResponsesContext {
  store: FormStore;
  responses: ResponsesDoor;
}

/** `POST /api/responses` (body already read and decoded by the caller). */
export async function submitResponse(ctx: ResponsesContext, req: IncomingMessage, res: ServerResponse, text: string): Promise<void> {
  const parsed = parseSubmission(text);
  if (!parsed.ok) return refused(res, parsed.problems);
  const { form } = parsed.response;
  const trusted = await ctx.store.trustedPublished(form.id, form.version);
  if (!trusted.ok) {
    const error = `${form.id} ${form.version} is not a published version with its recorded hash.`;
    return refused(res, [{ code: 'response-form-unpublished', severity: 'error', message: error, path: '/form', source: 'response' }]);
  }
  const checked = checkSubmission(parsed.response, trusted.definition, trusted.sha256);
  if (!checked.ok) return refused(res, checked.problems);
  const store = await ctx.responses.store();
  const stored = await store.submit(checked.response, trusted.definition, actorOf(req));
  if (!stored.ok) return sendError(res, outcomeStatus[stored.reason], { error: stored.error, reason: stored.reason, problems: stored.problems });
  const { ok: _ok, ...body } = stored;
  sendJson(res, stored.created ? 201 : 200, body, { Location: `/api/responses/${encodeURIComponent(checked.response.responseId)}` });
}

function refused(res: ServerResponse, problems: Problem[]): void {
  sendError(res, 422, { error: 'The response is refused.', reason: 'invalid', problems });
}

/** `GET /api/responses/<id>` (`?version=n` for an earlier one). */
/**
 * A practitioner reads the responses they made; the data team any. Another's is "not found", so an
 * id says nothing about whether it exists. Every route that reads one response asks here first.
 */
export async function mayRead(ctx: ResponsesContext, req: IncomingMessage, id: string): Promise<boolean> {
  const history = await (await ctx.responses.store()).history(id);
  return history.length > 0 && (hasRole(req, 'data-team') || history[0]!.actor === actorName(req));
}

export async function readResponse(ctx: ResponsesContext, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const store = await ctx.responses.store();
  if (!(await mayRead(ctx, req, id))) return notFound(res, id);
  const wanted = new URL(req.url ?? '/', 'http://local').searchParams.get('version');
  if (wanted !== null && !/^[1-9]\d{0,8}$/.test(wanted)) return sendError(res, 400, { error: 'version must be a whole number from 1.', reason: 'path' });
  const found = await store.get(id, wanted === null ? undefined : Number(wanted));
  if (!found) return notFound(res, id);
  sendJson(res, 200, found);
}

export function notFound(res: ServerResponse, id: string): void {
  const error = `No stored response ${id}.`;
  sendError(res, 404, { error, reason: 'not-found', problems: [{ code: 'response-not-found', severity: 'error', message: error, path: '/responseId', source: 'response' }] });
}

/** A response id is opaque text, but in a path it must be one plain segment. */
export function validResponseId(id: string): boolean {
  return /^[A-Za-z0-9._~-]{1,200}$/.test(id);
}
