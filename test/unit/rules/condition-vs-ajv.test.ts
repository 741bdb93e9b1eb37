import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAjv, matchesSchema } from '../../../runtime/core/index';
import { seededParams } from '../../support/property';

/**
 * The eval-free interpreter must decide exactly as AJV (what JSON Forms itself would run) on the
 * supported subset of condition schemas.
 */
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
  leaf: fc.oneof(fc.constantFrom(null, true, false, 0, 1, 2.5, -3, 'a', 'yes', '', 'ab'), fc.integer({ min: -5, max: 5 })),
  array: fc.array(tie('leaf'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('leaf'), { maxKeys: 3 }),
}));

const schema = fc.letrec((tie) => ({
  schema: fc.oneof({ depthSize: 'small' }, tie('leafSchema'), tie('compound')),
  leafSchema: fc.oneof(
    value.leaf.map((v) => ({ const: v })),
    fc.array(value.leaf, { minLength: 1, maxLength: 3 }).map((e) => ({ enum: e })),
    fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', 'array', 'object').map((t) => ({ type: t })),
    fc.integer({ min: -3, max: 3 }).map((n) => ({ minimum: n })),
    fc.integer({ min: -3, max: 3 }).map((n) => ({ maximum: n })),
    fc.integer({ min: -3, max: 3 }).map((n) => ({ exclusiveMinimum: n })),
    fc.integer({ min: -3, max: 3 }).map((n) => ({ exclusiveMaximum: n })),
    fc.integer({ min: 0, max: 3 }).map((n) => ({ minItems: n })),
    fc.integer({ min: 0, max: 3 }).map((n) => ({ maxItems: n })),
    fc.integer({ min: 0, max: 3 }).map((n) => ({ minLength: n })),
    fc.subarray(['a', 'b', 'c']).map((r) => ({ required: r })),
  ),
  compound: fc.oneof(
    tie('schema').map((s) => ({ not: s })),
    tie('schema').map((s) => ({ contains: s })),
    fc.array(tie('schema'), { minLength: 1, maxLength: 3 }).map((l) => ({ allOf: l })),
    fc.array(tie('schema'), { minLength: 1, maxLength: 3 }).map((l) => ({ anyOf: l })),
    fc.dictionary(fc.constantFrom('a', 'b'), tie('schema'), { maxKeys: 2 }).map((p) => ({ properties: p })),
  ),
}));

describe('matchesSchema agrees with AJV on the supported subset', () => {
  const ajv = createAjv();
  it('for random condition schemas and answers', () => {
    fc.assert(
      fc.property(schema.schema, value.any, (s, v) => {
        expect(matchesSchema(s, v)).toBe(ajv.validate(s as object, v));
      }),
      seededParams(2000),
    );
  });
});
