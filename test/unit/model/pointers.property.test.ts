import fc from 'fast-check';
import { encode, resolveSchema, toDataPathSegments } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { getAtPointer, pointerFromTokens, schemaAtScope, scopeKey, scopePropertyPath, scopeToDataPath, tokensFromPointer } from '../../../runtime/core/model/pointers';
import { seededParams } from '../../support/property';

// Keys with the characters pointers and scopes escape or might decode: `/`, `~`, `%`, spaces, `#`.
const keyChar = fc.constantFrom('a', 'b', 'Z', '0', '/', '~', '%', '2', ' ', '#', '.', 'é', '~0', '~1', '%20');
const key = fc.array(keyChar, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const keyPath = fc.array(key, { minLength: 1, maxLength: 4 });
/**
 * Keys JSON Forms itself cannot address: it unescapes only the first `~0` of a segment (its
 * `decode`), and its schema resolution skips a segment `#`. For those we hold to RFC 6901 alone.
 */
const jsonFormsRoundTrips = (k: string) => (encode(k).match(/~0/g) ?? []).length <= 1 && k !== '#';

const scopeOf = (path: string[], combinators: boolean[] = []) =>
  '#' + path.map((k, i) => (combinators[i] ? `/anyOf/0` : '') + `/properties/${encode(k)}`).join('');

function schemaFor(path: string[], leaf: object, combinators: boolean[] = []): Record<string, unknown> {
  let node: Record<string, unknown> = leaf as Record<string, unknown>;
  for (let i = path.length - 1; i >= 0; i--) {
    const object = { type: 'object', properties: { [path[i]!]: node } };
    node = combinators[i] ? { anyOf: [object] } : object;
  }
  return node;
}

describe('one pointer and scope module, read as JSON Forms reads scopes', () => {
  it('a scope names the data path JSON Forms names (toDataPathSegments), through anyOf too', () => {
    fc.assert(
      fc.property(keyPath, fc.array(fc.boolean(), { maxLength: 4 }), (path, combinators) => {
        const scope = scopeOf(path, combinators);
        expect([...scopeToDataPath(scope)]).toEqual(path);
        if (path.every(jsonFormsRoundTrips)) expect([...scopeToDataPath(scope)]).toEqual(toDataPathSegments(scope));
        if (!combinators.some(Boolean)) expect(scopePropertyPath(scope)).toEqual(path);
        if (path.length === 1 && !combinators.some(Boolean)) expect(scopeKey(scope)).toBe(path[0]);
      }),
      seededParams(400),
    );
  });

  it('a scope names the schema JSON Forms resolves (resolveSchema)', () => {
    fc.assert(
      fc.property(keyPath, (path) => {
        const leaf = { type: 'string', title: 'leaf' };
        const schema = schemaFor(path, leaf);
        const scope = scopeOf(path);
        expect(schemaAtScope(schema, scope)).toBe(leaf);
        if (path.every(jsonFormsRoundTrips)) expect(resolveSchema(schema, scope, schema)).toBe(leaf);
      }),
      seededParams(400),
    );
  });

  it('a percent-escape in a scope is read as written, by JSON Forms and by us: `%20` is not a space', () => {
    const schema = { type: 'object', properties: { 'rate pct': { type: 'number' } } };
    const scope = '#/properties/rate%20pct';
    expect(resolveSchema(schema, scope, schema)).toBeUndefined();
    expect(schemaAtScope(schema, scope)).toBeUndefined();
    expect([...scopeToDataPath(scope)]).toEqual(toDataPathSegments(scope));
    expect(scopeKey(scope)).toBe('rate%20pct');
    // A malformed escape is just text in a scope: nothing throws.
    expect(scopeKey('#/properties/100%')).toBe('100%');
    expect(schemaAtScope(schema, '#/properties/100%')).toBeUndefined();
  });

  it('RFC 6901 pointers round-trip any tokens', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 5 }), (tokens) => {
        expect(tokensFromPointer(pointerFromTokens(tokens))).toEqual(tokens);
        const doc = tokens.reduceRight<unknown>((inner, t) => ({ [t]: inner }), 'here');
        expect(getAtPointer(doc, pointerFromTokens(tokens))).toBe('here');
      }),
      seededParams(300),
    );
  });
});
