import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../e2e/support/server';

/**
 * The doors of the local server against a malicious local web page (DNS rebinding, cross-site
 * writes), path tricks and oversized requests; and the security headers on every response.
 */

const definition = (id: string) =>
  JSON.stringify({
    id,
    version: '1.0.0',
    status: 'draft',
    title: 'Guarded',
    source: { document: 'test' },
    schema: { type: 'object', properties: { a: { type: 'string', title: 'A', 'x-code': 'a_code' } } },
    uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/a' }] },
  });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

let server: RunningServer;
let port: number;
let outside: string;

/** Raw HTTP, so Host, Origin and un-normalised paths go out exactly as written. */
function call(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer, chunked = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    // The server may answer 413 and close before the body is all sent; the answer is what counts.
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    if (chunked && Buffer.isBuffer(body)) {
      const size = 256 * 1024;
      for (let i = 0; i < body.length; i += size) req.write(body.subarray(i, i + size));
      req.end();
    } else req.end(body);
  });
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'as-server-guards-'));
  const formsDir = join(root, 'forms');
  outside = join(root, 'outside');
  mkdirSync(join(formsDir, 'guarded'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(formsDir, 'guarded', '1.0.0.json'), definition('guarded'));
  writeFileSync(join(outside, '1.0.0.json'), definition('secret'));
  // A folder and a file inside FORMS_DIR that lead outside it.
  symlinkSync(outside, join(formsDir, 'linked'));
  symlinkSync(join(outside, '1.0.0.json'), join(formsDir, 'guarded', '2.0.0.json'));
  server = await startServer({ formsDir, env: { EMBED_ORIGINS: 'https://host.example https://other.example:8443' } });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.stop();
});

describe('binding', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

  it.skipIf(!external)('listens on 127.0.0.1 only: another address of this machine refuses the connection', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: external!, port }, () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });

  it('will not start with an embedding origin that is a wildcard, "null" or has a path', async () => {
    for (const bad of ['*', 'null', 'https://*.example', 'https://host.example/path', 'host.example']) {
      await expect(startServer({ formsDir: server.formsDir, env: { EMBED_ORIGINS: bad } }), bad).rejects.toThrow(/EMBED_ORIGINS/);
    }
  });
});

describe('Host header (DNS rebinding)', () => {
  it('accepts 127.0.0.1:PORT and localhost:PORT', async () => {
    expect((await call('GET', '/api/forms')).status).toBe(200);
    expect((await call('GET', '/api/forms', { Host: `localhost:${port}` })).status).toBe(200);
  });

  it.each(['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `0.0.0.0:${port}`, `[::1]:${port}`])('refuses Host %s with 403', async (host) => {
    const res = await call('GET', '/api/forms/guarded/1.0.0', { Host: host });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text).reason).toBe('host');
    expect(res.text).not.toContain('Guarded');
  });
});

describe('Origin on writes (cross-site requests)', () => {
  it.each(['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null', `https://127.0.0.1:${port}`])('refuses a write from Origin %s with 403', async (origin) => {
    const res = await call('POST', '/api/forms/guarded/1.0.0/publish', { Origin: origin });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text).reason).toBe('origin');
  });

  it('refuses a write a browser marks cross-site even without Origin', async () => {
    const res = await call('PUT', '/api/forms/guarded/1.0.0', { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' }, definition('guarded'));
    expect(res.status).toBe(403);
  });

  it('lets a write from its own origin through to the API', async () => {
    const res = await call('PUT', '/api/forms/guarded/1.0.0', { Origin: `http://localhost:${port}`, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' }, definition('guarded'));
    expect(res.status).toBe(428); // past the door; stopped only for want of If-Match
  });

  it('refuses a form-encoded or text/plain write (the kinds a page may send without a preflight)', async () => {
    const res = await call('PUT', '/api/forms/guarded/1.0.0', { 'Content-Type': 'text/plain', 'If-None-Match': '*' }, definition('guarded'));
    expect(res.status).toBe(415);
  });
});

describe('paths outside FORMS_DIR', () => {
  it.each([
    '/api/forms/../../etc/passwd',
    '/api/forms/guarded/..%2f..%2fetc',
    '/api/forms/%2e%2e/1.0.0',
    '/api/forms/guarded%2f..%2f../1.0.0',
    '/api/forms/guarded/1.0.0%00',
    '/assets/..%2f..%2fpackage.json',
    '/assets/../../package.json',
    '/api/forms/guarded\\..\\..\\x/1.0.0',
  ])('refuses %s', async (path) => {
    const res = await call('GET', path);
    expect([400, 404]).toContain(res.status);
    expect(res.text).not.toContain('"name": "assessment-studio"');
  });

  it('refuses ids and versions that are not the envelope patterns', async () => {
    for (const path of ['/api/forms/Guarded/1.0.0', '/api/forms/guarded/1.0', '/api/forms/guarded/01.0.0', '/api/forms/.hidden/1.0.0']) {
      expect((await call('GET', path)).status).toBe(400);
    }
  });

  it('never reads or writes through a symbolic link that leads outside', async () => {
    expect((await call('GET', '/api/forms/linked/1.0.0')).status).toBe(404);
    expect((await call('GET', '/api/forms/guarded/2.0.0')).status).toBe(404);
    const write = await call('PUT', '/api/forms/linked/1.0.0', { 'Content-Type': 'application/json', 'If-None-Match': '*' }, definition('linked'));
    expect(write.status).toBeGreaterThanOrEqual(400);
    expect(readdirSync(outside)).toEqual(['1.0.0.json']);
    const listed = JSON.parse((await call('GET', '/api/forms')).text) as Array<{ id: string; versions: Array<{ version: string }> }>;
    expect(listed.map((f) => f.id)).toEqual(['guarded']);
    expect(listed[0]!.versions.map((v) => v.version)).toEqual(['1.0.0']);
  });
});

describe('request size', () => {
  const big = Buffer.alloc(3 * 1024 * 1024, 0x20);

  it('refuses a declared body over 2 MiB with 413 before reading it', async () => {
    // Only the headers are sent: the answer must come from Content-Length alone. (Sending the body
    // too raced the server's close: the client's write could fail with EPIPE before it read the 413.)
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1', port, method: 'PUT', path: '/api/forms/guarded/1.0.0',
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'Content-Length': String(big.length), 'If-None-Match': '*' },
      }, (res) => {
        resolve(res.statusCode!);
        res.resume();
        req.destroy();
      });
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
      req.flushHeaders();
    });
    expect(status).toBe(413);
  });

  it('cuts off a streamed body that grows past 2 MiB with 413', async () => {
    const res = await call('PUT', '/api/forms/guarded/1.0.0', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'If-None-Match': '*' }, big, true);
    expect(res.status).toBe(413);
  });

  it('refuses a body that is not UTF-8, naming the byte as the command line does', async () => {
    const res = await call('PUT', '/api/forms/guarded/1.0.0', { 'Content-Type': 'application/json', 'If-None-Match': '*' }, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(res.status).toBe(422);
    expect(JSON.parse(res.text).problems).toEqual([expect.objectContaining({ code: 'encoding-invalid', params: expect.objectContaining({ byteOffset: 1 }) })]);
  });
});

describe('security headers', () => {
  const strictCsp = (csp: string) => {
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline'?\s*(;|$).*script/);
    expect(directives.get('report-uri')).toEqual(['/api/csp-report']);
    return directives;
  };

  it('sends the strict policy on the practitioner page, the iframe page and the API', async () => {
    for (const path of ['/forms/', '/forms/guarded/1.0.0', '/api/forms', '/api/nothing']) {
      const res = await call('GET', path);
      const d = strictCsp(String(res.headers['content-security-policy']));
      expect(d.get('style-src')).toEqual(["'self'"]);
      expect(d.get('frame-ancestors')).toEqual(["'self'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });

  it('lets only the configured origins frame /embed/', async () => {
    const d = strictCsp(String((await call('GET', '/embed/')).headers['content-security-policy']));
    expect(d.get('frame-ancestors')).toEqual(["'self'", 'https://host.example', 'https://other.example:8443']);
    expect(d.get('style-src')).toEqual(["'self'"]);
  });

  it('keeps scripts strict on the builder; only its styles may be inline (Monaco)', async () => {
    const d = strictCsp(String((await call('GET', '/')).headers['content-security-policy']));
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('sends the policy on refusals too', async () => {
    const res = await call('GET', '/api/forms', { Host: 'evil.example' });
    strictCsp(String(res.headers['content-security-policy']));
  });

  it('records violation reports for the browser tests to read', async () => {
    await call('DELETE', '/api/csp-report');
    const report = JSON.stringify({ 'csp-report': { 'document-uri': `http://127.0.0.1:${port}/forms/`, 'violated-directive': 'script-src-elem' } });
    expect((await call('POST', '/api/csp-report', { 'Content-Type': 'application/csp-report' }, report)).status).toBe(204);
    const list = JSON.parse((await call('GET', '/api/csp-report')).text);
    expect(list.reports).toHaveLength(1);
    expect(list.reports[0].body['csp-report']['violated-directive']).toBe('script-src-elem');
  });
});
