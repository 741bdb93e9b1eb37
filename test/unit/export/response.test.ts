import { describe, expect, it } from 'vitest';
import { checkResponseAgainst, loadResponseFor, newResponse, parseResponseText, responseEnvelopeSchema } from '../../../runtime/core/index';
import { loadFixture, responseOf } from './helpers';

const { definition, sha256 } = loadFixture('export-rich');

describe('checkResponseAgainst', () => {
  it('accepts a response made against the same form, version and content', () => {
    const r = responseOf(definition, {}, { form: { id: definition.id, version: definition.version, sha256 } });
    expect(checkResponseAgainst(definition, r, { sha256 })).toEqual([]);
  });

  it('refuses another content hash with response-form-mismatch at /form/sha256', () => {
    const r = responseOf(definition, {}, { form: { id: definition.id, version: definition.version, sha256: 'a'.repeat(64) } });
    const problems = checkResponseAgainst(definition, r, { sha256 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'response-form-mismatch', path: '/form/sha256', severity: 'error', params: { expected: sha256 } });
  });

  it('refuses another form id or version, naming each', () => {
    const r = responseOf(definition, {}, { form: { id: 'other-form', version: '9.0.0', sha256 } });
    const problems = checkResponseAgainst(definition, r, { sha256 });
    expect(problems.map((p) => p.path)).toEqual(['/form/id', '/form/version']);
    expect(problems.every((p) => p.code === 'response-form-mismatch')).toBe(true);
  });

  it('hashes the definition itself when no hash is given', () => {
    const r = newResponse(definition);
    expect(checkResponseAgainst(definition, r)).toEqual([]);
    const changed: typeof definition = { ...definition, title: 'Changed' };
    expect(checkResponseAgainst(changed, r)[0]?.code).toBe('response-form-mismatch');
  });
});

describe('newResponse', () => {
  it('makes a valid in-progress envelope with a v4 UUID', () => {
    const r = newResponse(definition, { sha256 });
    expect(responseEnvelopeSchema.safeParse(r).success).toBe(true);
    expect(r.status).toBe('in-progress');
    expect(r.responseId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newResponse(definition).responseId).not.toBe(r.responseId);
  });
});

describe('parseResponseText', () => {
  const good = responseOf(definition, { age: 30 }, { form: { id: definition.id, version: definition.version, sha256 } });

  it('reads an envelope', () => {
    const r = parseResponseText(JSON.stringify(good));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.answers).toEqual({ age: 30 });
  });

  it('names the file, pointer, line and column of a malformed envelope', () => {
    const text = JSON.stringify({ ...good, status: 'finished' }, null, 2);
    const r = parseResponseText(text, { file: 'x/bad.json' });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'response-invalid', path: '/status', params: { file: 'x/bad.json' } });
    expect(r.problems[0]?.line).toBe(text.split('\n').findIndex((l) => l.includes('"status"')) + 1);
  });

  it('reports JSON syntax errors with a line', () => {
    const r = parseResponseText('{\n "responseId": }', { file: 'a.json' });
    expect(r.problems[0]).toMatchObject({ code: 'json-syntax', line: 2, params: { file: 'a.json' } });
  });

  it('refuses bare answers and any other JSON that is not an envelope, inventing nothing (issue 19, point 5)', () => {
    for (const text of ['{"age": 40, "safeToTalk": false}', '{"invalid-x.json": [{"code": "answer-required", "path": "/a"}]}', '[1,2]', '"x"', 'null']) {
      const r = parseResponseText(text, { file: 'dir/client-7.json' });
      expect(r.ok, text).toBe(false);
      expect(r.problems[0], text).toMatchObject({ code: 'response-not-envelope', path: '', params: { file: 'dir/client-7.json' } });
    }
  });

  it('refuses __proto__ keys without touching Object.prototype', () => {
    const r = parseResponseText('{"responseId": "r", "answers": {}, "__proto__": {"polluted": true}}');
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'forbidden-key', path: '/__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over the response size limit before parsing it', () => {
    const r = parseResponseText(`{"notes": "${'x'.repeat(5 * 1024 * 1024 + 10)}"}`);
    expect(r.problems[0]?.code).toBe('too-large');
  });
});

describe('loadResponseFor', () => {
  it('parses and checks the form in one step', () => {
    const bad = responseOf(definition, {}, { form: { id: definition.id, version: definition.version, sha256: 'b'.repeat(64) } });
    const text = JSON.stringify(bad, null, 2);
    const r = loadResponseFor(text, definition, { file: 'r.json', acceptedHashes: [sha256] });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'response-form-mismatch', path: '/form/sha256', params: { file: 'r.json' } });
    expect(r.problems[0]?.line).toBeGreaterThan(1);
    const good = { ...bad, form: { ...bad.form, sha256 } };
    expect(loadResponseFor(JSON.stringify(good), definition, { acceptedHashes: [sha256] }).ok).toBe(true);
  });
});
