import { describe, expect, it } from 'vitest';
import { checkValueLimits, contentHash, loadDefinition, loadDefinitionText, MAX_PROBLEMS_PER_CODE, type Problem } from '../../../runtime/core/index';
import { minimalDefinition } from '../../support/minimal-definition';

/** A definition that loads, with one question whose schema each test breaks. */
const minimal = {
  ...minimalDefinition,
  schema: { type: 'object', properties: { count: { type: 'integer', 'x-code': 'count', title: 'Count' } } },
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/count' }] },
};
const text = JSON.stringify(minimal, null, 2);
const bytes = (s: string) => new TextEncoder().encode(s);
const codes = (problems: Problem[]) => problems.map((p) => p.code);
/** The text with `"Count"` (the question's title) replaced by a JSON value written as it stands. */
const withTitle = (json: string) => text.replace('"title": "Count"', `"title": ${json}`);
/** The text with the question's schema given one more keyword, written as it stands. */
const withKeyword = (keyword: string, json: string) => text.replace('"x-code": "count"', `"x-code": "count",\n        "${keyword}": ${json}`);

describe('the loader: bytes → text', () => {
  it('loads the same definition from bytes and from text', () => {
    const fromBytes = loadDefinition(bytes(text));
    expect(fromBytes.ok).toBe(true);
    expect(fromBytes.ok && contentHash(fromBytes.raw)).toBe(contentHash(minimal));
    // Multi-byte text decodes: what is wrong with this one is only its envelope.
    expect(new Set(codes(loadDefinition(bytes('{"a":"é 😀"}')).problems))).toEqual(new Set(['envelope-invalid']));
  });

  it('refuses a byte-order mark, from bytes and from text alike', () => {
    const bom = loadDefinition(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]));
    expect(bom.ok).toBe(false);
    expect(bom.problems).toEqual([expect.objectContaining({ code: 'encoding-bom', path: '', line: 1, column: 1 })]);
    expect(codes(loadDefinitionText('\ufeff' + text).problems)).toEqual(['encoding-bom']);
  });

  it.each([
    ['UTF-16 LE with a BOM', [0xff, 0xfe, 0x7b, 0x00]],
    ['UTF-16 BE with a BOM', [0xfe, 0xff, 0x00, 0x7b]],
    ['UTF-16 LE without a BOM', [0x7b, 0x00, 0x7d, 0x00]],
    ['UTF-16 BE without a BOM', [0x00, 0x7b, 0x00, 0x7d]],
    ['UTF-32 BE', [0x00, 0x00, 0x00, 0x7b]],
  ])('refuses %s as encoding-utf16', (_name, head) => {
    const r = loadDefinition(new Uint8Array(head));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'encoding-utf16', path: '', params: expect.objectContaining({ byteOffset: 0 }) })]);
  });

  it.each([
    ['a stray continuation byte', [0x80]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['a UTF-8 encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a sequence cut short', [0xe2, 0x82]],
    ['a byte never used in UTF-8', [0xff]],
  ])('refuses %s as encoding-invalid at its byte offset and line', (_name, bad) => {
    const head = bytes('{\n  "title": "caf');
    const r = loadDefinition(new Uint8Array([...head, ...bad, ...bytes('"\n}')]));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'encoding-invalid', line: 2, params: expect.objectContaining({ byteOffset: head.length }) })]);
  });

  it('decodes every well-formed sequence length', () => {
    const r = loadDefinition(bytes(withTitle('"a é € 😀"')));
    expect(r.ok && (r.value.schema as { properties: { count: { title: string } } }).properties.count.title).toBe('a é € 😀');
  });
});

describe('the loader: duplicate keys', () => {
  it('reports a repeated top-level key at the second one, naming both lines', () => {
    const r = loadDefinitionText(text.replace('"version": "1.0.0",', '"version": "1.0.0",\n  "version": "2.0.0",'));
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'key-duplicate', path: '/version', line: 4, params: expect.objectContaining({ firstLine: 3, line: 4 }) })]);
  });

  it('reports a repeated key deep in the schema at its pointer', () => {
    const r = loadDefinitionText(withKeyword('type', '"string"'));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'key-duplicate', path: '/schema/properties/count/type', params: expect.objectContaining({ firstLine: 13, line: 15 }) })]);
  });

  it('lists at most 100 problems of each code in a file with thousands, then how many more', () => {
    const many = '{' + Array.from({ length: 30_000 }, (_, i) => `"a":"\\ud800","n${i}":1e400`).join(',') + '}';
    const problems = loadDefinitionText(many).problems;
    for (const code of ['key-duplicate', 'number-not-finite']) {
      const found = problems.filter((p) => p.code === code);
      expect(found, code).toHaveLength(MAX_PROBLEMS_PER_CODE + 1);
      expect(found.at(-1)?.params).toEqual({ omitted: code === 'key-duplicate' ? 29_999 - MAX_PROBLEMS_PER_CODE : 30_000 - MAX_PROBLEMS_PER_CODE });
    }
  });

  it('leaves equal keys in different objects alone', () => {
    expect(loadDefinitionText(text).ok).toBe(true);
  });
});

describe('the loader: values canonical JSON cannot represent', () => {
  it('refuses a lone surrogate in a string at its pointer', () => {
    const r = loadDefinitionText(withTitle('"Count \\ud800"'));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'string-lone-surrogate', path: '/schema/properties/count/title', line: 15 })]);
  });

  it('refuses a lone surrogate in a key at the key', () => {
    const r = loadDefinitionText(text.replace('"properties": {', '"properties": {\n      "a\\udc00": { "type": "string" },'));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'string-lone-surrogate', path: '/schema/properties/a\udc00' })]);
  });

  it('accepts a surrogate pair, escaped or not', () => {
    expect(loadDefinitionText(withTitle('"\\ud83d\\ude00 😀"')).ok).toBe(true);
  });

  it('refuses a number too large for a double (1e400) at its pointer', () => {
    const r = loadDefinitionText(withKeyword('maximum', '1e400'));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'number-not-finite', path: '/schema/properties/count/maximum' })]);
    expect(codes(loadDefinitionText(withKeyword('minimum', '-1e400')).problems)).toEqual(['number-not-finite']);
  });

  it.each([
    ['enum', '[1, 9007199254740993]', '/schema/properties/count/enum/1'],
    ['const', '9007199254740993', '/schema/properties/count/const'],
    ['minimum', '-9007199254740993', '/schema/properties/count/minimum'],
    ['default', '12345678901234567890123', '/schema/properties/count/default'],
  ])('refuses 2^53 + 1 in %s at its pointer', (keyword, json, path) => {
    const r = loadDefinitionText(withKeyword(keyword, json));
    expect(r.problems).toEqual([expect.objectContaining({ code: 'number-unsafe-integer', path })]);
  });

  it('accepts the largest safe integers, decimals and exponents', () => {
    for (const json of ['9007199254740991', '-9007199254740991', '0.1', '1e20', '9007199254740993.5']) {
      expect(loadDefinitionText(withKeyword('maximum', json)).problems, json).toEqual([]);
    }
  });
});

describe('checkValueLimits: a definition that arrives as a value', () => {
  it('names every value canonical JSON cannot write, at its pointer', () => {
    const value = { a: 'x\ud800', ['k\udfff']: 1, n: [1, Infinity, Number.NaN], big: 10n, f: () => 1, ok: '😀' };
    expect(checkValueLimits(value).map((p) => [p.code, p.path])).toEqual(
      expect.arrayContaining([
        ['string-lone-surrogate', '/a'],
        ['string-lone-surrogate', '/k\udfff'],
        ['number-not-finite', '/n/1'],
        ['number-not-finite', '/n/2'],
        ['value-not-json', '/big'],
        ['value-not-json', '/f'],
      ]),
    );
    expect(checkValueLimits(value)).toHaveLength(6);
  });

  it('checks a bare string or number too', () => {
    expect(codes(checkValueLimits('\udc00'))).toEqual(['string-lone-surrogate']);
    expect(codes(checkValueLimits(-Infinity))).toEqual(['number-not-finite']);
    expect(checkValueLimits({ a: ['ok', 1.5, null, true] })).toEqual([]);
  });
});
