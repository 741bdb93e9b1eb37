import { httpCall, type Reply } from '../http';

export type { Reply };

/** A call of the response-route suites: a body given as a value is sent as JSON. */
export function call(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return httpCall(port, method, path, { ...(text !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers }, text);
}

/** The problems of a reply as code and pointer: what tests assert (never the wording). */
export const codes = (reply: Reply) => (reply.json().problems as Array<{ code: string; path: string }>).map((p) => ({ code: p.code, path: p.path }));
