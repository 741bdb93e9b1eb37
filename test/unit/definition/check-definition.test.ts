import { describe, expect, it } from 'vitest';
import { checkDefinition, checkValueLimits, checkDefinitionValue, checkGivenAnswers, MAX_ANSWER_ITEMS, valueSizeOver } from '../../../runtime/core/index';
import { deepSchema, elementsNotArray, hugeDefinition, loneSurrogateTitle, manyItemsAnswers, smallDefinition } from '../../fixtures/hostile/definitions';

/** Issue 16, the browser surfaces: the one check of a definition object before any surface renders it. */
const codes = (r: ReturnType<typeof checkDefinition>) => (r.ok ? [] : r.problems.map((p) => `${p.code} ${p.path}`));

describe('checkDefinition', () => {
  it('accepts a good definition, and gives the same result for the same object (cached)', () => {
    const d = smallDefinition();
    const first = checkDefinition(d);
    expect(first.ok).toBe(true);
    expect(checkDefinition(d)).toBe(first);
    if (first.ok) expect(checkDefinition(first.value)).toBe(first); // the parsed copy a surface passes on
  });

  it('refuses a schema nested 5,000 levels with too-deep at a pointer, without overflowing', () => {
    const r = checkDefinition(deepSchema(5000));
    expect(r.ok).toBe(false);
    expect(codes(r)[0]).toMatch(/^too-deep \/schema\/properties\/name\/allOf\/0(\/not)+$/);
  });

  it('refuses a UI schema whose elements is not an array (lint error at /uischema/elements)', () => {
    const r = checkDefinition(elementsNotArray());
    expect(r.ok).toBe(false);
    expect(codes(r).some((c) => c.startsWith('uischema-invalid /uischema'))).toBe(true);
  });

  it('refuses a lone surrogate in the title instead of throwing later when the form is hashed', () => {
    const r = checkDefinition(loneSurrogateTitle());
    expect(r.ok).toBe(false);
    // The value limits name it at /title once they check for lone surrogates; until then the hash net does.
    expect(codes(r)[0]).toMatch(/^(value-unrepresentable |[a-z-]+ \/title)/);
  });

  it('refuses ~20 MB quickly, with too-large, walking no further than the limit', () => {
    const d = hugeDefinition(20);
    const t = performance.now();
    const r = checkDefinition(d);
    expect(performance.now() - t).toBeLessThan(1000); // a hang guard, not a timing: the walk stops at the limit
    expect(codes(r)).toEqual(['too-large ']);
  });

  it('refuses what is not a definition (envelope problems), never throws', () => {
    for (const v of [null, 42, 'x', [], {}, { ...smallDefinition(), schema: 'nope' }]) expect(checkDefinition(v).ok).toBe(false);
  });
});

describe('checkDefinitionValue (the builder preview: the checks, lint aside)', () => {
  it('lets a draft with lint errors through, refuses what cannot be walked or hashed', () => {
    expect(checkDefinitionValue(elementsNotArray()).ok).toBe(true);
    expect(checkDefinition(elementsNotArray()).ok).toBe(false);
    expect(codes(checkDefinitionValue(deepSchema(5000)))[0]).toMatch(/^too-deep /);
    expect(checkDefinitionValue(loneSurrogateTitle()).ok).toBe(false);
  });
});

describe('valueSizeOver', () => {
  it('stops on a cycle (no hang) and on a huge array without walking it', () => {
    const a: Record<string, unknown> = { x: 'y' };
    a.self = a;
    expect(valueSizeOver(a, 10_000)).toBe(true);
    expect(valueSizeOver(new Array(2_000_000).fill(0), 1024 * 1024)).toBe(true);
    expect(valueSizeOver({ a: 'short' }, 1024)).toBe(false);
  });
});

describe('checkValueLimits with a byte limit (what every embed runs before rendering)', () => {
  it('refuses a cycle that fans out, a huge array and a value over the limit as too-large, walking no further', () => {
    const wide: Record<string, unknown> = {};
    wide.a = wide;
    wide.b = wide;
    const codes = (v: unknown) => checkValueLimits(v, 1024 * 1024).map((p) => `${p.code} ${p.path}`);
    expect(codes(wide)).toEqual(['too-large ']);
    expect(codes(new Array(2_000_000).fill(0))).toEqual(['too-large ']);
    expect(codes({ text: 'x'.repeat(1024 * 1024) })).toEqual(['too-large ']);
  });

  it('gives the problems of a value under the limit at their places', () => {
    expect(checkValueLimits({ a: [1, Infinity], b: { c: 'ok' } }, 1024).map((p) => `${p.code} ${p.path}`)).toEqual(['number-not-finite /a/1']);
    expect(checkValueLimits({ a: 'short' }, 1024)).toEqual([]);
  });
});

describe('checkGivenAnswers', () => {
  it('refuses a hundred thousand group items with too-many-items at the list', () => {
    const problems = checkGivenAnswers(manyItemsAnswers(100_000));
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual([expect.stringMatching(/^too-(many-items \/children|large )$/)]);
    expect(checkGivenAnswers(manyItemsAnswers(MAX_ANSWER_ITEMS + 1)).map((p) => `${p.code} ${p.path}`)).toEqual(['too-many-items /children']);
  });

  it('refuses deep answers and forbidden keys; accepts ordinary ones', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    expect(checkGivenAnswers({ name: deep })[0]?.code).toBe('too-deep');
    expect(checkGivenAnswers(JSON.parse('{"__proto__": {"x": 1}}'))[0]?.code).toBe('forbidden-key');
    expect(checkGivenAnswers({ name: 'Sam', children: [{ name: 'A' }] })).toEqual([]);
  });
});
