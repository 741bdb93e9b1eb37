import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../runtime/core/index';
import { formatValue } from '../../../runtime/react/CheckAnswers';
import { itemPlans } from '../../../runtime/react/layout/itemPlan';
import { questionPlan } from '../../../runtime/react/layout/plan';
import { createFormController } from '../../../runtime/react/model/controller';
import type { UiElement } from '../../../runtime/react/model/formModel';
import { groupWordingForm, refAndDateTimeForm } from '../../support/model-forms';

/**
 * Issue 15: the runtime reads its questions from core's form model. A question written as a `$ref`
 * to a shared shape, and a `date-time` question, are what the model says they are: the right
 * control, with its options, requirement and sensitivity, and practitioners' words for a bad value.
 * A group's items get their wording where top-level questions get theirs.
 */
const definition = refAndDateTimeForm as unknown as Definition;
const groupDefinition = groupWordingForm as unknown as Definition;
const controls = (definition.uischema as unknown as { elements: UiElement[] }).elements;
const planOf = (c: ReturnType<typeof createFormController>, i: number) => questionPlan(c, controls[i]!, `/uischema/elements/${i}`)!;

describe('a question written as a $ref to a shared shape', () => {
  it('gets the control of that shape, with its options, and counts as required and sensitive', () => {
    const c = createFormController({ definition });
    const seen = planOf(c, 0);
    expect(seen.Renderer.name).toBe('RadioControl');
    expect(seen.options).toEqual([{ value: true, label: 'Yes' }, { value: false, label: 'No' }]);
    expect(seen.required).toBe(true);
    expect(c.model.sensitiveKeys.has('seen')).toBe(true);
    expect(c.model.kind('seen')).toBe('yes-no');

    const risk = planOf(c, 1);
    expect(risk.Renderer.name).toBe('RadioControl');
    expect(risk.options.map((o) => [o.value, o.label])).toEqual([['low', 'Low'], ['high', 'High']]);
    expect(risk.required).toBe(false);
    c.destroy();
  });

  it('hands its renderer the shared shape, so a limit written there is the limit shown', () => {
    const c = createFormController({ definition });
    const note = planOf(c, 2);
    expect(note.Renderer.name).toBe('TextAreaControl');
    expect(note.schema).toMatchObject({ type: 'string', maxLength: 2000, title: 'Notes' });
    c.destroy();
  });
});

describe('a date-time question', () => {
  it('gets a date-time control, not a text box', () => {
    const c = createFormController({ definition });
    expect(planOf(c, 3).Renderer.name).toBe('DateTimeControl');
    expect(c.model.kind('visitAt')).toBe('date-time');
    c.destroy();
  });

  it('says what is wrong with a bad value in the terms of its boxes, never the stored format', async () => {
    const c = createFormController({ definition });
    await c.ready;
    const messageFor = (value: string) => {
      c.store.set('visitAt', value);
      return c.validateNow().find((e) => e.pointer === '/visitAt')?.message;
    };
    expect(messageFor('2026-11-T14:30')).toBe('The answer to “When was the visit?” must include a day');
    expect(messageFor('2026-2-31T14:30')).toBe('The answer to “When was the visit?” must be a real date');
    expect(messageFor('--T14:30')).toBe('Enter the date for “When was the visit?”');
    expect(messageFor('2026-11-25T')).toBe('Enter the time for “When was the visit?”');
    expect(messageFor('2026-11-25T25:00')).toBe('Enter the time for “When was the visit?” on the 24-hour clock, for example 14:30');
    expect(messageFor('2026-11-25T14:30:00+00:00')).toBeUndefined();
    expect(messageFor('2026-06-25T14:30:00+01:00')).toBeUndefined();
    c.destroy();
  });
});

describe('the items of a repeatable group', () => {
  it('take their wording from the model in the form\'s locale, as top-level questions do', () => {
    const c = createFormController({ definition: groupDefinition, locale: 'cy' });
    const fields = itemPlans(c.model, c.model.question('children')!, c.renderers);
    expect(fields.map((f) => f.question.key)).toEqual(['school', 'name']);
    const [school, name] = fields.map((f) => f.props);
    expect(name).toMatchObject({ label: 'Enw', hint: 'Eu henw cyntaf', help: 'Fel maen nhw’n ei ddweud', required: true });
    expect(school).toMatchObject({ label: 'Ysgol', required: false });
    expect(school!.options.map((o) => o.label)).toEqual(['Cynradd', 'Secondary']);
    expect(fields.map((f) => f.Renderer.name)).toEqual(['RadioControl', 'TextControl']);
    // Check your answers words an item's answer the same way.
    expect(formatValue(c.model.question('children')!.items![1]!, 'primary', c.model.t)).toBe('Cynradd');
    c.destroy();
  });

  it('keep the written wording without a locale', () => {
    const c = createFormController({ definition: groupDefinition });
    const [school, name] = itemPlans(c.model, c.model.question('children')!, c.renderers).map((f) => f.props);
    expect([school!.label, name!.label, name!.hint]).toEqual(['School', 'Name', 'Their first name']);
    c.destroy();
  });
});
