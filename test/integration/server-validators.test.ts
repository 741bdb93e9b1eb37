import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyForms, startServer, type RunningServer } from '../e2e/support/server';

/**
 * Ahead-of-time validators (issue 11 point 1): ES modules of AJV standalone code, served for
 * published versions only while their hash checks out, and for drafts the builder posts.
 */

let server: RunningServer;
let published: string[];

const get = (path: string) => fetch(`${server.url}${path}`);

beforeAll(async () => {
  server = await startServer({ formsDir: copyForms() });
  published = Object.keys(JSON.parse(readFileSync(join(server.formsDir, 'published.json'), 'utf8')));
});

afterAll(async () => {
  await server?.stop();
});

describe('GET /validators/<id>/<version>.js', () => {
  it('serves every shipped published version as a JavaScript module that exports a validator and never calls eval', async () => {
    expect(published.length).toBeGreaterThan(0);
    for (const key of published) {
      const res = await get(`/validators/${key}.js`);
      expect(res.status, key).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      const code = await res.text();
      expect(/\bexport\b/.test(code), key).toBe(true);
      // An `eval(` in call position (a method named eval is harmless); the browser test under CSP is the proof.
      expect(/\bnew Function\b|\bFunction\(|[=(,;:!&|?]\s*eval\(/.test(code), key).toBe(false);
      expect(/\bfrom\s*["'](?!\.)/.test(code), `${key}: bare import`).toBe(false); // self-contained for the browser
    }
  });

  it('refuses a published file changed behind its recorded hash', async () => {
    const [id, version] = published[0]!.split('/') as [string, string];
    const file = join(server.formsDir, id, `${version}.json`);
    const original = readFileSync(file, 'utf8');
    const tampered = JSON.parse(original);
    tampered.title = `${tampered.title} (edited after publishing)`;
    writeFileSync(file, JSON.stringify(tampered, null, 2));
    try {
      const res = await get(`/validators/${id}/${version}.js`);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { problems: Array<{ code: string }> }).problems[0]!.code).toBe('hash-mismatch');
    } finally {
      writeFileSync(file, original);
    }
    expect((await get(`/validators/${id}/${version}.js`)).status).toBe(200);
  });

  it('serves no validator for a version that is not published', async () => {
    expect((await get('/validators/no-such-form/1.0.0.js')).status).toBe(404);
  });
});

describe('POST /api/validators (drafts for the preview)', () => {
  it('compiles a posted definition and serves it under its content hash', async () => {
    const [id, version] = published[0]!.split('/') as [string, string];
    const definition = JSON.parse(readFileSync(join(server.formsDir, id, `${version}.json`), 'utf8'));
    const draft = { ...definition, status: 'draft', title: 'A draft in the preview' };
    const res = await fetch(`${server.url}/api/validators`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(draft) });
    expect(res.status).toBe(200);
    const { url, sha256 } = (await res.json()) as { url: string; sha256: string };
    expect(url).toBe(`/validators/drafts/${sha256}.js`);
    const mod = await get(url);
    expect(mod.status).toBe(200);
    expect(/\bexport\b/.test(await mod.text())).toBe(true);
  });

  it('answers problems for a definition that does not load, or a schema the validator refuses', async () => {
    const bad = await fetch(`${server.url}/api/validators`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"id": 1}' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
  });
});
