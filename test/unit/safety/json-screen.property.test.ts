import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkValueLimits, clearedByJson, limits, walkValueLimits } from '../../../runtime/core/safety/limits';
import { workloadDefinition } from '../../bench/workload';
import { seededParams } from '../../support/property';

/**
 * checkValueLimits clears a value with JSON.stringify before it walks it (safety/limits.ts): the
 * screen may only say yes where the walk finds nothing. Held here to the walk on generated values
 * with every fault the walk looks for planted at random depths, and on the edges of each pattern.
 */
const LONE = ['\ud800', '\udfff', 'a\udbffb', '\udc00\ud800'];
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/** A value the walk may refuse: JSON with, now and then, something JSON has no form for. */
const leaf = fc.oneof(
  { weight: 12, arbitrary: fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, Number.NaN, Infinity, -Infinity, 1n, Symbol('s'), () => 1) },
  { weight: 2, arbitrary: fc.constantFrom(...LONE, 'annulled: null', '\\ud800', '"\t__proto__": ', 'x\n\tnull,\n', 'constructor') },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(new Date(0), { toJSON: () => 'clean' }, Object.assign(Object.create(null), { a: 1 })) },
);

const key = fc.oneof({ weight: 8, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.constantFrom(...FORBIDDEN, ...LONE, 'null', 'toJSON') });

/** An object with own keys as JSON.parse makes them (`__proto__` an own property, not the prototype). */
function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 5 }),
  object: fc.array(fc.tuple(key, tie('tree')), { maxLength: 5 }).map(objectOf),
}));

function nested(depth: number, inner: unknown): unknown {
  let v = inner;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
  return v;
}

describe('the JSON screen in front of the value-limits walk', () => {
  it('answers as the walk does for generated values with faults planted anywhere', () => {
    fc.assert(
      fc.property(tree, fc.oneof(fc.constantFrom(Infinity, limits.definitionBytes), fc.integer({ min: 2, max: 300 })), (value, maxBytes) => {
        expect(checkValueLimits(value, maxBytes)).toEqual(walkValueLimits(value, maxBytes));
      }),
      seededParams(400),
    );
  });

  it('answers as the walk does at the depth limit and one past it, for objects and arrays', () => {
    for (const depth of [limits.depth - 1, limits.depth, limits.depth + 1, limits.depth + 2]) {
      for (const inner of [{}, [], 1, 'x', null]) {
        const value = { root: nested(depth, inner) };
        expect(checkValueLimits(value), `depth ${depth}, ${JSON.stringify(inner)}`).toEqual(walkValueLimits(value));
      }
    }
    expect(checkValueLimits(nested(limits.depth + 1, {}))).not.toEqual([]);
  });

  it('answers as the walk does for cycles, sizes at the limit, and values toJSON or a getter would hide', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    const big = { text: 'x'.repeat(400) };
    const hidden = { a: { toJSON: () => ({ clean: true }), fn: () => 1 } };
    const throwing = Object.defineProperty({}, 'bad', { enumerable: true, get: () => { throw new Error('no'); } });
    for (const [value, max] of [[cycle, 10_000], [big, 1_300], [big, 1_000], [big, 300], [hidden, Infinity]] as const) {
      expect(checkValueLimits(value, max)).toEqual(walkValueLimits(value, max));
    }
    expect(checkValueLimits(hidden)).toEqual([expect.objectContaining({ code: 'value-not-json', path: '/a/toJSON' }), expect.objectContaining({ path: '/a/fn' })]);
    expect(() => checkValueLimits(throwing)).toThrow('no');
  });

  it('clears every shipped form and the 1000-question workload itself, without the walk', () => {
    // The screen exists for speed: a pattern that suspected ordinary text ("include" once matched a
    // surrogate pattern missing its backslash) sent every form to the walk, and no answer changed.
    const forms = readdirSync('form-definitions', { withFileTypes: true }).filter((d) => d.isDirectory());
    let n = 0;
    for (const dir of forms) {
      for (const file of readdirSync(join('form-definitions', dir.name))) {
        expect(clearedByJson(JSON.parse(readFileSync(join('form-definitions', dir.name, file), 'utf8')), limits.definitionBytes), `${dir.name}/${file}`).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(7);
    expect(clearedByJson(workloadDefinition(1000), limits.definitionBytes)).toBe(true);
  });
});
