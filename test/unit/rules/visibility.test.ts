import { describe, expect, it } from 'vitest';
import { checkCondition, checkRules, computeValues, hiddenAnswerPointers, isEnabled, isVisible, visibleQuestionKeys } from '../../../runtime/core/index';
import { fixtureDefinition, validAnswers } from '../validate/fixture';

describe('visibility', () => {
  const definition = fixtureDefinition();

  it('applies SHOW / HIDE and the parent element', () => {
    const show = { type: 'Control', rule: { effect: 'SHOW', condition: { scope: '#/properties/a', schema: { const: 1 } } } };
    const hide = { type: 'Control', rule: { effect: 'HIDE', condition: { scope: '#/properties/a', schema: { const: 1 } } } };
    expect(isVisible(show, { a: 1 })).toBe(true);
    expect(isVisible(show, { a: 1 }, false)).toBe(false);
    expect(isVisible(hide, { a: 1 })).toBe(false);
    expect(isVisible({ type: 'Control' }, {})).toBe(true);
    const disable = { type: 'Control', rule: { effect: 'DISABLE', condition: { scope: '#/properties/a', schema: { const: 1 } } } };
    expect(isEnabled(disable, { a: 1 })).toBe(false);
    expect(isVisible(disable, { a: 1 })).toBe(true);
  });

  it('lists hidden answer pointers, at the top level and per group item', () => {
    const hidden = hiddenAnswerPointers(definition, { ...validAnswers, safeToTalk: false, children: [{ atSchool: true }, {}] });
    expect([...hidden].sort()).toEqual(['/children/1/school', '/disclosure', '/drugDetail']);
    expect(visibleQuestionKeys(definition, { usesDrugs: true, safeToTalk: true })).toContain('drugDetail');
    expect(visibleQuestionKeys(definition, {})).not.toContain('drugDetail');
  });
});

describe('checkCondition / checkRules', () => {
  const schema = fixtureDefinition().schema;

  it('accepts the fixture rules', () => {
    expect(checkRules(fixtureDefinition())).toEqual([]);
  });

  it('reports unsupported keywords and scopes that point nowhere, by pointer', () => {
    const problems = checkCondition(
      { type: 'OR', conditions: [{ scope: '#/properties/nope', schema: { const: 1 } }, { scope: '#/properties/notes', schema: { pattern: '^x' } }] },
      schema,
      { at: '/uischema/rule/condition' },
    );
    expect(problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual([
      'rule-invalid /uischema/rule/condition/conditions/0/scope',
      'rule-invalid /uischema/rule/condition/conditions/1/schema/pattern',
    ]);
    expect(checkCondition({ type: 'XOR', conditions: [] }, schema).map((p) => p.code)).toEqual(['rule-invalid']);
    expect(checkCondition({ scope: '#/properties/notes' }, schema).map((p) => p.code)).toEqual(['rule-invalid']);
  });

  it('checks rules inside a group detail against the item schema', () => {
    const definition = fixtureDefinition();
    const detail = (definition.uischema.elements[11] as { options: { detail: { elements: Array<Record<string, unknown>> } } }).options.detail;
    detail.elements[3]!.rule = { effect: 'SHOW', condition: { scope: '#/properties/childAge', schema: { const: true } } };
    expect(checkRules(definition).map((p) => `${p.code} ${p.path}`)).toEqual(['rule-invalid /uischema/elements/11/options/detail/elements/3/rule/condition/scope']);
  });
});

describe('computeValues', () => {
  it('counts and sums', () => {
    const definition = { schema: { properties: { a: { type: 'boolean' }, b: { type: 'boolean' }, n: { type: 'integer' }, m: { type: 'number' }, count: { 'x-computed': { op: 'count', of: ['a', 'b'], equals: true } }, total: { 'x-computed': { op: 'sum', of: ['n', 'm', 'missing'] } } } } };
    expect(computeValues(definition, { a: true, b: false, n: 2, m: 1.5 })).toEqual({ count: 1, total: 3.5 });
    expect(computeValues(definition, {})).toEqual({ count: 0, total: 0 });
    expect(computeValues(definition, { n: '4' })).toEqual({ count: 0, total: 0 });
  });
});
