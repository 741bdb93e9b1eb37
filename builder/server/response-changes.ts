import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkSubmission } from '../../runtime/node/index';
import { limits, parseJsonText, type Problem, type ResponseStatus } from '../../runtime/core/index';
import { sendError, sendJson } from './http';
import { actorOf, outcomeStatus, type ResponsesContext } from './responses';

/**
 * Point 3 of issue 20 over HTTP: a correction (`POST /api/responses/<id>/corrections`, new
 * answers) and a status change (`POST …/<id>/status`), each a new version with an audit row,
 * never a rewrite. The changed response is checked with the published version's validator
 * exactly as a submission is (`checkSubmission`), inside the store's transaction.
 */

interface ChangeBody {
  answers?: Record<string, unknown>;
  status?: ResponseStatus;
  reason?: string;
}

const MAX_REASON = 2000;

function problem(code: string, path: string, message: string): Problem {
  return { code, severity: 'error', message, path, source: 'response' };
}

/** The body through core's one JSON reader (limits, duplicate and forbidden keys), then its shape. */
function readBody(text: string, wants: 'answers' | 'status'): { ok: true; body: ChangeBody } | { ok: false; problems: Problem[] } {
  const parsed = parseJsonText(text, limits.responseBytes);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const raw = parsed.value.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [problem('response-invalid', '', 'Send a JSON object.')] };
  const { answers, status, reason } = raw as Record<string, unknown>;
  const problems: Problem[] = [];
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > MAX_REASON)) problems.push(problem('response-invalid', '/reason', `The reason is text of at most ${MAX_REASON} characters.`));
  if (wants === 'answers' && (answers === null || typeof answers !== 'object' || Array.isArray(answers))) problems.push(problem('response-invalid', '/answers', 'The answers are an object.'));
  if (wants === 'status' && status !== 'completed' && status !== 'in-progress') problems.push(problem('response-invalid', '/status', 'The status is completed or in-progress.'));
  if (problems.length) return { ok: false, problems };
  return { ok: true, body: { answers: answers as Record<string, unknown>, status: status as ResponseStatus, ...(typeof reason === 'string' ? { reason } : {}) } };
}

/** `POST /api/responses/<id>/corrections` `{ answers, reason }` and `POST …/<id>/status` `{ status, reason }`. */
export async function changeResponse(ctx: ResponsesContext, req: IncomingMessage, res: ServerResponse, id: string, kind: 'corrections' | 'status', text: string): Promise<void> {
  const read = readBody(text, kind === 'corrections' ? 'answers' : 'status');
  if (!read.ok) return sendError(res, 422, { error: 'The change is refused.', reason: 'invalid', problems: read.problems });
  const store = await ctx.responses.store();
  const current = await store.get(id);
  if (!current) {
    const error = `No stored response ${id}.`;
    return sendError(res, 404, { error, reason: 'not-found', problems: [problem('response-not-found', '/responseId', error)] });
  }
  const { form } = current.response;
  const trusted = await ctx.store.trustedPublished(form.id, form.version);
  if (!trusted.ok) {
    const error = `${form.id} ${form.version} is not a published version with its recorded hash.`;
    return sendError(res, 409, { error, reason: 'invalid', problems: [problem('response-form-unpublished', '/form', error)] });
  }
  const check = (changed: Parameters<typeof checkSubmission>[0]) => {
    const checked = checkSubmission(changed, trusted.definition, trusted.sha256);
    return checked.ok ? [] : checked.problems;
  };
  const who = { ...actorOf(req), ...(read.body.reason !== undefined ? { reason: read.body.reason } : {}), check };
  const changed = kind === 'corrections'
    ? await store.correct(id, read.body.answers!, trusted.definition, who)
    : await store.setStatus(id, read.body.status!, trusted.definition, who);
  if (!changed.ok) return sendError(res, outcomeStatus[changed.reason], { error: changed.error, reason: changed.reason, problems: changed.problems });
  const { ok: _ok, ...body } = changed;
  sendJson(res, 200, body);
}
