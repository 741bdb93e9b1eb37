import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDay, type ResponseFilter } from '../../runtime/node/index';
import {
  checkResponseAgainst, contentHash, exporters, streamChunks, exportProfiles, historyUnderProfile, isExportProfile, labelledAnswers, limits, parseJsonText,
  type Definition, type ExportFormat, type ExportProfileName, type Problem, type ResponseEnvelope,
} from '../../runtime/core/index';
import { sendError, sendJson, streamTo } from './http';
import { actorOf, type ResponsesContext } from './responses';
import { validId, validVersion } from './store';

/**
 * What the data team reads from the store (issue 20 point 5): a filtered list
 * (`GET /api/response-list`), one response as people read it, under an export profile
 * (`GET /api/responses/<id>/view`, and `…/history?profile=`), and the filtered set exported with a
 * profile (`POST /api/response-exports`), the export itself recorded in the audit.
 */

type Params = Record<string, unknown>;
type Read<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const queryProblem = (path: string, message: string): Problem => ({ code: 'response-query-invalid', severity: 'error', message, path, source: 'response' });

/** Only these formats leave the store over HTTP: the registry's, each one file. */
const FORMATS = ['csv', 'csv-groups', 'json', 'ndjson', 'fhir', 'codebook'] as const satisfies readonly ExportFormat[];

/** The filter from query parameters or an export's body: each refused at `/<name>`, nothing guessed. */
export function readFilter(params: Params): Read<ResponseFilter> {
  const problems: Problem[] = [];
  const filter: ResponseFilter = {};
  const text = (name: string, ok: (v: string) => boolean, hint: string): string | undefined => {
    const v = params[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v === 'string' && ok(v)) return v;
    problems.push(queryProblem(`/${name}`, hint));
    return undefined;
  };
  const form = text('form', validId, 'The form is a kebab-case id.');
  const version = text('version', validVersion, 'The version is a semantic version.');
  const status = text('status', (v) => v === 'completed' || v === 'in-progress', 'The status is completed or in-progress.');
  const from = text('from', isDay, 'The first day is a date (YYYY-MM-DD).');
  const to = text('to', isDay, 'The last day is a date (YYYY-MM-DD).');
  if (version !== undefined && form === undefined) problems.push(queryProblem('/version', 'A version goes with a form.'));
  if (from !== undefined && to !== undefined && from > to) problems.push(queryProblem('/to', 'The last day is on or after the first.'));
  if (problems.length) return { ok: false, problems };
  if (form !== undefined) filter.formId = form;
  if (version !== undefined) filter.formVersion = version;
  if (status !== undefined) filter.status = status as ResponseFilter['status'];
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  return { ok: true, value: filter };
}

function badQuery(res: ServerResponse, problems: Problem[]): void {
  sendError(res, 400, { error: 'The request is refused.', reason: 'query', problems });
}

const queryOf = (req: IncomingMessage): Params => Object.fromEntries(new URL(req.url ?? '/', 'http://local').searchParams);

/** `GET /api/response-list?form&version&status&from&to`; with `mine`, the caller's own ("My assessments"). */
export async function listResponses(ctx: ResponsesContext, req: IncomingMessage, res: ServerResponse, mine: boolean): Promise<void> {
  const filter = readFilter(queryOf(req));
  if (!filter.ok) return badQuery(res, filter.problems);
  const store = await ctx.responses.store();
  sendJson(res, 200, await store.list(mine ? { ...filter.value, author: actorOf(req).actor } : filter.value));
}

function profileOf(params: Params, fallback: ExportProfileName | undefined): Read<ExportProfileName | undefined> {
  const p = params.profile;
  if (p === undefined || p === '') return { ok: true, value: fallback };
  if (typeof p === 'string' && isExportProfile(p)) return { ok: true, value: p };
  return { ok: false, problems: [queryProblem('/profile', `The profile is one of ${exportProfiles.join(', ')}.`)] };
}

/** The published definition a stored response was made against, or the error answered. */
async function definitionOf(ctx: ResponsesContext, res: ServerResponse, form: { id: string; version: string }): Promise<{ definition: Definition; sha256: string } | undefined> {
  const trusted = await ctx.store.trustedPublished(form.id, form.version);
  if (trusted.ok) return trusted;
  const error = `${form.id} ${form.version} is not a published version with its recorded hash.`;
  sendError(res, 409, { error, reason: 'invalid', problems: [{ code: 'response-form-unpublished', severity: 'error', message: error, path: '/form', source: 'response' }] });
  return undefined;
}

/** `GET /api/responses/<id>/view?version&profile` (profile `masked` unless asked): answers by question label. */
export async function viewResponse(ctx: ResponsesContext, req: IncomingMessage, res: ServerResponse, id: string, notFound: () => void): Promise<void> {
  const params = queryOf(req);
  const profile = profileOf(params, 'masked');
  if (!profile.ok) return badQuery(res, profile.problems);
  const wanted = params.version;
  if (wanted !== undefined && !/^[1-9]\d{0,8}$/.test(String(wanted))) return badQuery(res, [queryProblem('/version', 'The version is a whole number from 1.')]);
  const store = await ctx.responses.store();
  const found = await store.get(id, wanted === undefined ? undefined : Number(wanted));
  if (!found) return notFound();
  const form = await definitionOf(ctx, res, found.response.form);
  if (!form) return;
  const { response, version, versions } = found;
  sendJson(res, 200, {
    responseId: id, form: response.form, status: response.status, startedAt: response.startedAt, updatedAt: response.updatedAt,
    completedAt: response.completedAt ?? null, version, versions, profile: profile.value,
    title: form.definition.title, answers: labelledAnswers(form.definition, response, profile.value!),
  });
}

/** `GET /api/responses/<id>/history`: every audit row; with `?profile=`, each change after that profile, with labels. */
export async function responseHistory(ctx: ResponsesContext, req: IncomingMessage, res: ServerResponse, id: string, notFound: () => void): Promise<void> {
  const profile = profileOf(queryOf(req), undefined);
  if (!profile.ok) return badQuery(res, profile.problems);
  const store = await ctx.responses.store();
  const history = await store.history(id);
  const current = history.length ? await store.get(id) : undefined;
  if (!current) return notFound();
  if (profile.value === undefined) return sendJson(res, 200, { responseId: id, history });
  const form = await definitionOf(ctx, res, current.response.form);
  if (!form) return;
  const shown = history.map((e) => ({ ...e, patch: e.patch && historyUnderProfile(form.definition, e.patch, profile.value!) }));
  sendJson(res, 200, { responseId: id, profile: profile.value, history: shown });
}

/**
 * `POST /api/response-exports` `{ form, version, format, profile, status?, from?, to? }`: the file,
 * as an attachment. Stored responses made with other content of the version are left out (as the
 * command line's `--from-store` does) and counted in `X-Left-Out`. Recorded in the audit before
 * the first byte, with the count as it stood then: an export that reached nobody is still on the
 * record, never one missing from it. The file is streamed: the store is read a page at a time and
 * each page written as the client takes it, so memory stays flat for any number of responses.
 */
export async function exportResponses(ctx: ResponsesContext, req: IncomingMessage, res: ServerResponse, text: string): Promise<void> {
  const parsed = parseJsonText(text, limits.responseBytes);
  if (!parsed.ok) return badQuery(res, parsed.problems);
  const params = parsed.value.value;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return badQuery(res, [queryProblem('', 'Send a JSON object.')]);
  const body = params as Params;
  const filter = readFilter(body);
  const profile = profileOf(body, 'full');
  const format = body.format;
  const problems = [...(filter.ok ? [] : filter.problems), ...(profile.ok ? [] : profile.problems)];
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) problems.push(queryProblem('/format', `The format is one of ${FORMATS.join(', ')}.`));
  if (filter.ok && (filter.value.formId === undefined || filter.value.formVersion === undefined)) {
    problems.push(queryProblem(filter.value.formId === undefined ? '/form' : '/version', 'An export is of one form version: give form and version.'));
  }
  if (problems.length || !filter.ok || !profile.ok) return badQuery(res, problems);
  const { formId, formVersion } = filter.value as Required<Pick<ResponseFilter, 'formId' | 'formVersion'>>;
  const form = await definitionOf(ctx, res, { id: formId, version: formVersion });
  if (!form) return;
  const store = await ctx.responses.store();
  const hashes = [form.sha256, contentHash(form.definition)];
  const chosenFormat = format as (typeof FORMATS)[number];
  const counts = chosenFormat === 'codebook' ? { chosen: 0, leftOut: 0 } : await store.exportCounts(formId, formVersion, hashes, filter.value);
  const { formId: _f, formVersion: _v, ...rest } = filter.value;
  await store.recordExport(actorOf(req), {
    form: { id: formId, version: formVersion }, format: chosenFormat, profile: profile.value!, count: counts.chosen, destination: 'download', filter: rest,
  });
  const exporter = exporters[chosenFormat];
  const name = `${formId}-${formVersion}${exporter.suffix}`;
  res.writeHead(200, {
    'Content-Type': exporter.mediaType, 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store', 'X-Left-Out': String(counts.leftOut),
  });
  const responses = chosenFormat === 'codebook' ? none() : madeWith(form.definition, hashes, store.responses(formId, formVersion, 500, filter.value));
  await streamTo(res, streamChunks(exporter.writer(form.definition, { profile: profile.value! }), responses));
}

/** The stored responses made against this content of the version (the others are counted in X-Left-Out). */
async function* madeWith(definition: Definition, hashes: string[], stored: AsyncIterable<ResponseEnvelope>): AsyncGenerator<ResponseEnvelope> {
  for await (const r of stored) if (checkResponseAgainst(definition, r, { sha256: hashes }).length === 0) yield r;
}

async function* none(): AsyncGenerator<ResponseEnvelope> {}
