import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../runtime/core/index';
import { startServer, type RunningServer } from '../e2e/support/server';
import { httpCall, type Reply } from './http';

/** The local server's API, driven over HTTP against a private folder of definitions. */

function sampleDefinition(id: string, version: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    version,
    status: 'draft',
    title: `Sample ${id}`,
    source: { document: 'test/integration/server-api.test.ts' },
    changelog: [{ version, summary: 'Test content.' }],
    schema: {
      type: 'object',
      properties: { name: { type: 'string', title: 'Name', maxLength: 100, 'x-code': 'name' } },
    },
    uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/name' }] },
    ...extra,
  };
}

const text = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const etagOf = (t: string) => `"${createHash('sha256').update(t).digest('hex')}"`;

let server: RunningServer;
let port: number;

const call = (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> => httpCall(port, method, path, headers, body);

const put = (path: string, body: string, headers: Record<string, string> = {}) =>
  call('PUT', path, { 'Content-Type': 'application/json', ...headers }, body);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'as-server-api-'));
  mkdirSync(join(dir, 'sample'));
  writeFileSync(join(dir, 'sample', '1.0.0.json'), text(sampleDefinition('sample', '1.0.0')));
  mkdirSync(join(dir, 'broken'));
  // On disk, but with an id that is not its folder's: loads, yet lint has an error.
  writeFileSync(join(dir, 'broken', '1.0.0.json'), text(sampleDefinition('other-id', '1.0.0')));
  server = await startServer({ formsDir: dir });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.stop();
});

describe('GET /api/forms', () => {
  it('lists every form with its versions and statuses', async () => {
    const res = await call('GET', '/api/forms');
    expect(res.status).toBe(200);
    const sample = res.json().find((f: { id: string }) => f.id === 'sample');
    expect(sample).toEqual({ id: 'sample', title: 'Sample sample', versions: [{ version: '1.0.0', status: 'draft' }] });
  });
});

describe('GET /api/forms/<id>/<version>', () => {
  it('returns the file as it is on disk with a strong ETag of its bytes', async () => {
    const onDisk = readFileSync(join(server.formsDir, 'sample', '1.0.0.json'), 'utf8');
    const res = await call('GET', '/api/forms/sample/1.0.0');
    expect(res.status).toBe(200);
    expect(res.text).toBe(onDisk);
    expect(res.headers.etag).toBe(etagOf(onDisk));
    expect((await call('GET', '/api/forms/sample/1.0.0', { 'If-None-Match': etagOf(onDisk) })).status).toBe(304);
  });

  it('answers 404 as JSON for a version that does not exist', async () => {
    const res = await call('GET', '/api/forms/sample/9.9.9');
    expect(res.status).toBe(404);
    expect(res.json().error).toMatch(/No definition/);
  });
});

describe('PUT /api/forms/<id>/<version>', () => {
  it('creates with If-None-Match: * and refuses a second create', async () => {
    const body = text(sampleDefinition('created', '0.1.0'));
    const res = await put('/api/forms/created/0.1.0', body, { 'If-None-Match': '*' });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe(etagOf(body));
    expect(readFileSync(join(server.formsDir, 'created', '0.1.0.json'), 'utf8')).toBe(body);
    const again = await put('/api/forms/created/0.1.0', body, { 'If-None-Match': '*' });
    expect(again.status).toBe(409);
    expect(again.json().reason).toBe('exists');
  });

  it('needs a precondition: no If-Match over an existing file is 428', async () => {
    const res = await put('/api/forms/sample/1.0.0', text(sampleDefinition('sample', '1.0.0')));
    expect(res.status).toBe(428);
  });

  it('saves with the current ETag, and refuses a save based on an older copy with the disk text', async () => {
    const read = await call('GET', '/api/forms/sample/1.0.0');
    const first = text(sampleDefinition('sample', '1.0.0', { title: 'Edited once' }));
    const ok = await put('/api/forms/sample/1.0.0', first, { 'If-Match': String(read.headers.etag) });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe(etagOf(first));
    // A second editor still holds the ETag from before the first save.
    const stale = await put('/api/forms/sample/1.0.0', text(sampleDefinition('sample', '1.0.0', { title: 'Stale' })), {
      'If-Match': String(read.headers.etag),
    });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ reason: 'conflict', current: first, etag: etagOf(first) });
    expect(readFileSync(join(server.formsDir, 'sample', '1.0.0.json'), 'utf8')).toBe(first);
  });

  it('lets exactly one of two simultaneous saves based on the same copy win', async () => {
    const etag = String((await call('GET', '/api/forms/sample/1.0.0')).headers.etag);
    const bodies = ['A', 'B', 'C', 'D'].map((t) => text(sampleDefinition('sample', '1.0.0', { title: `Racer ${t}` })));
    const results = await Promise.all(bodies.map((b) => put('/api/forms/sample/1.0.0', b, { 'If-Match': etag })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = bodies[results.findIndex((r) => r.status === 200)];
    expect(readFileSync(join(server.formsDir, 'sample', '1.0.0.json'), 'utf8')).toBe(winner);
  });

  it('refuses a file changed on disk behind the editor', async () => {
    const read = await call('GET', '/api/forms/sample/1.0.0');
    const behind = text(sampleDefinition('sample', '1.0.0', { title: 'Changed in another editor' }));
    writeFileSync(join(server.formsDir, 'sample', '1.0.0.json'), behind);
    const res = await put('/api/forms/sample/1.0.0', text(sampleDefinition('sample', '1.0.0')), { 'If-Match': String(read.headers.etag) });
    expect(res.status).toBe(409);
    expect(res.json().current).toBe(behind);
  });

  it('refuses a body that does not load, or whose id or version differs from the path', async () => {
    const etag = String((await call('GET', '/api/forms/sample/1.0.0')).headers.etag);
    const syntax = await put('/api/forms/sample/1.0.0', '{ "id": ', { 'If-Match': etag });
    expect(syntax.status).toBe(422);
    expect(syntax.json().problems[0].code).toBe('json-syntax');
    const wrongId = await put('/api/forms/sample/1.0.0', text(sampleDefinition('elsewhere', '1.0.0')), { 'If-Match': etag });
    expect(wrongId.status).toBe(422);
    expect(wrongId.json().problems.map((p: { code: string }) => p.code)).toContain('id-mismatch');
    const polluted = await put('/api/forms/sample/1.0.0', '{"__proto__": {"polluted": true}}', { 'If-Match': etag });
    expect(polluted.status).toBe(422);
    expect(polluted.json().problems[0].code).toBe('forbidden-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a body that claims to be published: publishing has its own route', async () => {
    const etag = String((await call('GET', '/api/forms/sample/1.0.0')).headers.etag);
    const res = await put('/api/forms/sample/1.0.0', text(sampleDefinition('sample', '1.0.0', { status: 'published' })), { 'If-Match': etag });
    expect(res.status).toBe(422);
  });

  it('leaves no temporary file beside the definitions', () => {
    for (const folder of ['sample', 'created']) {
      expect(readdirSync(join(server.formsDir, folder)).filter((n) => !n.endsWith('.json'))).toEqual([]);
    }
  });
});

describe('publishing', () => {
  it('refuses while lint has errors, with the problems', async () => {
    const res = await call('POST', '/api/forms/broken/1.0.0/publish');
    expect(res.status).toBe(422);
    expect(res.json().problems.map((p: { code: string }) => p.code)).toContain('id-mismatch');
    expect(JSON.parse(readFileSync(join(server.formsDir, 'broken', '1.0.0.json'), 'utf8')).status).toBe('draft');
  });

  it('lints unsaved text as if it were the file, writing nothing', async () => {
    const before = readFileSync(join(server.formsDir, 'broken', '1.0.0.json'), 'utf8');
    const fixed = await call('POST', '/api/forms/broken/1.0.0/problems', { 'Content-Type': 'application/json' }, text(sampleDefinition('broken', '1.0.0')));
    expect(fixed.status).toBe(200);
    expect(fixed.json().problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    const wrong = await call('POST', '/api/forms/broken/1.0.0/problems', { 'Content-Type': 'application/json' }, text(sampleDefinition('other-id', '1.0.0')));
    expect(wrong.json().problems.map((p: { code: string }) => p.code)).toContain('id-mismatch');
    expect(readFileSync(join(server.formsDir, 'broken', '1.0.0.json'), 'utf8')).toBe(before);
  });

  it('lists lint problems of a file', async () => {
    const res = await call('GET', '/api/forms/broken/1.0.0/problems');
    expect(res.status).toBe(200);
    expect(res.json().problems.map((p: { code: string }) => p.code)).toContain('id-mismatch');
  });

  it('publishes: status published, hash recorded in published.json, then the version is immutable', async () => {
    const body = text(sampleDefinition('to-publish', '1.0.0'));
    expect((await put('/api/forms/to-publish/1.0.0', body, { 'If-None-Match': '*' })).status).toBe(201);
    expect((await call('GET', '/api/forms/to-publish/1.0.0/problems')).json().problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    const stale = await call('POST', '/api/forms/to-publish/1.0.0/publish', { 'If-Match': '"0000"' });
    expect(stale.status).toBe(409);

    const res = await call('POST', '/api/forms/to-publish/1.0.0/publish', { 'If-Match': etagOf(body) });
    expect(res.status).toBe(200);
    const onDisk = JSON.parse(readFileSync(join(server.formsDir, 'to-publish', '1.0.0.json'), 'utf8'));
    expect(onDisk.status).toBe('published');
    const record = JSON.parse(readFileSync(join(server.formsDir, 'published.json'), 'utf8'));
    expect(record['to-publish/1.0.0']).toBe(contentHash(onDisk));
    expect(res.json().sha256).toBe(contentHash(onDisk));

    const listed = (await call('GET', '/api/forms')).json().find((f: { id: string }) => f.id === 'to-publish');
    expect(listed.versions).toEqual([{ version: '1.0.0', status: 'published', sha256: contentHash(onDisk) }]);

    const current = await call('GET', '/api/forms/to-publish/1.0.0');
    const write = await put('/api/forms/to-publish/1.0.0', text(sampleDefinition('to-publish', '1.0.0')), { 'If-Match': String(current.headers.etag) });
    expect(write.status).toBe(409);
    expect(write.json().reason).toBe('published');
    expect((await call('POST', '/api/forms/to-publish/1.0.0/publish')).status).toBe(409);
  });
});

describe('issue 17: the server check gives lint\'s verdict on options, labels and empty forms', () => {
  /** The sample form asking which substance, its options as given. */
  const substances = (id: string, options: unknown[]) =>
    sampleDefinition(id, '1.0.0', {
      schema: { type: 'object', properties: { main: { type: 'string', title: 'Substance used most', 'x-code': 'main_substance', oneOf: options } } },
      uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/main' }] },
    });
  const found = (res: Reply) => res.json().problems.map((p: { code: string; path: string; severity: string }) => [p.code, p.path, p.severity]);

  it('lists options sharing a code, saved or unsaved, and refuses to publish them', async () => {
    const body = text(substances('shared-codes', [{ const: 'opioids', title: 'Alcohol' }, { const: 'opioids', title: 'Opioids' }]));
    expect((await put('/api/forms/shared-codes/1.0.0', body, { 'If-None-Match': '*' })).status).toBe(201);
    const expected = [['option-code-duplicate', '/schema/properties/main/oneOf/1', 'error']];
    expect(found(await call('GET', '/api/forms/shared-codes/1.0.0/problems'))).toEqual(expected);
    const publish = await call('POST', '/api/forms/shared-codes/1.0.0/publish', { 'If-Match': etagOf(body) });
    expect(publish.status).toBe(422);
    expect(found(publish)).toEqual(expected);
    expect(JSON.parse(readFileSync(join(server.formsDir, 'shared-codes', '1.0.0.json'), 'utf8')).status).toBe('draft');

    const alike = await call('POST', '/api/forms/shared-codes/1.0.0/problems', { 'Content-Type': 'application/json' }, text(substances('shared-codes', [{ const: 'alcohol', title: 'Alcohol' }, { const: 'opioids', title: 'alcohol' }])));
    expect(found(alike)).toEqual([['option-label-duplicate', '/schema/properties/main/oneOf/1/title', 'warning']]);
  });

  it('lists a blank question title and a form with no questions', async () => {
    const blank = substances('shared-codes', [{ const: 'alcohol', title: 'Alcohol' }]) as { schema: { properties: { main: { title: string } } } };
    blank.schema.properties.main.title = ' ';
    const titled = await call('POST', '/api/forms/shared-codes/1.0.0/problems', { 'Content-Type': 'application/json' }, text(blank));
    expect(found(titled)).toEqual([['label-empty', '/schema/properties/main/title', 'error']]);
    const empty = sampleDefinition('shared-codes', '1.0.0', { schema: { type: 'object', properties: {} }, uischema: { type: 'VerticalLayout', elements: [] } });
    const none = await call('POST', '/api/forms/shared-codes/1.0.0/problems', { 'Content-Type': 'application/json' }, text(empty));
    expect(found(none)).toEqual([['form-empty', '/schema/properties', 'error']]);
  });
});

describe('a publish interrupted between its two writes', () => {
  it('leaves a draft whose hash is recorded: saves are refused, and publishing again completes it', async () => {
    const draft = sampleDefinition('interrupted', '1.0.0');
    const body = text(draft);
    expect((await put('/api/forms/interrupted/1.0.0', body, { 'If-None-Match': '*' })).status).toBe(201);
    // The state a crash after the record's rename and before the definition's leaves behind.
    const recordFile = join(server.formsDir, 'published.json');
    const record = existsSync(recordFile) ? JSON.parse(readFileSync(recordFile, 'utf8')) : {};
    record['interrupted/1.0.0'] = contentHash({ ...draft, status: 'published' });
    writeFileSync(recordFile, JSON.stringify(record, null, 2));

    const save = await put('/api/forms/interrupted/1.0.0', text(sampleDefinition('interrupted', '1.0.0', { title: 'Edited' })), { 'If-Match': etagOf(body) });
    expect(save.status).toBe(409);
    expect(save.json().reason).toBe('published');

    const again = await call('POST', '/api/forms/interrupted/1.0.0/publish');
    expect(again.status).toBe(200);
    expect(JSON.parse(readFileSync(join(server.formsDir, 'interrupted', '1.0.0.json'), 'utf8')).status).toBe('published');
    expect(again.json().sha256).toBe(record['interrupted/1.0.0']);
  });
});

describe('lint compares with the previous version, as the CLI does', () => {
  it('refuses to publish 1.1.0 when it removes a question (a major change)', async () => {
    const two = {
      type: 'object',
      properties: {
        name: { type: 'string', title: 'Name', maxLength: 100, 'x-code': 'name' },
        age: { type: 'integer', title: 'Age', 'x-code': 'age' },
      },
    };
    const ui = (keys: string[]) => ({ type: 'VerticalLayout', elements: keys.map((k) => ({ type: 'Control', scope: `#/properties/${k}` })) });
    const first = text(sampleDefinition('bumpy', '1.0.0', { schema: two, uischema: ui(['name', 'age']) }));
    expect((await put('/api/forms/bumpy/1.0.0', first, { 'If-None-Match': '*' })).status).toBe(201);
    const second = text(sampleDefinition('bumpy', '1.1.0'));
    expect((await put('/api/forms/bumpy/1.1.0', second, { 'If-None-Match': '*' })).status).toBe(201);
    const codes = (await call('GET', '/api/forms/bumpy/1.1.0/problems')).json().problems.map((p: { code: string }) => p.code);
    expect(codes).toContain('version-bump-too-small');
    const publish = await call('POST', '/api/forms/bumpy/1.1.0/publish');
    expect(publish.status).toBe(422);
    expect(publish.json().problems.map((p: { code: string }) => p.code)).toContain('version-bump-too-small');
  });
});

describe('issue 17: discarding and renumbering a draft', () => {
  it('discards a draft read at its ETag, and never a published version', async () => {
    const body = text(sampleDefinition('throwaway', '1.0.0'));
    expect((await put('/api/forms/throwaway/1.0.0', body, { 'If-None-Match': '*' })).status).toBe(201);
    expect((await call('DELETE', '/api/forms/throwaway/1.0.0')).status).toBe(428);
    expect((await call('DELETE', '/api/forms/throwaway/1.0.0', { 'If-Match': '"0000"' })).status).toBe(409);
    expect((await call('DELETE', '/api/forms/throwaway/1.0.0', { 'If-Match': etagOf(body) })).status).toBe(204);
    expect((await call('GET', '/api/forms/throwaway/1.0.0')).status).toBe(404);
    const kept = text(sampleDefinition('kept', '1.0.0'));
    await put('/api/forms/kept/1.0.0', kept, { 'If-None-Match': '*' });
    const published = await call('POST', '/api/forms/kept/1.0.0/publish', { 'If-Match': etagOf(kept) });
    expect(published.status).toBe(200);
    const refused = await call('DELETE', '/api/forms/kept/1.0.0', { 'If-Match': published.json().etag });
    expect(refused.status).toBe(409);
    expect(refused.json().reason).toBe('published');
    expect((await call('GET', '/api/forms/kept/1.0.0')).status).toBe(200);
  });

  it('renumbers a draft: the new file written with its new version, the old one gone', async () => {
    const body = text(sampleDefinition('renum', '1.0.1'));
    await put('/api/forms/renum/1.0.1', body, { 'If-None-Match': '*' });
    const next = text(sampleDefinition('renum', '2.0.0'));
    const post = (payload: unknown, etag: string) => call('POST', '/api/forms/renum/1.0.1/renumber', { 'Content-Type': 'application/json', 'If-Match': etag }, JSON.stringify(payload));
    expect((await post({ to: '2.0.0', text: body }, etagOf(body))).json().problems.map((p: { code: string }) => p.code)).toEqual(['version-mismatch']);
    expect((await post({ to: '2.0.0', text: next }, '"0000"')).status).toBe(409);
    const ok = await post({ to: '2.0.0', text: next }, etagOf(body));
    expect(ok.status).toBe(200);
    expect((await call('GET', '/api/forms/renum/1.0.1')).status).toBe(404);
    expect((await call('GET', '/api/forms/renum/2.0.0')).text).toBe(next);
  });
});

describe('issue 17: retiring a form', () => {
  it('records the retirement beside the files, lists it, and brings the form back; a damaged record retires nothing', async () => {
    const listed = async () => (await call('GET', '/api/forms')).json().find((f: { id: string }) => f.id === 'sample') as { retired?: { retiredAt: string } };
    expect((await call('PUT', '/api/forms/no-such-form/retirement')).status).toBe(404);
    expect((await call('PUT', '/api/forms/sample/retirement')).status).toBe(200);
    expect((await listed()).retired?.retiredAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await call('GET', '/api/forms/sample/1.0.0')).status).toBe(200);
    expect((await call('DELETE', '/api/forms/sample/retirement')).status).toBe(200);
    expect((await listed()).retired).toBeUndefined();
    writeFileSync(join(server.formsDir, '.retired-forms.json'), '{"sample": {"retiredAt": {"__proto__": 1}}, "x": 5, ');
    expect((await listed()).retired).toBeUndefined();
  });
});

describe('routes', () => {
  it('answers unknown API routes and wrong methods as JSON', async () => {
    expect((await call('GET', '/api/nothing')).status).toBe(404);
    const wrong = await call('PATCH', '/api/forms/sample/1.0.0');
    expect(wrong.status).toBe(405);
    expect(wrong.json().error).toBeTruthy();
  });

  it('serves the same page for /forms/ and /forms/<id>/<version>, and redirects /embed', async () => {
    const list = await call('GET', '/forms/');
    const one = await call('GET', '/forms/sample/1.0.0');
    expect([200, 503]).toContain(list.status);
    expect(one.status).toBe(list.status);
    expect(one.text).toBe(list.text);
    expect(list.headers['content-type']).toMatch(/^text\/html/);
    const redirect = await call('GET', '/embed');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/embed/');
    expect((await call('GET', '/forms/NotAnId/1.0.0')).status).toBe(404);
  });

  it('serves the builder at / when it is built', async () => {
    const res = await call('GET', '/');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    if (res.status === 200) expect(res.text).toMatch(/<script type="module"[^>]*src="\/assets\//);
  });

  it('refuses a validator module for a draft and for an unknown draft hash', async () => {
    expect((await call('GET', '/validators/sample/1.0.0.js')).status).toBeGreaterThanOrEqual(404);
    expect((await call('GET', `/validators/drafts/${'0'.repeat(64)}.js`)).status).toBe(404);
  });
});

describe('a damaged published.json', () => {
  it('stops saves and publishing with its problems instead of resetting it', async () => {
    const recordFile = join(server.formsDir, 'published.json');
    const before = existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : undefined;
    writeFileSync(recordFile, '{ "sample/1.0.0": "not a hash" }');
    try {
      const res = await call('POST', '/api/forms/broken/1.0.0/publish');
      expect(res.status).toBe(409);
      expect(res.json()).toMatchObject({ reason: 'record-damaged' });
      expect(res.json().problems[0].code).toBe('published-record-invalid');
      expect(readFileSync(recordFile, 'utf8')).toBe('{ "sample/1.0.0": "not a hash" }');
    } finally {
      if (before === undefined) writeFileSync(recordFile, '{}\n');
      else writeFileSync(recordFile, before);
    }
  });
});
