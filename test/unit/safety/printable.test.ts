import { describe, expect, it } from 'vitest';
import { printable } from '../../../runtime/core/index';

describe('printable', () => {
  it('escapes control characters, bidirectional controls and lone surrogates, and nothing else', () => {
    expect(printable('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(printable('\u0000\u001b[31m\u007f\u0085')).toBe('\\u0000\\u001b[31m\\u007f\\u0085');
    expect(printable('abc\u202etxt.json \u2066x\u2069 \u200f \u2028')).toBe('abc\\u202etxt.json \\u2066x\\u2069 \\u200f \\u2028');
    expect(printable('\ud800x \udc00')).toBe('\\ud800x \\udc00');
    expect(printable('Ünïcödé 😀 C:\\forms\\a.json “quoted”')).toBe('Ünïcödé 😀 C:\\forms\\a.json “quoted”');
  });
});
