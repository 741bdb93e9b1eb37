import { csrfHeaders, type LabelledAnswer, type Problem } from '../../../core/index';

/**
 * The Responses page's one door to the server (issue 20 point 5): every call goes through
 * `send`, so what sign-in adds to a request (a CSRF header) is added in one place.
 */

export interface ResponseSummary {
  responseId: string;
  form: { id: string; version: string };
  status: 'completed' | 'in-progress';
  version: number;
  updatedAt: string;
  author: string | null;
}

export interface ResponseView {
  responseId: string;
  title: string;
  form: { id: string; version: string };
  status: string;
  version: number;
  versions: number;
  updatedAt: string;
  answers: LabelledAnswer[];
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  version: number | null;
  reason: string | null;
  patch: Array<{ op: string; path: string; value?: unknown; label?: string }> | null;
}

export interface FormSummary {
  id: string;
  title: string;
  versions: Array<{ version: string; status: string }>;
}

export interface Filter {
  form: string;
  version: string;
  status: string;
  from: string;
  to: string;
}

/** A refusal from the server, with its problems (codes and pointers), never thrown as a bug. */
export class RequestRefused extends Error {
  constructor(message: string, readonly problems: Problem[]) {
    super(message);
  }
}

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  // Every write carries the session's CSRF token (none in single-user local mode).
  const csrf = init.method && init.method !== 'GET' ? csrfHeaders(document.cookie) : {};
  const res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}), ...csrf, ...init.headers }, credentials: 'same-origin' });
  if (res.ok) return res;
  const body = (await res.json().catch(() => ({}))) as { error?: string; problems?: Problem[] };
  throw new RequestRefused(body.error ?? `The server answered ${res.status}.`, body.problems ?? []);
}

const query = (params: Record<string, string>) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString();

export async function listForms(): Promise<FormSummary[]> {
  const list = (await (await send('/api/forms')).json()) as unknown;
  return Array.isArray(list) ? (list as FormSummary[]) : [];
}

export async function listResponses(filter: Filter): Promise<{ responses: ResponseSummary[]; truncated: boolean }> {
  return (await send(`/api/response-list?${query({ ...filter })}`)).json() as Promise<{ responses: ResponseSummary[]; truncated: boolean }>;
}

/** The caller's own drafts and submissions (the server decides whose). */
export async function listMine(): Promise<{ responses: ResponseSummary[]; truncated: boolean }> {
  return (await send('/api/my-responses')).json() as Promise<{ responses: ResponseSummary[]; truncated: boolean }>;
}

export async function viewResponse(id: string, profile: string, version?: number): Promise<ResponseView> {
  return (await send(`/api/responses/${encodeURIComponent(id)}/view?${query({ profile, version: version ? String(version) : '' })}`)).json() as Promise<ResponseView>;
}

export async function responseHistory(id: string, profile: string): Promise<HistoryEntry[]> {
  return ((await (await send(`/api/responses/${encodeURIComponent(id)}/history?${query({ profile })}`)).json()) as { history: HistoryEntry[] }).history;
}

/** The export as a file: its name from the server's Content-Disposition. */
export async function exportResponses(filter: Filter, format: string, profile: string): Promise<{ blob: Blob; name: string }> {
  const res = await send('/api/response-exports', { method: 'POST', body: JSON.stringify({ ...filter, format, profile }) });
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
  return { blob: await res.blob(), name };
}

/** The stored response as it is now, every answer (the correction form starts from it). */
export async function storedResponse(id: string): Promise<{ response: { answers: Record<string, unknown>; form: { id: string; version: string } }; version: number }> {
  return (await send(`/api/responses/${encodeURIComponent(id)}`)).json() as Promise<{ response: { answers: Record<string, unknown>; form: { id: string; version: string } }; version: number }>;
}

/** A correction: the new answers and the reason, a new version (the server checks it as a submission). */
export async function correctResponse(id: string, answers: Record<string, unknown>, reason: string): Promise<{ version: number }> {
  return (await send(`/api/responses/${encodeURIComponent(id)}/corrections`, { method: 'POST', body: JSON.stringify({ answers, reason }) })).json() as Promise<{ version: number }>;
}
