import { describe, expect, it } from 'vitest';
import { conditionChoices } from '../../../builder/app/contributions/outline/model';
import { readOutline, setItemShowWhen, updateQuestion, type RawDefinition } from '../../../builder/app/services/edits/index';

/**
 * Issue 15: the builder's outline reads questions from core's form model, so a question written
 * as a `$ref` to a shared shape, a group whose items sit behind a `$ref`, and a decimal are what
 * the runtime and the exports take them for, not "Other".
 */
const definition = (): RawDefinition => ({
  id: 'outline-model',
  version: '1.0.0',
  status: 'draft',
  title: 'Outline',
  source: { document: 'test' },
  changelog: [],
  schema: {
    type: 'object',
    $defs: {
      level: { type: 'string', oneOf: [{ const: 'low', title: 'Low' }, { const: 'high', title: 'High' }] },
      child: { type: 'object', properties: { name: { type: 'string', title: 'Name', 'x-code': 'child_name' } }, required: ['name'] },
    },
    properties: {
      risk: { $ref: '#/$defs/level', title: 'Level of risk', description: 'As you judge it', 'x-code': 'risk_level' },
      weight: { type: 'number', title: 'Weight in kg', 'x-code': 'weight' },
      'a/b': { type: 'boolean', title: 'Slash key', 'x-code': 'slash_key' },
      children: { type: 'array', title: 'Children', 'x-code': 'children', items: { $ref: '#/$defs/child' } },
    },
    required: ['risk'],
  },
  uischema: {
    type: 'Categorization',
    elements: [{ type: 'Category', label: 'Only', elements: ['risk', 'weight', 'a~1b', 'children'].map((k) => ({ type: 'Control', scope: `#/properties/${k}` })) }],
  },
});

describe('the outline, from the form model', () => {
  it('knows a $ref question, a decimal, an escaped key and a group behind $ref', () => {
    const [risk, weight, slash, children] = readOutline(definition()).sections[0]!.items;
    expect(risk!.question).toMatchObject({ kind: 'single-choice', label: 'Level of risk', hint: 'As you judge it', required: true, code: 'risk_level' });
    expect(risk!.question!.options).toEqual([{ code: 'low', label: 'Low' }, { code: 'high', label: 'High' }]);
    expect(weight!.question).toMatchObject({ kind: 'number', required: false });
    expect(slash!.question).toMatchObject({ kind: 'yes-no', key: 'a/b', schemaPath: '/schema/properties/a~1b' });
    expect(children!.question!.kind).toBe('group');
    expect(children!.children).toEqual([
      expect.objectContaining({ kind: 'text', key: 'name', group: 'children', required: true, schemaPath: '/schema/$defs/child/properties/name' }),
    ]);
  });

  it('offers a $ref choice to show-when rules with its options, and writes the rule for its kind', () => {
    const d = definition();
    const choices = conditionChoices(readOutline(d));
    expect(choices.find((c) => c.key === 'risk')?.values).toEqual([{ value: 'low', label: 'Low' }, { value: 'high', label: 'High' }]);
    const ruled = setItemShowWhen(d, { section: 0, index: 1 }, { key: 'a/b', value: true });
    const control = ((ruled.uischema as { elements: Array<{ elements: Array<{ rule?: unknown }> }> }).elements[0]!.elements[1]!);
    expect(control.rule).toEqual({ effect: 'SHOW', condition: { scope: '#/properties/a~1b', schema: { const: true } } });
    // The outline of the edited definition sees the rule: the model of the input was not reused for it.
    expect(readOutline(ruled).sections[0]!.items[1]!.showWhen).toEqual({ key: 'a/b', value: true });
  });

  it('leaves the options of a $ref choice to the shared shape, and rewrites options written on the question', () => {
    const d = definition();
    const risk = readOutline(d).sections[0]!.items[0]!.question!;
    expect(risk.optionsEditable).toBe(false);
    // Options beside the $ref would apply with the shared ones, and no answer would fit both.
    expect(updateQuestion(d, { key: 'risk' }, { options: [{ code: 'none', label: 'None' }] }).schema).toEqual(d.schema);

    // A new object: core's model is kept per definition object, and definitions are not changed in place.
    const withMood = definition();
    (withMood.schema as { properties: Record<string, unknown> }).properties.mood = { type: 'string', title: 'Mood', 'x-code': 'mood', anyOf: [{ const: 'calm', title: 'Calm' }] };
    const e = updateQuestion(withMood, { key: 'mood' }, { options: [{ code: 'upset', label: 'Upset' }] });
    expect((e.schema as { properties: Record<string, unknown> }).properties.mood).toEqual({ type: 'string', title: 'Mood', 'x-code': 'mood', oneOf: [{ const: 'upset', title: 'Upset' }] });
  });
});
