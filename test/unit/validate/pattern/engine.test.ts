import { describe, expect, it } from 'vitest';
import { compilePattern, linearRegExp, PatternUnsupportedError } from '../../../../runtime/core/index';
import { MAX_PATTERN_STATES } from '../../../../runtime/core/validate/pattern/index';

function test(pattern: string, text: string): boolean {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) throw new Error(`refused ${JSON.stringify(pattern)}: ${compiled.reason}`);
  return compiled.matcher.test(text);
}

function reason(pattern: string): string {
  const compiled = compilePattern(pattern);
  return compiled.ok ? 'accepted' : compiled.reason;
}

describe('compilePattern (linear-time matcher): hand cases', () => {
  it('decides Unicode properties and classes on whole code points', () => {
    expect(test('^\\p{Letter}+$', 'Zoë Łukasz')).toBe(false); // the space
    expect(test('^\\p{Letter}+$', 'ZoëŁukasz')).toBe(true);
    expect(test('^\\p{L}+$', '漢字')).toBe(true);
    expect(test('^\\P{L}$', '1')).toBe(true);
    expect(test('[^\\d]', '123')).toBe(false);
    expect(test('[^\\d]', '12x')).toBe(true);
    expect(test('^.$', '😀')).toBe(true);
    expect(test('^..$', '😀')).toBe(false);
    expect(test('^[😀-😂]$', '😁')).toBe(true);
    expect(test('^[^a]$', '😀')).toBe(true);
    expect(test('^\\uD83D\\uDE00$', '😀')).toBe(true);
    expect(test('^\\u{1F600}$', '😀')).toBe(true);
    expect(test('\\uDE00', '😀')).toBe(false); // never half a pair
    expect(test('^.$', '\uD83D')).toBe(true); // a lone surrogate is one code point
    expect(test('.', '\n')).toBe(false);
    expect(test('^\\x41\\cJ\\0\\t\\/\\.$', 'A\n\0\t/.')).toBe(true);
  });

  it('decides ^, $, \\b and \\B as positions, $ only at the very end', () => {
    expect(test('\\bcat\\b', 'a cat sat')).toBe(true);
    expect(test('\\bcat\\b', 'concat')).toBe(false);
    expect(test('\\Bcat', 'concat')).toBe(true);
    expect(test('^cat$', 'cat\n')).toBe(false);
    expect(test('^$', '')).toBe(true);
    expect(test('a^', 'a')).toBe(false);
    expect(test('\\bé', ' é')).toBe(false); // é is not a word character without the i flag
  });

  it('handles empty patterns, empty alternatives and zero repetitions', () => {
    expect(test('', '')).toBe(true);
    expect(test('', 'anything')).toBe(true);
    expect(test('a|', 'b')).toBe(true);
    expect(test('^(?:a|)$', '')).toBe(true);
    expect(test('(?:)', 'x')).toBe(true);
    expect(test('^x{0}$', '')).toBe(true);
    expect(test('^x{0}$', 'x')).toBe(false);
    expect(test('^(?:){99999}$', '')).toBe(true);
  });

  it('handles counted, open, nested and lazy repetition', () => {
    expect(test('^a{2,}$', 'a')).toBe(false);
    expect(test('^a{2,}$', 'aaaa')).toBe(true);
    expect(test('^a{2,3}$', 'aaaa')).toBe(false);
    expect(test('^a{2,3}?$', 'aaa')).toBe(true);
    expect(test('^(a*)*$', 'aaaa')).toBe(true);
    expect(test('^(a*)*$', 'aaba')).toBe(false);
    expect(test('^(?:a+?)+?b$', 'aaab')).toBe(true);
    expect(test('^(?<year>\\d{4})-(\\d{2})$', '2026-11')).toBe(true);
    expect(test('^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$', 'SW1A 1AA')).toBe(true);
  });

  it('counts repetition of one code point without copying it, in code points', () => {
    expect(test('^.{0,1000}$', 'x'.repeat(1000))).toBe(true);
    expect(test('^.{0,1000}$', 'x'.repeat(1001))).toBe(false);
    expect(test('^😀{2}$', '😀😀')).toBe(true);
    expect(test('^😀{2}$', '😀😀😀')).toBe(false);
    expect(test('^.{3}$', '😀😀😀')).toBe(true);
    expect(test('^(?:a{2,3}b)*$', 'aabaaab')).toBe(true);
    expect(test('^(?:a{2,3}b)*$', 'aabab')).toBe(false);
    expect(test('^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})+$', 'someone@example.org.uk')).toBe(true);
    // Unanchored, so a thread enters at every position: thousands of entries kept and trimmed.
    expect(test('a{2000,3000}b', 'a'.repeat(2500) + 'b')).toBe(true);
    expect(test('a{2000,3000}b', 'a'.repeat(1500) + 'b')).toBe(false);
    expect(test('a{2000,3000}b', 'a'.repeat(9000) + 'b')).toBe(true);
    expect(test('^a{2000,3000}b', 'a'.repeat(9000) + 'b')).toBe(false);
    expect(test('x{2000,}y', 'x'.repeat(1999) + 'y')).toBe(false);
    expect(test('x{2000,}y', 'x'.repeat(5000) + 'y')).toBe(true);
  });

  it('runs patterns that are catastrophic for a backtracking engine on 10,000 characters', () => {
    const long = 'a'.repeat(10_000);
    expect(test('(a|a)*b', long)).toBe(false);
    expect(test('^(a+)+$', long + '!')).toBe(false);
    expect(test('^(a+)+$', long)).toBe(true);
    expect(test('^(a|aa)*$', long)).toBe(true);
    expect(test('^(\\w+\\s?)*$', long + '!')).toBe(false);
    expect(test('(.*a){20}', long)).toBe(true);
  });

  it('refuses what cannot run in linear time, with a reason', () => {
    expect(reason('(a)\\1')).toMatch(/backreference/);
    expect(reason('(?<x>a)\\k<x>')).toMatch(/backreference/);
    expect(reason('(?=a)')).toMatch(/lookahead/);
    expect(reason('a(?!b)')).toMatch(/lookahead/);
    expect(reason('(?<=a)b')).toMatch(/lookbehind/);
    expect(reason('(?<!a)b')).toMatch(/lookbehind/);
    expect(reason('(a{1000}){1000}')).toMatch(/too large/);
    expect(reason(`(?:ab){${MAX_PATTERN_STATES / 2}}`)).toMatch(/too large/);
    expect(reason(`(?:ab){${MAX_PATTERN_STATES / 2 - 1}}`)).toBe('accepted');
    expect(reason('(?:ab){99999999999999999999999999999999999999999999}')).toMatch(/too large/);
    expect(test(`^a{${'9'.repeat(400)}}$`, 'a'.repeat(100))).toBe(false); // one code point: a counter, whatever the bound
    expect(reason('([a-z')).toMatch(/^invalid syntax/);
    expect(reason('a{2,1}')).toMatch(/^invalid syntax/);
    expect(reason('\\-')).toMatch(/^invalid syntax/); // an identity escape not allowed with `u`
    expect(reason('('.repeat(200) + ')'.repeat(200))).toMatch(/nested more than/);
  });

  it('throws PatternUnsupportedError from the AJV engine function, naming the reason', () => {
    expect(() => linearRegExp('(a)\\1', 'u')).toThrow(PatternUnsupportedError);
    expect(linearRegExp('^a+$', 'u').test('aaa')).toBe(true);
    expect(String(linearRegExp('^a+$', 'u'))).toBe('/^a+$/u');
    expect(linearRegExp.code).toContain('linearRegExp');
  });
});
