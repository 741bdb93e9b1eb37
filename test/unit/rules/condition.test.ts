import { describe, expect, it } from 'vitest';
import { evaluateCondition, matchesSchema, scopeToDataPath } from '../../../runtime/core/index';

const answers = { safe: true, age: 12, name: 'Sam', tags: ['a', 'b'], group: [{ atSchool: true }, { atSchool: false }], nested: { x: 1 } };

describe('evaluateCondition (eval-free JSON Forms conditions)', () => {
  it('evaluates schema-based conditions on the scoped answer', () => {
    expect(evaluateCondition({ scope: '#/properties/safe', schema: { const: true } }, answers)).toBe(true);
    expect(evaluateCondition({ scope: '#/properties/safe', schema: { const: false } }, answers)).toBe(false);
    expect(evaluateCondition({ scope: '#/properties/age', schema: { minimum: 10, exclusiveMaximum: 12 } }, answers)).toBe(false);
    expect(evaluateCondition({ scope: '#/properties/age', schema: { type: 'integer', maximum: 12 } }, answers)).toBe(true);
    expect(evaluateCondition({ scope: '#/properties/tags', schema: { contains: { const: 'b' }, minItems: 2, maxItems: 2 } }, answers)).toBe(true);
    expect(evaluateCondition({ scope: '#/properties/name', schema: { enum: ['Sam', 'Alex'], minLength: 3 } }, answers)).toBe(true);
    expect(evaluateCondition({ scope: '#/properties/nested', schema: { properties: { x: { const: 1 } }, required: ['x'] } }, answers)).toBe(true);
    expect(evaluateCondition({ scope: '#', schema: { required: ['missing'] } }, answers)).toBe(false);
    expect(evaluateCondition({ scope: '#/properties/age', schema: { not: { anyOf: [{ const: 1 }, { const: 2 }] }, allOf: [{ type: 'number' }] } }, answers)).toBe(true);
  });

  it('treats an unanswered question as JSON Forms does, honouring failWhenUndefined', () => {
    expect(evaluateCondition({ scope: '#/properties/none', schema: { not: { const: true } } }, answers)).toBe(true);
    expect(evaluateCondition({ scope: '#/properties/none', schema: { minimum: 3 } }, answers)).toBe(true);
    expect(evaluateCondition({ scope: '#/properties/none', schema: { minimum: 3 }, failWhenUndefined: true }, answers)).toBe(false);
    expect(evaluateCondition({ scope: '#/properties/none', schema: { const: true } }, answers)).toBe(false);
  });

  it('combines conditions with AND / OR, and supports the legacy expectedValue', () => {
    const yes = { scope: '#/properties/safe', schema: { const: true } };
    const no = { scope: '#/properties/safe', expectedValue: false };
    expect(evaluateCondition({ type: 'AND', conditions: [yes, no] }, answers)).toBe(false);
    expect(evaluateCondition({ type: 'OR', conditions: [yes, no] }, answers)).toBe(true);
    expect(evaluateCondition({ type: 'LEAF', scope: '#/properties/age', expectedValue: 12 }, answers)).toBe(true);
  });

  it('resolves scopes inside a repeatable group item against that item', () => {
    const condition = { scope: '#/properties/atSchool', schema: { const: true } };
    expect(evaluateCondition(condition, answers, undefined, ['group', 0])).toBe(true);
    expect(evaluateCondition(condition, answers, undefined, ['group', 1])).toBe(false);
  });

  it('fails closed on unsupported keywords and malformed conditions, and never reads inherited keys', () => {
    expect(evaluateCondition({ scope: '#/properties/name', schema: { pattern: '^S' } }, answers)).toBe(false);
    expect(evaluateCondition({ scope: 42, schema: {} }, answers)).toBe(false);
    expect(evaluateCondition(null, answers)).toBe(false);
    expect(evaluateCondition({ scope: '#/properties/constructor', schema: { type: 'object' } }, {})).toBe(false);
    expect(evaluateCondition({ scope: '#/properties/__proto__', schema: { type: 'object' }, failWhenUndefined: true }, {})).toBe(false);
  });

  it('survives deeply nested hostile conditions without recursion errors', () => {
    let condition: unknown = { scope: '#/properties/safe', schema: { const: true } };
    for (let i = 0; i < 10_000; i++) condition = { type: 'AND', conditions: [condition] };
    expect(evaluateCondition(condition, answers)).toBe(false);
    let schema: unknown = { const: true };
    for (let i = 0; i < 10_000; i++) schema = { not: schema };
    expect(matchesSchema(schema, true)).toBe(false);
  });

  it('the rule engine contains no eval or Function constructor', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('../../../runtime/core/rules/', import.meta.url);
    for (const file of await readdir(dir)) {
      const text = await readFile(new URL(file, dir), 'utf8');
      expect(text, file).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/);
    }
  });
});

describe('scopeToDataPath', () => {
  it('follows JSON Forms: every second segment, # is the whole data', () => {
    expect(scopeToDataPath('#')).toEqual([]);
    expect(scopeToDataPath('#/properties/a/properties/b')).toEqual(['a', 'b']);
    expect(scopeToDataPath('#/properties/a~1b')).toEqual(['a/b']);
  });
});
