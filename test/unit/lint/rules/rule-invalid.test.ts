import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

const ruleAt = '/uischema/elements/0/elements/3/rule/condition';

describe('rule-invalid', () => {
  it('passes scope + schema conditions with supported keywords, and AND/OR of them', () => {
    expect(pathsOf(lintFixture('valid'), 'rule-invalid')).toEqual([]);
    const problems = lintChanged((d) => {
      d.uischema.elements[0].elements[3].rule.condition = {
        type: 'OR',
        conditions: [
          { scope: '#/properties/contact', schema: { enum: ['in_person'], title: 'met' } },
          { scope: '#/properties/children', schema: { minItems: 1, contains: { properties: { age: { maximum: 5 } }, required: ['age'] } }, failWhenUndefined: true },
        ],
      };
    });
    expect(pathsOf(problems, 'rule-invalid')).toEqual([]);
  });

  it('reports a keyword the interpreter cannot evaluate, at the keyword', () => {
    expect(pathsOf(lintFixture('rule-invalid'), 'rule-invalid')).toEqual([`${ruleAt}/schema/pattern`]);
    const nested = lintChanged((d) => (d.uischema.elements[0].elements[3].rule.condition.schema = { not: { format: 'date' } }));
    expect(pathsOf(nested, 'rule-invalid')).toEqual([`${ruleAt}/schema/not/format`]);
  });

  it('reports malformed conditions', () => {
    const cases: Array<[unknown, string]> = [
      [{ type: 'XOR', conditions: [] }, `${ruleAt}/type`],
      [{ type: 'AND', conditions: [] }, `${ruleAt}/conditions`],
      [{ scope: '#/properties/contact' }, ruleAt],
      [{ scope: '#/properties/contact', schema: { const: 'x' }, failWhenUndefined: 'yes' }, `${ruleAt}/failWhenUndefined`],
      [{ scope: '#/properties/contact', schema: { const: 'x' }, when: 1 }, `${ruleAt}/when`],
    ];
    for (const [condition, path] of cases) {
      expect(pathsOf(lintChanged((d) => (d.uischema.elements[0].elements[3].rule.condition = condition)), 'rule-invalid')).toEqual([path]);
    }
  });
});
