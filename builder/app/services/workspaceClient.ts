import { csrfHeaders, type Problem } from '../../../runtime/core/index';

/** The only code in the app that talks to builder/server (STYLE.md). Failures are values. */
export interface VersionSummary {
  version: string;
  status: 'draft' | 'published' | 'retired' | 'invalid';
  sha256?: string;
}

export interface FormSummary {
  id: string;
  title: string;
  versions: VersionSummary[];
  retired?: { retiredAt: string };
}

export interface Refusal {
  ok: false;
  status: number;
  reason: string;
  error: string;
  problems?: Problem[];
  /** The file as it is on disk now (a conflict), so the builder can show the difference. */
  current?: string;
  etag?: string;
}

export type Answer<T> = ({ ok: true } & T) | Refusal;

/** Every write carries the session's CSRF token (issue 20; none in single-user local mode). */
const token = (): Record<string, string> => csrfHeaders(document.cookie);

const formPath = (id: string, version: string) => `/api/forms/${encodeURIComponent(id)}/${encodeURIComponent(version)}`;

async function refusal(res: Response): Promise<Refusal> {
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    /* not JSON: the status says enough */
  }
  return {
    ok: false,
    status: res.status,
    reason: typeof body.reason === 'string' ? body.reason : String(res.status),
    error: typeof body.error === 'string' ? body.error : `The server answered ${res.status}.`,
    ...(Array.isArray(body.problems) ? { problems: body.problems as Problem[] } : {}),
    ...(typeof body.current === 'string' ? { current: body.current } : {}),
    ...(typeof body.etag === 'string' ? { etag: body.etag } : res.headers.get('ETag') ? { etag: res.headers.get('ETag')! } : {}),
  };
}

async function attempt<T>(run: () => Promise<Answer<T>>): Promise<Answer<T>> {
  try {
    return await run();
  } catch (e) {
    return { ok: false, status: 0, reason: 'network', error: `The local server could not be reached (${e instanceof Error ? e.message : String(e)}).` };
  }
}

export function listForms(): Promise<Answer<{ forms: FormSummary[] }>> {
  return attempt(async () => {
    const res = await fetch('/api/forms', { headers: { Accept: 'application/json' } });
    if (!res.ok) return refusal(res);
    return { ok: true, forms: (await res.json()) as FormSummary[] };
  });
}

export function readForm(id: string, version: string): Promise<Answer<{ text: string; etag: string }>> {
  return attempt(async () => {
    const res = await fetch(formPath(id, version), { cache: 'no-store' });
    if (!res.ok) return refusal(res);
    return { ok: true, text: await res.text(), etag: res.headers.get('ETag') ?? '' };
  });
}

/** Saves over the copy last read (`etag`), or creates the file when `etag` is null. */
export function saveForm(id: string, version: string, text: string, etag: string | null): Promise<Answer<{ etag: string }>> {
  return attempt(async () => {
    const res = await fetch(formPath(id, version), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...token(), ...(etag === null ? { 'If-None-Match': '*' } : { 'If-Match': etag }) },
      body: text,
    });
    if (!res.ok) return refusal(res);
    const body = (await res.json()) as { etag?: string };
    return { ok: true, etag: body.etag ?? res.headers.get('ETag') ?? '' };
  });
}

export function publishForm(id: string, version: string, etag: string | null): Promise<Answer<{ sha256: string; etag: string }>> {
  return attempt(async () => {
    const res = await fetch(`${formPath(id, version)}/publish`, { method: 'POST', headers: { ...token(), ...(etag ? { 'If-Match': etag } : {}) } });
    if (!res.ok) return refusal(res);
    const body = (await res.json()) as { sha256: string; etag: string };
    return { ok: true, sha256: body.sha256, etag: body.etag ?? res.headers.get('ETag') ?? '' };
  });
}

/** Retires a whole form (`on`), or brings it back; no file of it changes. */
export function setRetired(id: string, on: boolean): Promise<Answer<object>> {
  return attempt(async () => {
    const res = await fetch(`/api/forms/${encodeURIComponent(id)}/retirement`, { method: on ? 'PUT' : 'DELETE', headers: token() });
    return res.ok ? { ok: true } : refusal(res);
  });
}

/** Removes a draft read at `etag` (issue 17); published versions are refused by the server. */
export function discardDraft(id: string, version: string, etag: string | null): Promise<Answer<object>> {
  return attempt(async () => {
    const res = await fetch(formPath(id, version), { method: 'DELETE', headers: { ...token(), ...(etag ? { 'If-Match': etag } : {}) } });
    return res.ok ? { ok: true } : refusal(res);
  });
}

/** Saves the draft `text` as version `to` and removes `version` (read at `etag`) in one request. */
export function renumberDraft(id: string, version: string, to: string, text: string, etag: string | null): Promise<Answer<{ etag: string }>> {
  return attempt(async () => {
    const res = await fetch(`${formPath(id, version)}/renumber`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...token(), ...(etag ? { 'If-Match': etag } : {}) },
      body: JSON.stringify({ to, text }),
    });
    if (!res.ok) return refusal(res);
    const body = (await res.json()) as { etag?: string };
    return { ok: true, etag: body.etag ?? '' };
  });
}

/** Asks the server to compile the draft's validator ahead of time; the answer is a same-origin module URL. */
export function draftValidatorUrl(text: string): Promise<Answer<{ url: string; sha256: string }>> {
  return attempt(async () => {
    const res = await fetch('/api/validators', { method: 'POST', headers: { 'Content-Type': 'application/json', ...token() }, body: text });
    if (!res.ok) return refusal(res);
    const body = (await res.json()) as { url: string; sha256: string };
    return { ok: true, url: body.url, sha256: body.sha256 };
  });
}
