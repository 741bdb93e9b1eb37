import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

/** Issue 17, point 1: two options with one code were accepted, and picking one recorded the other. */
describe('option-code-duplicate', () => {
  it('passes options with different codes', () => {
    expect(pathsOf(lintFixture('valid'), 'option-code-duplicate')).toEqual([]);
  });

  it('reports the second option of a code, as an error naming the first', () => {
    const [p, ...rest] = withCode(lintFixture('option-code-duplicate'), 'option-code-duplicate');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'error', path: '/schema/properties/contact/oneOf/2', params: { key: 'contact', code: 'phone', first: '/schema/properties/contact/oneOf/0' } });
  });

  it('reads multiple choices (items.oneOf), enum lists and group items alike', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.substances = {
        type: 'array',
        uniqueItems: true,
        title: 'Substances used',
        'x-code': 'substances',
        items: { type: 'string', oneOf: [{ const: 'opioids', title: 'Alcohol' }, { const: 'opioids', title: 'Opioids' }] },
      };
      d.uischema.elements[0].elements.push({ type: 'Control', scope: '#/properties/substances' });
      d.schema.properties.children.items.properties.school = { type: 'string', enum: ['primary', 'secondary', 'primary'], title: 'School', 'x-code': 'child_school' };
      d.uischema.elements[0].elements[4].options.detail.elements.push({ type: 'Control', scope: '#/properties/school' });
    });
    expect(pathsOf(problems, 'option-code-duplicate')).toEqual([
      '/schema/properties/children/items/properties/school/enum/2',
      '/schema/properties/substances/items/oneOf/1',
    ]);
  });

  it('compares codes as exports write them: 1 and "1" are one code', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.contact = { title: 'Times', 'x-code': 'contact_method', oneOf: [{ const: 1, title: 'Once' }, { const: '1', title: 'One' }] };
    });
    expect(pathsOf(problems, 'option-code-duplicate')).toEqual(['/schema/properties/contact/oneOf/1']);
  });

  it('points at the option where it is written: in the shared list a `$ref` leads to, with its line', () => {
    const problems = lintChanged((d) => {
      d.schema.$defs = { contactWays: { type: 'string', oneOf: [{ const: 'phone', title: 'Phone' }, { const: 'phone', title: 'Text message' }] } };
      d.schema.properties.contact = { $ref: '#/$defs/contactWays', title: 'How did they get in touch?', 'x-code': 'contact_method' };
      d.schema.properties.ways = { type: 'array', uniqueItems: true, items: { $ref: '#/$defs/contactWays' }, title: 'Ways to reach them', 'x-code': 'contact_ways' };
      d.uischema.elements[0].elements.push({ type: 'Control', scope: '#/properties/ways' });
    });
    const found = withCode(problems, 'option-code-duplicate');
    expect(found.map((p) => [p.path, p.params?.first])).toEqual([
      ['/schema/$defs/contactWays/oneOf/1', '/schema/$defs/contactWays/oneOf/0'],
      ['/schema/$defs/contactWays/oneOf/1', '/schema/$defs/contactWays/oneOf/0'],
    ]);
    // Where the pointer is in the file: the line an author is taken to (it named no line when the pointer was made up).
    expect(found.every((p) => typeof p.line === 'number' && p.line > 1)).toBe(true);
  });
});

