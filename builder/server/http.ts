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

/**
 * Writes chunks as the client takes them (waiting for `drain`), then ends the response; its
 * headers must already be sent. A client that goes away stops the reading (the source's pages
 * are closed); a failure half-way cuts the connection, so the client sees an incomplete download
 * rather than a file that looks whole.
 */
export async function streamTo(res: ServerResponse, chunks: AsyncIterable<string>): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await drainedOrClosed(res);
    }
    res.end();
  } catch (e) {
    res.destroy(e instanceof Error ? e : new Error(String(e)));
  }
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
