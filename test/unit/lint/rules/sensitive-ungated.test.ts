import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { gateRule, lintChanged, pathsOf } from '../helpers';

describe('sensitive-ungated', () => {
  it('passes sensitive questions inside a category with the gate rule', () => {
    expect(pathsOf(lintFixture('valid'), 'sensitive-ungated')).toEqual([]);
  });

  it('reports a sensitive question shown outside the gated section', () => {
    expect(pathsOf(lintFixture('sensitive-ungated'), 'sensitive-ungated')).toEqual(['/uischema/elements/0/elements/5']);
  });

  it('accepts the gate rule on the control itself, or inside an AND', () => {
    const own = lintChanged((d) => {
      const harmed = d.uischema.elements[1].elements.splice(2, 1)[0];
      d.uischema.elements[0].elements.push({ ...harmed, rule: gateRule });
    });
    expect(pathsOf(own, 'sensitive-ungated')).toEqual([]);
    const and = lintChanged((d) => {
      d.uischema.elements[1].rule.condition = { type: 'AND', conditions: [gateRule.condition, { scope: '#/properties/contact', schema: { const: 'phone' } }] };
    });
    expect(pathsOf(and, 'sensitive-ungated')).toEqual([]);
  });

  it.each([
    ['an OR, which could show it without the gate', { effect: 'SHOW', condition: { type: 'OR', conditions: [gateRule.condition, { scope: '#/properties/contact', schema: { const: 'phone' } }] } }],
    ['ENABLE instead of SHOW', { ...gateRule, effect: 'ENABLE' }],
    ['the gate tested for false', { effect: 'SHOW', condition: { scope: '#/properties/safeToTalk', schema: { const: false } } }],
    ['a schema that also passes when unanswered', { effect: 'SHOW', condition: { scope: '#/properties/safeToTalk', schema: { not: { const: false } } } }],
    ['another question as the gate', { effect: 'SHOW', condition: { scope: '#/properties/contact', schema: { const: true } } }],
  ])('does not accept %s', (_name, rule) => {
    const problems = lintChanged((d) => (d.uischema.elements[1].rule = rule));
    // The count of fearful/harmed answers reveals them too.
    expect(pathsOf(problems, 'sensitive-ungated')).toEqual(['/uischema/elements/1/elements/1', '/uischema/elements/1/elements/2', '/uischema/elements/1/elements/3']);
  });

  it('reports a group holding a sensitive item when the group is outside the gate, even if its detail has a rule', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.children.items.properties.age['x-sensitivity'] = 'sensitive';
      d.uischema.elements[0].elements[4].options.detail.elements[1].rule = gateRule;
    });
    expect(pathsOf(problems, 'sensitive-ungated')).toEqual(['/uischema/elements/0/elements/4', '/uischema/elements/0/elements/4/options/detail/elements/1']);
  });

  it('reports a rule outside the gate that depends on a sensitive answer, but not one inside it', () => {
    const dependsOnHarmed = { effect: 'SHOW', condition: { scope: '#/properties/harmed', schema: { const: true } } };
    const outside = lintChanged((d) => (d.uischema.elements[0].elements[3].rule = dependsOnHarmed));
    expect(pathsOf(outside, 'sensitive-ungated')).toEqual(['/uischema/elements/0/elements/3/rule/condition/scope']);
    const inside = lintChanged((d) => (d.uischema.elements[1].elements[3].rule = dependsOnHarmed));
    expect(pathsOf(inside, 'sensitive-ungated')).toEqual([]);
  });

  it('treats a computed value derived from sensitive answers as sensitive', () => {
    const problems = lintChanged((d) => {
      const count = d.uischema.elements[1].elements.splice(3, 1)[0];
      d.uischema.elements[0].elements.push(count);
    });
    expect(pathsOf(problems, 'sensitive-ungated')).toEqual(['/uischema/elements/0/elements/5']);
  });

  it('reports a sensitive question required unconditionally', () => {
    const problems = lintChanged((d) => d.schema.required.push('harmed'));
    expect(pathsOf(problems, 'sensitive-ungated')).toEqual(['/schema/required/2']);
  });

  it('accepts a requirement conditional on the gate, but not one that holds when the gate is unanswered', () => {
    const loose = lintChanged((d) => delete d.schema.allOf[0].if.required);
    expect(pathsOf(loose, 'sensitive-ungated')).toEqual(['/schema/allOf/0/then/required/0']);
    const other = lintChanged((d) => (d.schema.allOf[0].if = { properties: { contact: { const: 'phone' } }, required: ['contact'] }));
    expect(pathsOf(other, 'sensitive-ungated')).toEqual(['/schema/allOf/0/then/required/0']);
  });
});
