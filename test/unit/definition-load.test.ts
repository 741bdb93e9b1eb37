import { describe, expect, it } from 'vitest';
import { contentHash, definitionJsonSchema, loadDefinitionText } from '../../runtime/core/index';
import { minimalDefinition } from '../support/minimal-definition';

const minimal = minimalDefinition;

describe('loadDefinitionText', () => {
  it('loads a valid envelope', () => {
    const r = loadDefinitionText(JSON.stringify(minimal, null, 2));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.id).toBe('example');
  });

  it('names line and column of a syntax error', () => {
    const r = loadDefinitionText('{\n  "id": "x",\n  "version" "1.0.0"\n}');
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'json-syntax', line: 3, column: 13 });
  });

  it('points envelope problems at the offending property', () => {
    const text = JSON.stringify({ ...minimal, version: 'one' }, null, 2);
    const r = loadDefinitionText(text);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'envelope-invalid', path: '/version', line: 3, column: 3 });
  });

  it('refuses an empty file', () => {
    expect(loadDefinitionText('  \n').problems[0]?.code).toBe('file-empty');
  });

  it('refuses a __proto__ key without polluting Object.prototype', () => {
    const text = JSON.stringify(minimal).replace('"schema":{', '"schema":{"__proto__":{"polluted":true},');
    const r = loadDefinitionText(text);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'forbidden-key', path: '/schema/__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses deep nesting before parsing', () => {
    const r = loadDefinitionText('['.repeat(100_000) + ']'.repeat(100_000));
    expect(r.problems[0]?.code).toBe('too-deep');
  });

  it('refuses an oversized file', () => {
    const r = loadDefinitionText(' '.repeat(2 * 1024 * 1024) + '{}');
    expect(r.problems[0]?.code).toBe('too-large');
  });
});

describe('contentHash', () => {
  it('is the sha256 of RFC 8785 canonical JSON, independent of key order', () => {
    expect(contentHash({ b: 1, a: [1, 'x'] })).toBe('a88dede55f330dbae7d6c99cb78c43213f114625ed11c8fd0b769d117c06bb50');
    expect(contentHash({ a: [1, 'x'], b: 1 })).toBe(contentHash({ b: 1, a: [1, 'x'] }));
  });
});

describe('definitionJsonSchema', () => {
  it('publishes the envelope as draft 2020-12 JSON Schema', () => {
    const s = definitionJsonSchema();
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(s.properties as object)).toEqual(expect.arrayContaining(['id', 'version', 'schema', 'uischema']));
  });
});

describe('positions with duplicate keys', () => {
  it('locates a forbidden key hidden behind a duplicate key without throwing', () => {
    const r = loadDefinitionText('{"a":[],\n"a":{"b":{"__proto__":1}}}');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'forbidden-key', path: '/a/b/__proto__', line: 2 })]));
  });
});
