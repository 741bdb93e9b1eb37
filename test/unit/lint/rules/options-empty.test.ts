import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

describe('options-empty', () => {
  it('reports an empty enum, as an error at the enum', () => {
    const problems = withCode(lintFixture('options-empty'), 'options-empty');
    expect(problems.map((p) => [p.path, p.severity])).toEqual([['/schema/properties/contactNote/enum', 'error']]);
  });

  it('reports an empty oneOf of options once (not also as schema-invalid), and an empty anyOf of a multiple choice', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.contact.oneOf = [];
      d.schema.$defs = { ticks: { type: 'array', items: { type: 'string', anyOf: [] } } };
    });
    expect(pathsOf(problems, 'options-empty').sort()).toEqual(['/schema/$defs/ticks/items/anyOf', '/schema/properties/contact/oneOf']);
    expect(withCode(problems, 'schema-invalid')).toEqual([]);
  });

  it('passes one option', () => {
    expect(withCode(lintChanged((d) => (d.schema.properties.contactNote.enum = ['home'])), 'options-empty')).toEqual([]);
  });
});
