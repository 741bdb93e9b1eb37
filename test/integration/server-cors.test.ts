import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyForms, startServer, type RunningServer } from '../e2e/support/server';

/**
 * Issue 19, point 3: the server answers CORS only to the origins in EMBED_ORIGINS, only on the reads
 * a host on another origin needs (a published definition and its validator module), with preflight;
 * every other route, a draft and an unlisted origin get no CORS header at all.
 */

const HOST = 'https://host.example';
const OTHER = 'https://other.example';
let server: RunningServer;
let port: number;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

function call(method: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const formsDir = copyForms();
  // A draft beside the published versions: readable by the builder, never by another origin.
  const draft = JSON.parse(readFileSync(join(formsDir, 'routine-enquiry', '2.0.0.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(formsDir, 'routine-enquiry', '9.0.0.json'), JSON.stringify({ ...draft, version: '9.0.0', status: 'draft' }));
  server = await startServer({ formsDir, env: { EMBED_ORIGINS: HOST } });
  port = Number(new URL(server.url).port);
});
afterAll(() => server?.stop());

describe('cross-origin reads for hosts (EMBED_ORIGINS)', () => {
  it('a listed origin may read a published definition and its validator, with the ETag exposed', async () => {
    for (const path of ['/api/forms/routine-enquiry/2.0.0', '/validators/routine-enquiry/2.0.0.js']) {
      const reply = await call('GET', path, { Origin: HOST });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['access-control-allow-origin'], path).toBe(HOST);
      expect(reply.headers['access-control-expose-headers'], path).toBe('ETag');
      expect(reply.headers.vary, path).toContain('Origin');
    }
    const head = await call('HEAD', '/api/forms/routine-enquiry/2.0.0', { Origin: HOST });
    expect(head.headers['access-control-allow-origin']).toBe(HOST);
  });

  it('an unlisted origin, or no origin, gets no CORS header', async () => {
    for (const headers of [{ Origin: OTHER }, { Origin: 'null' }, { Origin: `${HOST}.evil` }, {}] as Record<string, string>[]) {
      const reply = await call('GET', '/api/forms/routine-enquiry/2.0.0', headers);
      expect(reply.status).toBe(200);
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('drafts, lists, problems and draft validators never answer another origin', async () => {
    for (const path of ['/api/forms/routine-enquiry/9.0.0', '/validators/routine-enquiry/9.0.0.js', '/api/forms', '/api/forms/routine-enquiry/2.0.0/problems', '/api/csp-report', '/forms/', '/embed/', '/validators/drafts/' + '0'.repeat(64) + '.js']) {
      const reply = await call('GET', path, { Origin: HOST });
      expect(reply.headers['access-control-allow-origin'], path).toBeUndefined();
    }
  });

  it('preflight: 204 with the allowed methods and headers for a listed origin on a read route', async () => {
    const reply = await call('OPTIONS', '/api/forms/routine-enquiry/2.0.0', { Origin: HOST, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe(HOST);
    expect(reply.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(String(reply.headers['access-control-allow-headers']).toLowerCase()).toContain('if-none-match');
  });

  it('preflight is refused without CORS headers for writes, other routes and unlisted origins', async () => {
    const refused: Array<[string, Record<string, string>]> = [
      ['/api/forms/routine-enquiry/2.0.0', { Origin: HOST, 'Access-Control-Request-Method': 'PUT' }],
      ['/api/forms/routine-enquiry/2.0.0/publish', { Origin: HOST, 'Access-Control-Request-Method': 'POST' }],
      ['/api/validators', { Origin: HOST, 'Access-Control-Request-Method': 'POST' }],
      ['/api/forms', { Origin: HOST, 'Access-Control-Request-Method': 'GET' }],
      ['/api/forms/routine-enquiry/2.0.0', { Origin: OTHER, 'Access-Control-Request-Method': 'GET' }],
    ];
    for (const [path, headers] of refused) {
      const reply = await call('OPTIONS', path, headers);
      expect(reply.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      expect(reply.headers['access-control-allow-origin'], path).toBeUndefined();
    }
  });

  it('a write from a listed origin is still refused, without CORS headers', async () => {
    const reply = await call('PUT', '/api/forms/routine-enquiry/9.0.0', { Origin: HOST, 'Content-Type': 'application/json', 'If-None-Match': '*' });
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });
});
