import { describe, expect, it } from 'vitest';
import {
  contentHash,
  parsePublishedRecord,
  publishDefinition,
  publishedContentHash,
  recordedHash,
  recordPublished,
  serializePublishedRecord,
} from '../../../runtime/core/index';
import { fixtureJson } from './fixtures';

const hash = 'a'.repeat(64);

describe('the published-hash record', () => {
  it('parses a record and refuses malformed keys and hashes, pointing at them', () => {
    expect(parsePublishedRecord('{}')).toMatchObject({ ok: true, value: {} });
    expect(parsePublishedRecord(`{"routine-enquiry/2.0.0": "${hash}"}`)).toMatchObject({ ok: true, value: { 'routine-enquiry/2.0.0': hash } });
    const bad = parsePublishedRecord(`{\n  "routine-enquiry": "${hash}",\n  "x/1.0.0": "ABC"\n}`);
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => [p.code, p.path, p.line])).toEqual([
      ['published-record-invalid', '/routine-enquiry', 2],
      ['published-record-invalid', '/x~11.0.0', 3],
    ]);
    expect(parsePublishedRecord('[]').problems[0]?.code).toBe('published-record-invalid');
    expect(parsePublishedRecord('{"a/1.0.0":').problems[0]?.code).toBe('json-syntax');
  });

  it('refuses a __proto__ key and never lets the record reach Object.prototype', () => {
    expect(parsePublishedRecord(`{"__proto__": {"x": 1}}`).problems[0]?.code).toBe('forbidden-key');
    const ok = parsePublishedRecord(`{"a/1.0.0": "${hash}"}`);
    expect(ok.ok && recordedHash(ok.value, 'constructor', '')).toBeUndefined();
    expect(ok.ok && recordedHash(ok.value, 'toString', '')).toBeUndefined();
  });

  it('records a new version, accepts the same hash again, refuses a different one', () => {
    const one = recordPublished({}, 'form', '1.0.0', hash);
    expect(one).toMatchObject({ ok: true, value: { 'form/1.0.0': hash } });
    if (!one.ok) return;
    expect(recordPublished(one.value, 'form', '1.0.0', hash).ok).toBe(true);
    const again = recordPublished(one.value, 'form', '1.0.0', 'b'.repeat(64));
    expect(again.ok).toBe(false);
    expect(again.problems[0]?.code).toBe('hash-mismatch');
    expect(() => recordPublished({}, 'form', '1.0.0', 'not-a-hash')).toThrow();
  });

  it('writes sorted keys so the file diffs cleanly', () => {
    expect(serializePublishedRecord({ 'b/1.0.0': hash, 'a/2.0.0': hash })).toBe(`{\n  "a/2.0.0": "${hash}",\n  "b/1.0.0": "${hash}"\n}\n`);
  });
});

describe('publishDefinition', () => {
  it('sets the status, keeps everything else and its key order, and hashes the result', () => {
    const draft = fixtureJson('valid');
    const { definition, hash: h } = publishDefinition(draft);
    expect(definition.status).toBe('published');
    expect(Object.keys(definition)).toEqual(Object.keys(draft));
    expect({ ...definition, status: draft.status }).toEqual(draft);
    expect(h).toBe(contentHash(definition));
    expect(draft.status).toBe('draft');
  });

  it('hashes a retired file as the published one it was', () => {
    const { definition, hash: h } = publishDefinition(fixtureJson('valid'));
    expect(publishedContentHash({ ...definition, status: 'retired' })).toBe(h);
    expect(publishedContentHash({ ...definition, status: 'draft' })).not.toBe(h);
  });
});
