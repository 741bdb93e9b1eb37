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

  it('checks a rule inside a group detail against the item schema', () => {
    const problems = lintChanged((d) => {
      d.uischema.elements[0].elements[4].options.detail.elements[1].rule = { effect: 'SHOW', condition: { scope: '#/properties/name', schema: { minLength: 1 }, failWhenUndefined: true } };
    });
    expect(problems).toEqual([]);
  });

  it('leaves a scope that names nothing to scope-unresolved, so it is reported once', () => {
    const problems = lintChanged((d) => (d.uischema.elements[0].elements[3].rule.condition = { type: 'AND', conditions: [{ scope: '#/properties/nope', schema: { const: 1 } }] }));
    expect(pathsOf(problems, 'rule-invalid')).toEqual([]);
    expect(pathsOf(problems, 'scope-unresolved')).toEqual([`${ruleAt}/conditions/0/scope`]);
  });

  it('reports malformed conditions', () => {
    const cases: Array<[unknown, string]> = [
      [{ type: 'XOR', conditions: [] }, `${ruleAt}/type`],
      [{ type: 'AND', conditions: 'all' }, ruleAt],
      [{ scope: '#/properties/contact' }, ruleAt],
      [{ schema: { const: 'x' } }, `${ruleAt}/scope`],
      [{ scope: '#/properties/contact', schema: { const: 'x' }, failWhenUndefined: 'yes' }, `${ruleAt}/failWhenUndefined`],
      ['SHOW', ruleAt],
    ];
    for (const [condition, path] of cases) {
      expect(pathsOf(lintChanged((d) => (d.uischema.elements[0].elements[3].rule.condition = condition)), 'rule-invalid')).toEqual([path]);
    }
  });
});
