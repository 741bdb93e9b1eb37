import type { IncomingMessage, ServerResponse } from 'node:http';
import { validId, validVersion } from './store';

/**
 * Cross-origin reads, on purpose and no further. A host page on another origin (one listed in
 * EMBED_ORIGINS, the same list that may frame /embed/) loading `<assessment-form api-base>` needs
 * exactly two reads: a published definition (`GET /api/forms/<id>/<version>`) and its validator
 * module (`GET /validators/<id>/<version>.js`, imported as a module, so fetched in CORS mode).
 * Only those answer with CORS headers, only to a listed origin, and only once the version is known
 * to be published (drafts, lists, problems, draft validators and every write never do).
 */

const ALLOW_METHODS = 'GET, HEAD';
// If-None-Match lets a host revalidate with the ETag (not a CORS-safelisted header, so it preflights).
const ALLOW_HEADERS = 'Accept, If-None-Match';
const MAX_AGE_SECONDS = '600';

/** `forms/<id>/<version>` under /api, or `validators/<id>/<version>.js`: the published reads a host may make. */
export function isCrossOriginRead(segments: readonly string[]): boolean {
  const [first, a, b, c, ...rest] = segments;
  if (rest.length) return false;
  if (first === 'api') return a === 'forms' && b !== undefined && c !== undefined && validId(b) && validVersion(c);
  if (first === 'validators') return c === undefined && a !== undefined && b !== undefined && validId(a) && b.endsWith('.js') && validVersion(b.slice(0, -3));
  return false;
}

/** The request's Origin when it is one of `allowed` (exact match; never `null`). */
export function listedOrigin(req: IncomingMessage, allowed: readonly string[]): string | undefined {
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin !== 'null' && allowed.includes(origin) ? origin : undefined;
}

/** Lets a listed origin read this (published) response. Callers decide that it is published. */
export function allowCrossOriginRead(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): void {
  const origin = listedOrigin(req, allowed);
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', 'ETag');
}

/**
 * A preflight (`OPTIONS`): 204 with the CORS headers for a listed origin on a read route; anything
 * else 403 without them, so the browser refuses the request it asked about.
 */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, segments: readonly string[], allowed: readonly string[]): void {
  res.setHeader('Vary', 'Origin');
  const origin = listedOrigin(req, allowed);
  const method = String(req.headers['access-control-request-method'] ?? '');
  if (!origin || !isCrossOriginRead(segments) || !ALLOW_METHODS.split(', ').includes(method)) {
    res.writeHead(403, { 'Content-Length': 0 });
    return void res.end();
  }
  res.writeHead(204, {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': ALLOW_METHODS,
    'Access-Control-Allow-Headers': ALLOW_HEADERS,
    'Access-Control-Max-Age': MAX_AGE_SECONDS,
  });
  res.end();
}
