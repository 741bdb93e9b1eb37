import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjv, tryCompileValidator } from '../../../runtime/core/index';
import { strictFindings } from '../../../runtime/core/validate/keywords';
import { AJV_KEYWORDS, isKnownKeyword } from '../../../runtime/core/validate/known-keywords';
import { seededParams } from '../../support/property';

/** Issue 15.5: AJV runs in strict mode (runtime/core/validate/ajv.ts, `STRICTNESS`), not `strict: false`. */
describe('the product AJV is strict', () => {
  it('AJV itself refuses an unknown keyword and a keyword that can have no effect', () => {
    // Straight to AJV, past the pointer-finding precheck of compileSchema: this is strict mode at work.
    expect(() => createAjv().compile({ type: 'object', 'x-colour': 'red' })).toThrow(/strict mode: unknown keyword: "x-colour"/);
    expect(() => createAjv().compile({ type: 'object', if: { required: ['a'] } })).toThrow(/strict mode: "if" without "then" and "else"/);
  });

  it('through the product path, a keyword that can have no effect is a problem at its pointer', () => {
    const definition = { schema: { type: 'object', properties: { a: { type: 'array', items: { type: 'string' }, minContains: 2 } } } };
    const result = tryCompileValidator(definition);
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['schema-invalid /schema/properties/a/minContains']);
  });

  it('still accepts $anchor, which AJV resolves but never declares (ajv-validator/ajv#1854)', () => {
    const schema = { type: 'object', $defs: { short: { $anchor: 'short', type: 'string', maxLength: 3 } }, properties: { a: { $ref: '#short' } } };
    const validate = createAjv().compile(schema);
    expect(validate({ a: 'abc' })).toBe(true);
    expect(validate({ a: 'abcd' })).toBe(false);
  });

  it('knows exactly the keywords AJV_KEYWORDS lists (lint reads the list, as it cannot build an AJV under CSP)', () => {
    expect([...AJV_KEYWORDS].sort()).toEqual(Object.keys(createAjv().RULES.keywords).sort());
  });
});

// Small schemas of the keywords strict mode judges, nested once, as an author might write them.
const contains = fc.record(
  { contains: fc.constant({ type: 'string' }), minContains: fc.nat(3), maxContains: fc.nat(3) },
  { requiredKeys: [] },
);
const conditional = fc.record({ if: fc.constant({ required: ['a'] }), then: fc.constant({ required: ['b'] }), else: fc.constant({ required: ['c'] }) }, { requiredKeys: [] });
const node = fc.tuple(contains, conditional).map(([a, b]) => ({ ...a, ...b }));
const schema = fc.tuple(node, fc.option(node, { nil: undefined })).map(([root, inner]) => (inner ? { ...root, properties: { x: inner } } : root));

describe('strictFindings', () => {
  it('finds a keyword exactly when AJV strict mode refuses the schema', () => {
    const ajv = createAjv();
    fc.assert(
      fc.property(schema, (s) => {
        let refused = false;
        try {
          ajv.compile(s);
        } catch (e) {
          if (!/strict mode/.test(String(e))) throw e;
          refused = true;
        }
        expect(strictFindings(s, '', isKnownKeyword).length > 0).toBe(refused);
      }),
      seededParams(300),
    );
  });
});
