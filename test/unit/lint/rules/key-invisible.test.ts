import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode, type Json } from '../helpers';

/** Renames a top-level property everywhere the valid fixture names it (schema, required, UI scope). */
function renameVisitDate(d: Json, name: string): void {
  const { visitDate, ...rest } = d.schema.properties;
  d.schema.properties = { ...rest, [name]: visitDate };
  d.schema.required = ['safeToTalk', name];
  d.uischema.elements[0].elements[1].scope = `#/properties/${name}`;
}

describe('key-invisible', () => {
  it('passes the plain names and option values of the valid fixture', () => {
    expect(withCode(lintFixture('valid'), 'key-invisible')).toEqual([]);
  });

  it('reports a zero-width space in a key, as an error naming U+200B', () => {
    const [problem] = withCode(lintFixture('key-invisible'), 'key-invisible');
    expect(problem?.path).toBe('/schema/properties/visit\u200bDate');
    expect(problem?.severity).toBe('error');
    expect(problem?.params?.characters).toEqual(['U+200B']);
  });

  it.each([
    ['a right-to-left override', '\u202e', 'U+202E'],
    ['a NUL', '\u0000', 'U+0000'],
    ['a left-to-right mark', '\u200e', 'U+200E'],
    ['an Arabic letter mark', '\u061c', 'U+061C'],
    ['a word joiner', '\u2060', 'U+2060'],
    ['a byte-order mark', '\ufeff', 'U+FEFF'],
  ])('reports %s in a key', (_, ch, cp) => {
    const problems = withCode(lintChanged((d) => renameVisitDate(d, `visit${ch}Date`)), 'key-invisible');
    expect(problems.map((p) => p.params?.characters)).toEqual([[cp]]);
  });

  it('reports group item keys, $defs names and option values', () => {
    const problems = lintChanged((d) => {
      const items = d.schema.properties.children.items;
      items.properties = { ['na\u200cme']: items.properties.name, age: items.properties.age };
      items.required = ['na\u200cme'];
      d.uischema.elements[0].elements[4].options.detail.elements[0].scope = '#/properties/na\u200cme';
      d.schema.$defs = { ['short\u2066Text']: { type: 'string' } };
      d.schema.properties.contact.oneOf[1].const = 'in\u200bperson';
    });
    expect(pathsOf(problems, 'key-invisible').sort()).toEqual([
      '/schema/$defs/short\u2066Text',
      '/schema/properties/children/items/properties/na\u200cme',
      '/schema/properties/contact/oneOf/1/const',
    ]);
  });
});
