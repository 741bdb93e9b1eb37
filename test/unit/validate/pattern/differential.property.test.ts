import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../../runtime/core/index';

/**
 * Our linear-time `test()` against the native engine's `new RegExp(p, 'u').test(s)` on generated
 * patterns from a grammar the native engine runs quickly on short strings. A refusal would hide a
 * disagreement, so the grammar stays inside what we run (no backreferences, no lookaround) and
 * refusals fail the property, except for the size budget that nested counted repetition can pass.
 */
const LITERALS = ['a', 'b', 'c', ' ', '-', '_', '1', 'é', '😀', '\\.', '\\n', '\\u0301', '\\u{1F601}', '\\uD83D\\uDE00', '\\x41', '\\cJ', '\\/'];
const SETS = [
  '.', '[ab]', '[^a]', '[a-c]', '[^\\d]', '[\\s\\S]', '[^]', '[]', '[😀-😂]', '[^😀]', '[-a]', '[\\]a]',
  '\\d', '\\D', '\\w', '\\W', '\\s', '\\S', '\\p{L}', '\\P{L}', '\\p{Letter}', '\\p{Lu}', '\\p{Script=Latin}', '\\p{Mn}', '[\\p{L}\\d]',
];
const ASSERTIONS = ['^', '$', '\\b', '\\B'];
const QUANTIFIERS = ['*', '+', '?', '{0}', '{1}', '{2}', '{3}', '{0,}', '{2,}', '{4,}', '{0,1}', '{1,3}', '{2,2}', '{3,5}', '{0,7}'];

const { pattern } = fc.letrec<{ pattern: string; term: string; atom: string; quantified: string }>((tie) => ({
  pattern: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('term'),
    fc.array(tie('term'), { minLength: 2, maxLength: 3 }).map((options) => options.join('|')),
  ),
  // Mostly non-empty terms and few assertions: an empty alternative matches everything and hides the rest.
  term: fc.oneof(
    { arbitrary: fc.array(fc.oneof({ arbitrary: tie('quantified'), weight: 5 }, { arbitrary: fc.constantFrom(...ASSERTIONS), weight: 1 }), { minLength: 1, maxLength: 4 }), weight: 12 },
    { arbitrary: fc.constant([] as string[]), weight: 1 },
  ).map((items) => items.join('')),
  quantified: fc.tuple(tie('atom'), fc.option(fc.tuple(fc.constantFrom(...QUANTIFIERS), fc.boolean()), { nil: undefined })).map(([atom, q]) =>
    q === undefined ? atom : atom + q[0] + (q[1] ? '?' : ''),
  ),
  atom: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.constantFrom(...LITERALS),
    fc.constantFrom(...SETS),
    fc.tuple(fc.constantFrom('(', '(?:'), tie('pattern')).map(([open, body]) => `${open}${body})`),
  ),
}));

const CHARS = ['a', 'b', 'c', ' ', '-', '_', '1', 'A', '.', '/', 'é', 'e\u0301', '\u0301', '😀', '😁', '😃', '\n', '\r', '\u2028', '\t', '\ud83d', '\ude00'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((parts) => parts.join(''));

/**
 * The native engine as ECMA-262 specifies `test()` under `u`: a match tried at each code point
 * boundary in turn. V8's own unanchored search also tries the middle of a surrogate pair for empty
 * matches (`/\\B/u.test('a😀a')` is true there), which the specification does not.
 */
function native(source: string): (s: string) => boolean {
  const re = new RegExp(source, 'uy');
  return (s) => {
    for (let i = 0; i <= s.length; i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) {
      re.lastIndex = i;
      if (re.test(s)) return true;
    }
    return false;
  };
}

/** Ours; a generated pattern over the size budget is skipped, any other refusal is a failure. */
function ours(source: string): (s: string) => boolean {
  const compiled = compilePattern(source);
  if (!compiled.ok) {
    fc.pre(!compiled.reason.startsWith('it is too large'));
    throw new Error(`refused ${JSON.stringify(source)}: ${compiled.reason}`);
  }
  return (s) => compiled.matcher.test(s);
}

describe('the linear-time matcher agrees with the native engine', () => {
  it('on generated patterns and strings', () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (source, texts) => {
        const [test, expected] = [ours(source), native(source)];
        for (const s of texts) expect(test(s), `${JSON.stringify(source)} on ${JSON.stringify(s)}`).toBe(expected(s));
      }),
      { numRuns: 4000 },
    );
  });

  it('on strings built from the pattern\'s own pieces, so that matches are common', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LITERALS.filter((l) => !l.startsWith('\\'))), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...QUANTIFIERS),
        fc.boolean(),
        fc.array(fc.nat(40), { maxLength: 4 }),
        (pieces, quantifier, anchored, repeats) => {
          const source = `${anchored ? '^' : ''}(?:${pieces.join('|')})${quantifier}${anchored ? '$' : ''}`;
          const [test, expected] = [ours(source), native(source)];
          for (const n of repeats) {
            const s = Array.from({ length: n % 6 }, (_, k) => pieces[(k + n) % pieces.length]).join('');
            expect(test(s), `${JSON.stringify(source)} on ${JSON.stringify(s)}`).toBe(expected(s));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('on counted repetition of one code point (run as a counter) between other pieces', () => {
    const piece = fc.constantFrom('a', 'b', '😀', '.', '[ab]', '\\w', '[^a]', '\\b', '');
    fc.assert(
      fc.property(
        fc.tuple(fc.boolean(), piece, fc.constantFrom('a', '.', '[ab]', '\\p{L}', '[^b]', '😀'), fc.nat(6), fc.nat(6), fc.boolean(), piece, fc.boolean()),
        fc.array(fc.array(fc.constantFrom('a', 'b', '😀', ' '), { maxLength: 16 }).map((cs) => cs.join('')), { minLength: 1, maxLength: 6 }),
        ([start, before, atom, min, extra, open, after, end], texts) => {
          const source = `${start ? '^' : ''}${before}${atom}{${min},${open ? '' : min + extra}}${after}${end ? '$' : ''}`;
          const [test, expected] = [ours(source), native(source)];
          for (const s of texts) expect(test(s), `${JSON.stringify(source)} on ${JSON.stringify(s)}`).toBe(expected(s));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
