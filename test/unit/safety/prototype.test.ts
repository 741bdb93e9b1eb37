import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRules, checkSchemaSafety, computeValues, evaluateCondition, hiddenAnswerPointers, tryCompileValidator, validateResponse } from '../../../runtime/core/index';
import { fixtureDefinition } from '../validate/fixture';
import { seededParams } from '../../support/property';

const HOSTILE = ['__proto__', 'constructor', 'prototype'];

/**
 * The value as a file would give it: JSON text with a hostile key added to the object reached by
 * following `path` as far as it goes, parsed by JSON.parse (which keeps `__proto__` as an own key).
 */
function withHostileKey(value: unknown, path: Array<string | number>, key: string): unknown {
  // `rest` is null off the path: only one object gets the key.
  const text = (node: unknown, rest: Array<string | number> | null): string => {
    if (node === null || typeof node !== 'object') return JSON.stringify(node);
    const [head, ...tail] = rest ?? [];
    const child = (k: string | number) => (rest && k === head ? tail : null);
    if (Array.isArray(node)) return `[${node.map((item, i) => text(item, child(i))).join(',')}]`;
    const entries = Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}:${text(v, child(k))}`);
    const next = head === undefined ? undefined : (node as Record<string, unknown>)[head];
    const goesDeeper = Object.prototype.hasOwnProperty.call(node, head ?? '') && next !== null && typeof next === 'object' && !Array.isArray(node);
    if (rest && !goesDeeper) entries.unshift(`${JSON.stringify(key)}:{"polluted":true,"toString":1}`);
    return `{${entries.join(',')}}`;
  };
  return JSON.parse(text(value, path));
}

function snapshot(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype].flatMap((p) => Object.getOwnPropertyNames(p).sort());
}

describe('prototype safety of validation, safety checks and rules', () => {
  const definition = fixtureDefinition();
  const paths = fc.array(fc.oneof(fc.constantFrom('properties', 'children', 'items', 'childAge', 'uischema', 'elements', 'schema', 'allOf'), fc.nat(3)), { maxLength: 5 });

  it('hostile keys at random depths of definitions and answers never change Object.prototype', () => {
    const before = snapshot();
    fc.assert(
      fc.property(paths, fc.constantFrom(...HOSTILE), paths, fc.constantFrom(...HOSTILE), (defPath, defKey, ansPath, ansKey) => {
        const hostileDefinition = withHostileKey(definition, defPath, defKey) as ReturnType<typeof fixtureDefinition>;
        const hostileAnswers = withHostileKey({ childAge: 3, children: [{ age: 1 }] }, ansPath, ansKey);
        const schema = (hostileDefinition.schema ?? {}) as Record<string, unknown>;
        const uischema = (hostileDefinition.uischema ?? {}) as Record<string, unknown>;
        const target = { schema, uischema };
        checkSchemaSafety(schema);
        tryCompileValidator(target);
        checkRules(target);
        hiddenAnswerPointers(target, hostileAnswers);
        computeValues(target, hostileAnswers);
        evaluateCondition({ scope: `#/properties/${ansKey}`, schema: { type: 'object' } }, hostileAnswers);
        const problems = validateResponse(target, hostileAnswers);
        // Answers carrying a hostile key are refused, by name.
        if (JSON.stringify(hostileAnswers).includes(`"${ansKey}"`)) expect(problems.some((p) => p.code === 'forbidden-key')).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      seededParams(300),
    );
    expect(snapshot()).toEqual(before);
  });
});
