import type { ServerResponse } from 'node:http';
import type { Problem } from '../../runtime/core/index';

/** Every error the API sends has this shape, so the builder reads one kind of failure. */
export interface ApiError {
  error: string;
  reason?: string;
  problems?: Problem[];
  current?: string;
  etag?: string;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: ApiError | string, headers: Record<string, string> = {}): void {
  sendJson(res, status, typeof error === 'string' ? { error } : error, headers);
}

export function sendBody(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {},
  headOnly = false,
): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(headOnly ? undefined : body);
}
