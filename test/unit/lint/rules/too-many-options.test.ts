import { describe, expect, it } from 'vitest';
import { limits } from '../../../../runtime/core/index';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

const options = (n: number) => Array.from({ length: n }, (_, i) => ({ const: `o_${i}`, title: `Option ${i}` }));

describe('too-many-options', () => {
  it('passes a question at the limit', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.properties.contact.oneOf = options(limits.optionsPerQuestion))), 'too-many-options')).toEqual([]);
  });

  it('reports single choice over the limit', () => {
    expect(pathsOf(lintFixture('too-many-options'), 'too-many-options')).toEqual(['/schema/properties/contact/oneOf']);
  });

  it('reports multiple choice (options on items) and enum over the limit', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.contact = { type: 'array', uniqueItems: true, title: 'Ways', 'x-code': 'contact_method', items: { type: 'string', oneOf: options(501) } };
      d.schema.properties.contactNote.enum = options(501).map((o) => o.const);
    });
    expect(pathsOf(problems, 'too-many-options')).toEqual(['/schema/properties/contact/items/oneOf', '/schema/properties/contactNote/enum']);
  });
});
