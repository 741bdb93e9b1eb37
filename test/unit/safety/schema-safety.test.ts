import { describe, expect, it } from 'vitest';
import { checkPatterns, checkSchemaSafety, validateResponse } from '../../../runtime/core/index';

const codes = (problems: { code: string; path: string }[]) => problems.map((p) => `${p.code} ${p.path}`).sort();
const form = (schema: Record<string, unknown>) => ({ schema, uischema: { type: 'VerticalLayout', elements: [] } });

describe('checkSchemaSafety: hostile definitions are refused before AJV', () => {
  it('never fetches a remote $ref (http, https, relative, other schemes)', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { $ref: 'https://evil.example/schema.json' },
        b: { $ref: 'http://localhost:1234/x.json#/defs' },
        c: { $ref: 'other.json' },
        d: { $ref: 'file:///etc/passwd' },
        e: { $ref: '//evil.example/x' },
      },
    };
    expect(codes(checkSchemaSafety(schema, '/schema'))).toEqual([
      'ref-remote /schema/properties/a/$ref',
      'ref-remote /schema/properties/b/$ref',
      'ref-remote /schema/properties/c/$ref',
      'ref-remote /schema/properties/d/$ref',
      'ref-remote /schema/properties/e/$ref',
    ]);
  });

  it('accepts local references, anchors and references through the root $id', () => {
    const schema = {
      $id: 'https://forms.example/fixture.json',
      type: 'object',
      $defs: { age: { type: 'integer' }, named: { $anchor: 'named', type: 'string' } },
      properties: { a: { $ref: '#/$defs/age' }, b: { $ref: '#named' }, c: { $ref: 'https://forms.example/fixture.json#/$defs/age' }, tree: { $ref: '#' } },
    };
    expect(checkSchemaSafety(schema)).toEqual([]);
  });

  it('reports references that point at nothing', () => {
    const schema = { properties: { a: { $ref: '#/$defs/missing' }, b: { $ref: '#nowhere' }, c: { $ref: '#/%E0%A4%A' }, d: { $ref: 42 } } };
    expect(codes(checkSchemaSafety(schema))).toEqual([
      'ref-unresolved /properties/a/$ref',
      'ref-unresolved /properties/b/$ref',
      'ref-unresolved /properties/c/$ref',
      'ref-unresolved /properties/d/$ref',
    ]);
  });

  it('reports $ref cycles that consume no data, and allows recursion through properties', () => {
    expect(codes(checkSchemaSafety({ $ref: '#' }))).toEqual(['ref-cycle /$ref']);
    const loop = checkSchemaSafety({ $defs: { a: { $ref: '#/$defs/b' }, b: { allOf: [{ $ref: '#/$defs/a' }] } }, properties: { x: { $ref: '#/$defs/a' } } });
    expect(loop.map((p) => p.code)).toEqual(['ref-cycle']);
    expect(['/$defs/a/$ref', '/$defs/b/allOf/0/$ref']).toContain(loop[0]!.path);
    expect(codes(checkSchemaSafety({ anyOf: [{ not: { $ref: '#' } }] }))).toEqual(['ref-cycle /anyOf/0/not/$ref']);
    expect(checkSchemaSafety({ type: 'object', properties: { child: { $ref: '#' } } })).toEqual([]);
  });

  it('a ref cycle reaches validateResponse as a problem, not a hang or a stack overflow', () => {
    const problems = validateResponse(form({ $defs: { a: { $ref: '#/$defs/a' } }, properties: { x: { $ref: '#/$defs/a' } } }), { x: 1 });
    expect(problems.map((p) => p.code)).toEqual(['ref-cycle']);
  });

  it('refuses unusual $id shapes and anchors', () => {
    expect(codes(checkSchemaSafety({ $id: 'relative/path.json' }))).toEqual(['id-invalid /$id']);
    expect(codes(checkSchemaSafety({ $id: 'https://a.example/x.json#frag' }))).toEqual(['id-invalid /$id']);
    expect(codes(checkSchemaSafety({ $id: 42 }))).toEqual(['id-invalid /$id']);
    expect(codes(checkSchemaSafety({ $id: 'https://a.example/x json' }))).toEqual(['id-invalid /$id']);
    expect(codes(checkSchemaSafety({ properties: { a: { $id: 'https://a.example/inner.json' } } }))).toEqual(['id-invalid /properties/a/$id']);
    expect(codes(checkSchemaSafety({ $defs: { a: { $anchor: 'not a name' } } }))).toEqual(['id-invalid /$defs/a/$anchor']);
    // A property *named* $id is data, not an identifier.
    expect(checkSchemaSafety({ properties: { $id: { type: 'string' } } })).toEqual([]);
  });

  it('refuses __proto__, constructor and prototype keys, and Object.prototype stays unchanged', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const schema = JSON.parse('{"properties": {"a": {"__proto__": {"polluted": 1}}, "constructor": {"prototype": {"x": 1}}}}');
    expect(codes(checkSchemaSafety(schema)).map((c) => c.split(' ')[0])).toEqual(['forbidden-key', 'forbidden-key']);
    validateResponse(form(schema), JSON.parse('{"__proto__": {"polluted": 1}}'));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses dynamic references, which AJV can recurse on until the stack overflows', () => {
    expect(codes(checkSchemaSafety({ $defs: { a: { $dynamicAnchor: 'a' } }, properties: { x: { $dynamicRef: '#a' } } }))).toEqual([
      'validator-unsupported /$defs/a/$dynamicAnchor',
      'validator-unsupported /properties/x/$dynamicRef',
    ]);
  });

  it('refuses a schema with more subschemas than AJV can compile promptly, before AJV', () => {
    const allOf = Array.from({ length: 25_000 }, () => ({ type: 'string' }));
    expect(checkSchemaSafety({ allOf }).map((p) => p.code)).toEqual(['too-large']);
    expect(validateResponse(form({ allOf }), {}).map((p) => p.code)).toEqual(['too-large']);
  });

  it('refuses a schema nested deeper than the limit', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 200; i++) deep = { properties: { a: deep } };
    expect(checkSchemaSafety(deep).map((p) => p.code)).toContain('too-deep');
  });
});

describe('checkPatterns', () => {
  it('names a pattern that needs backtracking (backreference, lookaround) as pattern-unsafe', () => {
    const schema = {
      properties: {
        a: { type: 'string', pattern: '^(a)\\1$' },
        b: { type: 'string', pattern: '^(?=x)x$' },
        c: { type: 'string', pattern: '^(?<!y)z$' },
        d: { type: 'string', pattern: '^[a-z]+$' },
      },
      patternProperties: { '^(?!x)': { type: 'string' } },
    };
    expect(codes(checkPatterns(schema, '/schema'))).toEqual([
      'pattern-unsafe /schema/patternProperties/^(?!x)',
      'pattern-unsafe /schema/properties/a/pattern',
      'pattern-unsafe /schema/properties/b/pattern',
      'pattern-unsafe /schema/properties/c/pattern',
    ]);
  });

  it('names a pattern that is not a regular expression as pattern-invalid', () => {
    expect(codes(checkPatterns({ pattern: '([a-z' }))).toEqual(['pattern-invalid /pattern']);
    expect(codes(checkPatterns({ pattern: 7 }))).toEqual(['pattern-invalid /pattern']);
  });

  it('runs a catastrophic pattern on a 10,000-character answer in linear time', () => {
    const definition = form({ type: 'object', properties: { a: { type: 'string', title: 'Code', pattern: '^(a+)+$' } } });
    const started = performance.now();
    const problems = validateResponse(definition, { a: 'a'.repeat(10_000) + '!' });
    const elapsed = performance.now() - started;
    expect(problems.map((p) => p.code)).toEqual(['answer-pattern']);
    expect(validateResponse(definition, { a: 'a'.repeat(10_000) })).toEqual([]);
    expect(elapsed).toBeLessThan(1000); // a generous guard against a backtracking engine, not a performance target
  });
});
