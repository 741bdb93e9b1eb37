import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../runtime/core/index';
import { createFormController } from '../../../runtime/react/model/controller';
import type { FormOptions } from '../../../runtime/react/model/formOptions';
import { questionPlan } from '../../../runtime/react/layout/plan';
import type { UiElement } from '../../../runtime/react/model/formModel';

/**
 * Options written as `enum` (no titles) are worded as JSON Forms words them: the host's
 * `i18n.translate` is asked `<prefix>.<value>` (enumToEnumOptionMapper), and a definition's own
 * translations may word them at the value's pointer. Before, only `oneOf` titles were translated.
 */
const definition = {
  id: 'enum-i18n',
  version: '1.0.0',
  status: 'draft',
  title: 'Enum',
  source: { document: 'seeds/x.md' },
  changelog: [],
  schema: {
    type: 'object',
    properties: {
      drink: { type: 'string', title: 'Drink', enum: ['tea', 'coffee'] },
      extras: { type: 'array', title: 'Extras', items: { type: 'string', enum: ['milk', 'sugar'] }, uniqueItems: true },
    },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/drink' },
      { type: 'Control', scope: '#/properties/extras', i18n: 'adds' },
    ],
  },
  translations: { cy: { '/schema/properties/drink/enum/0': 'te' } },
} as unknown as Definition;

const [drinkControl, extrasControl] = (definition.uischema as unknown as { elements: UiElement[] }).elements as [UiElement, UiElement];

async function form(options: Partial<FormOptions> = {}) {
  const c = createFormController({ definition, ...options } as FormOptions);
  await c.ready;
  return c;
}

describe('enum options and i18n', () => {
  it("asks the host <prefix>.<value> for each enum option, the Control's i18n as the prefix", async () => {
    const asked: string[] = [];
    const words: Record<string, string> = { 'drink.tea': 'Thé', 'adds.sugar': 'Sucre' };
    const c = await form({ i18n: { translate: ((key: string) => (asked.push(key), words[key])) as never } });
    const drink = questionPlan(c, drinkControl, '/uischema/elements/0')!;
    const extras = questionPlan(c, extrasControl, '/uischema/elements/1')!;
    expect(drink.options.map((o) => o.label)).toEqual(['Thé', 'coffee']);
    expect(extras.options.map((o) => o.label)).toEqual(['milk', 'Sucre']);
    expect(asked).toEqual(expect.arrayContaining(['drink.tea', 'drink.coffee', 'adds.milk', 'adds.sugar']));
    c.destroy();
  });

  it("takes the definition's own translation at the enum value's pointer", async () => {
    const c = await form({ locale: 'cy' });
    expect(questionPlan(c, drinkControl, '/uischema/elements/0')!.options.map((o) => o.label)).toEqual(['te', 'coffee']);
    c.destroy();
  });
});
