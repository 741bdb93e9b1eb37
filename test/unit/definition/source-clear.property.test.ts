import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positioned } from '../../../runtime/core/definition/locate';
import { checkSource, sourceClear } from '../../../runtime/core/definition/source-checks';
import { seededParams } from '../../support/property';

/**
 * The loader skips jsonc-parser's tree when `sourceClear` says the text cannot hold a repeated key
 * or an integer beyond 2^53. The screen may send a clean text to the tree (only slower), never let
 * a faulty one past: held here against the tree's own verdict on generated texts that have them.
 */

/** Strings that look like structure: colons and quotes inside them are where a careless count goes wrong. */
const tricky = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(':', ': x', '"', '\\', '":', '\\":1,"k"'));
const jsonValues = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constantFrom(null, true, 1, -2.5),
    tricky,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** JSON text of a value, some of whose objects write their first key again at the end (the last wins in JSON.parse), with big integers spliced in. */
const texts = fc
  .tuple(
    jsonValues,
    fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    fc.array(fc.constantFrom('9007199254740993', '12345678901234567890', '9007199254740991', '123456789012345', '0.12345678901234567'), { maxLength: 2 }),
    fc.constantFrom('', ' ', '\n  ', '\t'),
  )
  .map(([value, repeats, numbers, space]) => {
    let objects = 0;
    const write = (v: unknown): string => {
      if (v === null || typeof v !== 'object') return JSON.stringify(v);
      if (Array.isArray(v)) return `[${space}${v.map(write).join(`,${space}`)}]`;
      const entries = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}${space}:${space}${write(x)}`);
      if (entries.length && repeats[objects++ % repeats.length]) entries.push(`${JSON.stringify(Object.keys(v)[0])}:0`);
      return `{${space}${entries.join(`,${space}`)}}`;
    };
    let text = write(value);
    for (const n of numbers) text = `[${n},${text}]`;
    return text;
  });

describe('the source screen in front of the parse tree', () => {
  it('never clears a text the tree finds a repeated key or an unsafe integer in', () => {
    let faulty = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const value: unknown = JSON.parse(text);
        const found = checkSource(positioned(text));
        if (found.length) faulty++;
        if (sourceClear(text, value)) expect(found).toEqual([]);
        // And the loader's call (with the value) gives the tree's verdict.
        expect(checkSource(positioned(text), value)).toEqual(found);
      }),
      seededParams(400),
    );
    // The generator reaches faults, or the property proves nothing.
    expect(faulty).toBeGreaterThan(50);
  });

  it('clears what JSON.stringify writes when it has no run of 16 digits, so the tree is skipped', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), jsonValues), fc.constantFrom('', '  '), (value, space) => {
        const text = JSON.stringify(value, null, space);
        fc.pre(!/\d{16}/.test(text));
        expect(sourceClear(text, JSON.parse(text))).toBe(true);
      }),
      seededParams(300),
    );
  });

  it('sends named cases to the tree: a key written twice deep down, an unsafe integer; clears escaped quotes and colons in strings', () => {
    expect(sourceClear('{"a":{"b":1,"b":2}}', { a: { b: 2 } })).toBe(false);
    expect(sourceClear('{"a\\":":1,"b":"x:"}', { 'a":': 1, b: 'x:' })).toBe(true);
    // A value starting with a colon after another value (a pattern for keys alone finds a key at its opening quote).
    expect(sourceClear('["a",":x",{"k":1}]', ['a', ':x', { k: 1 }])).toBe(true);
    expect(sourceClear('["a",":x",{"k":1,"k":2}]', ['a', ':x', { k: 2 }])).toBe(false);
    expect(sourceClear('{"n":9007199254740993}', { n: 9007199254740993 })).toBe(false);
    expect(sourceClear('{"n":900719925474099}', { n: 900719925474099 })).toBe(true);
  });
});
