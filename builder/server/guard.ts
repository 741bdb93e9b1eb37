import type { IncomingMessage } from 'node:http';

/**
 * The doors of the local server. A malicious web page in the same browser can reach 127.0.0.1:
 * by DNS rebinding (its own name resolving to us: caught by `Host`) or by a cross-site request
 * (caught by `Origin` and `Sec-Fetch-Site` on every write).
 */

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** `publicOrigin` (PUBLIC_ORIGIN): the one other name a server listening beyond loopback answers to. */
export function allowedHosts(port: number, publicOrigin?: string): Set<string> {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  return new Set(publicOrigin ? [...hosts, new URL(publicOrigin).host] : hosts);
}

export function allowedOrigins(port: number, publicOrigin?: string): Set<string> {
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
  return new Set(publicOrigin ? [...origins, publicOrigin] : origins);
}

export function hostAllowed(req: IncomingMessage, port: number, publicOrigin?: string): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(port, publicOrigin).has(host.toLowerCase());
}

/**
 * A write must come from one of our own pages, or from a tool that is not a browser (which sends
 * neither header). Browsers always send `Origin` on a cross-origin write, so absence is not a hole.
 */
export function writeOriginAllowed(req: IncomingMessage, port: number, publicOrigin?: string): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port, publicOrigin).has(origin.toLowerCase())) return false;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  return true;
}

export function isWrite(method: string | undefined): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

export class BodyTooLargeError extends Error {}

/**
 * Reads the body up to `limit` bytes. A declared length over the limit is refused before a byte is
 * read; a body that grows past it while streaming is cut off there. Definitions are read as bytes
 * and decoded by core's loader, so a bad byte is a problem with its offset, as on the command line.
 */
export function readBodyBytes(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLargeError(`request body over ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(new BodyTooLargeError(`request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!done) {
        done = true;
        reject(e);
      }
    });
  });
}

/**
 * The raw path split into segments, refusing anything a path trick needs: encoded slashes or
 * dots, backslashes, `.` and `..` segments, NUL. Ids and versions never need percent-encoding.
 */
export function pathSegments(rawUrl: string): string[] | undefined {
  const path = rawUrl.split('?', 1)[0]!.split('#', 1)[0]!;
  if (!path.startsWith('/') || /%|\\|\0/.test(path)) return undefined;
  const segments = path.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return undefined;
  return segments;
}
