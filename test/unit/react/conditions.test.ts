import { describe, expect, it } from 'vitest';
import { evaluateCondition, ruleOutcome, type RuleCondition } from '../../../runtime/react/model/conditions';
import { buildFormModel, fieldId } from '../../../runtime/react/model/formModel';
import { isKeyVisible, withComputed } from '../../../runtime/react/model/validation';
import type { Definition } from '../../../runtime/core/index';

const gate = { effect: 'SHOW' as const, condition: { scope: '#/properties/safe', schema: { const: true } } };

const definition = {
  id: 'runtime-test',
  version: '1.0.0',
  status: 'draft',
  title: 'Test',
  source: { document: 'seeds/x.md' },
  changelog: [],
  safety: { gate: 'safe', drafts: 'local' },
  schema: {
    type: 'object',
    properties: {
      safe: { type: 'boolean', title: 'Safe?' },
      afraid: { type: 'string', title: 'Afraid?', 'x-sensitivity': 'sensitive', oneOf: [{ const: 'yes', title: 'Yes' }] },
      a: { type: 'string', title: 'A', oneOf: [{ const: 'present', title: 'Present' }, { const: 'absent', title: 'Absent' }] },
      b: { type: 'string', title: 'B', oneOf: [{ const: 'present', title: 'Present' }] },
      count: { type: 'integer', readOnly: true, 'x-computed': { op: 'count', of: ['a', 'b'], equals: 'present' } },
    },
    required: ['safe'],
  },
  uischema: {
    type: 'Categorization',
    elements: [
      { type: 'Category', label: 'Start', elements: [{ type: 'Control', scope: '#/properties/safe' }] },
      { type: 'Category', label: 'Sensitive', rule: gate, elements: [{ type: 'Control', scope: '#/properties/afraid' }] },
      { type: 'Category', label: 'Factors', elements: [{ type: 'Control', scope: '#/properties/a' }, { type: 'Control', scope: '#/properties/b' }, { type: 'Control', scope: '#/properties/count' }] },
    ],
  },
} as unknown as Definition;

describe('rule subscriptions', () => {
  it('reads the keys a condition depends on, so a rule listens to those answers only', () => {
    const reads = (condition: RuleCondition) => {
      const ruled = { ...definition, uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/a', rule: { effect: 'SHOW', condition } }] } };
      return buildFormModel(ruled as unknown as Definition).ruleReads;
    };
    expect(buildFormModel(definition).ruleReads).toEqual(['safe']);
    expect(reads({ type: 'AND', conditions: [{ scope: '#/properties/x', schema: {} }, { scope: '#/properties/y', schema: {} }] })).toEqual(['x', 'y']);
    expect(reads({ scope: '#/properties/x/properties/y', schema: {} })).toEqual(['x']);
    expect(reads({ scope: '#', schema: {} })).toBeNull();
    expect(reads({ scope: '#/items', schema: {} })).toBeNull();
  });

  it('keeps gated sections hidden until the gate is answered yes', () => {
    expect(ruleOutcome(gate, evaluateCondition(gate.condition, {})).visible).toBe(false);
    expect(ruleOutcome(gate, evaluateCondition(gate.condition, { safe: false })).visible).toBe(false);
    expect(ruleOutcome(gate, evaluateCondition(gate.condition, { safe: true })).visible).toBe(true);
  });
});

describe('form model', () => {
  const model = buildFormModel(definition);

  it('lists sections with their keys and rules', () => {
    expect(model.sections!.map((s) => s.keys)).toEqual([['safe'], ['afraid'], ['a', 'b', 'count']]);
    expect(model.sections![1]!.rules).toHaveLength(1);
    expect(model.sensitiveKeys).toEqual(new Set(['afraid']));
  });

  it('knows a sensitive question is hidden until the gate is yes', () => {
    expect(isKeyVisible(model, 'afraid', {})).toBe(false);
    expect(isKeyVisible(model, 'afraid', { safe: true })).toBe(true);
    expect(isKeyVisible(model, 'a', {})).toBe(true);
  });

  it('fills computed values from the answers', () => {
    expect(withComputed(model, { a: 'present', b: 'present' }).count).toBe(2);
    expect(withComputed(model, { a: 'absent' }).count).toBe(0);
  });

  it('uses translations by JSON pointer when a locale has them', () => {
    const cy = buildFormModel({ ...definition, translations: { cy: { '/schema/properties/safe/title': 'Diogel?' } } } as Definition, 'cy');
    expect(cy.title('safe')).toBe('Diogel?');
    expect(cy.title('a')).toBe('A');
  });

  it('makes DOM ids that cannot collide or break out of a fragment', () => {
    expect(fieldId('/a/0/b')).not.toBe(fieldId('/a-0-b'));
    expect(fieldId('/a"><x')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
