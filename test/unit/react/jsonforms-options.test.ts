import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../runtime/core/index';
import { questionPlan } from '../../../runtime/react/layout/plan';
import { createFormController } from '../../../runtime/react/model/controller';
import type { FormOptions, JsonFormsChange } from '../../../runtime/react/model/formOptions';
import type { UiElement } from '../../../runtime/react/model/formModel';

/**
 * Issue 15, point 4: the JSON Forms options hosts know (`validationMode`, `additionalErrors`,
 * `onChange({ data, errors })`, `i18n`), with JSON Forms' meaning, on the form's controller.
 * `readonly` is a rendering matter: test/e2e/runtime-jsonforms-door.test.ts.
 */

const definition = {
  id: 'jsonforms-options',
  version: '1.0.0',
  status: 'draft',
  title: 'Options',
  source: { document: 'seeds/x.md' },
  changelog: [],
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name', description: 'As they say it' },
      colour: { type: 'string', title: 'Colour', oneOf: [{ const: 'red', title: 'Red' }, { const: 'blue', title: 'Blue', i18n: 'colours.blue' }] },
      age: { type: 'integer', title: 'Age', i18n: 'ageKey', minimum: 0 },
    },
    required: ['name'],
  },
  uischema: {
    type: 'Categorization',
    elements: [
      {
        type: 'Category',
        label: 'About you',
        i18n: 'aboutSection',
        elements: [
          { type: 'Label', text: 'Read this first' },
          { type: 'Control', scope: '#/properties/name' },
          { type: 'Group', label: 'More', elements: [{ type: 'Control', scope: '#/properties/colour', i18n: 'fav' }] },
        ],
      },
      { type: 'Category', label: 'Later', elements: [{ type: 'Control', scope: '#/properties/age' }] },
    ],
  },
  translations: { fr: { '/schema/properties/name/title': 'Nom (définition)' } },
} as unknown as Definition;

const about = (definition.uischema as unknown as { elements: UiElement[] }).elements[0]!;
const nameControl = about.elements![1]!;
const colourControl = about.elements![2]!.elements![0]!;

async function form(options: Partial<FormOptions> = {}) {
  const c = createFormController({ definition, ...options } as FormOptions);
  await c.ready;
  return c;
}
const settle = () => new Promise((ok) => setTimeout(ok, 40));

describe('validationMode', () => {
  it('ValidateAndShow (the default) shows an error once its field is left', async () => {
    const c = await form();
    expect(c.ui.shownError('/name')).toBeUndefined();
    c.blur('/name');
    expect(c.ui.shownError('/name')).toMatch(/name/i);
    c.destroy();
  });

  it('ValidateAndHide validates and reports errors, and shows none, not even after submit', async () => {
    const c = await form({ validationMode: 'ValidateAndHide' });
    c.blur('/name');
    expect(c.ui.shownError('/name')).toBeUndefined();
    expect(c.ui.allErrors().map((e) => e.pointer)).toEqual(['/name']);
    const result = await c.submit();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.pointer)).toEqual(['/name']);
    expect(c.ui.shownErrors()).toEqual([]);
    expect(c.ui.shownError('/name')).toBeUndefined();
    c.destroy();
  });

  it('NoValidation does not validate while answering, yet submit still refuses what fails validation', async () => {
    const c = await form({ validationMode: 'NoValidation' });
    c.blur('/name');
    expect(c.ui.allErrors()).toEqual([]);
    const result = await c.submit();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.pointer)).toEqual(['/name']);
    expect(c.ui.shownErrors()).toEqual([]);
    c.store.set('name', 'Ada');
    expect((await c.submit()).ok).toBe(true);
    c.destroy();
  });

  it('switches while the form is shown, telling the controls whose message changes', async () => {
    const c = await form({ validationMode: 'ValidateAndHide' });
    c.blur('/name');
    let heard = 0;
    c.ui.subscribe('name', () => heard++);
    c.setValidationMode('ValidateAndShow');
    expect(c.ui.shownError('/name')).toMatch(/name/i);
    expect(heard).toBeGreaterThan(0);
    c.setValidationMode('ValidateAndHide');
    expect(c.ui.shownError('/name')).toBeUndefined();
    c.destroy();
  });
});

describe('additionalErrors', () => {
  const host = [
    { instancePath: '/age', schemaPath: '#/x', keyword: 'minimum', params: {}, message: 'Too young for this service' },
    { instancePath: '', schemaPath: '#/x', keyword: 'required', params: { missingProperty: 'colour' }, message: 'Pick a colour' },
  ];

  it('show at once at the answer each names (a missing one at its property), in every mode', async () => {
    for (const validationMode of ['ValidateAndShow', 'ValidateAndHide', 'NoValidation'] as const) {
      const c = await form({ validationMode, additionalErrors: host });
      expect(c.ui.shownError('/age'), validationMode).toBe('Too young for this service');
      expect(c.ui.shownError('/colour'), validationMode).toBe('Pick a colour');
      expect(c.ui.shownErrors().map((e) => e.pointer).sort()).toEqual(['/age', '/colour']);
      c.destroy();
    }
  });

  it('join the validator’s own message at the same answer, a line each', async () => {
    const c = await form({ additionalErrors: [{ instancePath: '/name', schemaPath: '', keyword: 'x', params: {}, message: 'Checked with the register: not found' }] });
    expect(c.ui.shownError('/name')).toBe('Checked with the register: not found');
    c.blur('/name');
    expect(c.ui.shownError('/name')).toMatch(/^.*name.*\nChecked with the register: not found$/i);
    expect(c.ui.shownErrors().filter((e) => e.pointer === '/name')).toHaveLength(1);
    c.destroy();
  });

  it('hold back submit while the host keeps them; replacing the list tells the answers concerned', async () => {
    const c = await form({ additionalErrors: host, answers: { name: 'Ada' } });
    const result = await c.submit();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.pointer).sort()).toEqual(['/age', '/colour']);
    let heard = 0;
    c.ui.subscribe('age', () => heard++);
    c.setAdditionalErrors([]);
    expect(heard).toBe(1);
    expect(c.ui.shownError('/age')).toBeUndefined();
    expect((await c.submit()).ok).toBe(true);
    c.destroy();
  });

  it('drop what is not an AJV-style error, keeping messages as text', async () => {
    const hostile = [null, 3, 'x', { instancePath: 5 }, { instancePath: 'name', message: 'no leading slash' }, { instancePath: '/name', params: 'x' }, { instancePath: '/name', keyword: 'k', message: '<img src=x onerror=alert(1)>' }];
    const c = await form({ additionalErrors: hostile as never });
    expect(c.ui.shownErrors().map((e) => [e.pointer, e.message])).toEqual([['/name', '<img src=x onerror=alert(1)>']]);
    c.destroy();
  });
});

describe('onChange with changeEvent: jsonforms', () => {
  it('is called as JSON Forms calls it: once ready, then after changes, with the validator’s AJV-style errors', async () => {
    const calls: JsonFormsChange[] = [];
    const c = await form({ changeEvent: 'jsonforms', onChange: (change: JsonFormsChange) => calls.push(change) } as Partial<FormOptions>);
    await settle();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.data).toEqual({});
    expect(calls[0]!.errors).toEqual([{ instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'name' }, message: expect.any(String) }]);
    c.store.set('name', 'A');
    c.store.set('name', 'Ad');
    c.store.set('age', -1);
    await settle();
    // Changes in one burst are one call (JSON Forms debounces 10 ms), with the answers as they are now.
    expect(calls).toHaveLength(2);
    expect(calls[1]!.data).toBe(c.store.snapshot());
    expect(calls[1]!.errors.map((e) => [e.instancePath, e.keyword, e.params])).toEqual([['/age', 'minimum', { comparison: '>=', limit: 0 }]]);
    c.destroy();
  });

  it('reports no errors under NoValidation, and the additional errors never (they are the host’s own)', async () => {
    const calls: JsonFormsChange[] = [];
    const c = await form({
      changeEvent: 'jsonforms',
      validationMode: 'NoValidation',
      additionalErrors: [{ instancePath: '/age', schemaPath: '', keyword: 'x', params: {}, message: 'm' }],
      onChange: (change: JsonFormsChange) => calls.push(change),
    } as Partial<FormOptions>);
    c.store.set('age', -1);
    await settle();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.errors.length === 0)).toBe(true);
    c.destroy();
  });

  it('keeps its old meaning by default: the answers, at once, on every change', async () => {
    const seen: unknown[] = [];
    const c = await form({ onChange: (answers: unknown) => seen.push(answers) } as Partial<FormOptions>);
    c.store.set('name', 'A');
    c.store.set('name', 'Ad');
    expect(seen).toEqual([{ name: 'A' }, { name: 'Ad' }]);
    c.destroy();
  });
});

describe('i18n', () => {
  const dictionary: Record<string, string> = {
    'name.label': 'Nom',
    'name.description': 'Comme ils le disent',
    'fav.label': 'Couleur',
    'fav.Red': 'Rouge',
    'colours.blue': 'Bleu',
    'ageKey.label': 'Âge',
    'aboutSection.label': 'À propos',
    More: 'Plus',
    'Read this first': 'Lisez d’abord',
    'name.error.required': 'Le nom manque',
    'error.minimum': 'Trop petit',
  };
  const asked: string[] = [];
  const translate = ((key: string) => {
    asked.push(key);
    return dictionary[key];
  }) as never;

  it('asks the keys JSON Forms asks for labels, descriptions, options, sections and layouts, keeping ours where it has none', async () => {
    const c = await form({ i18n: { locale: 'fr', translate } });
    const name = questionPlan(c, nameControl, '/uischema/elements/0/elements/1')!;
    expect([name.label, name.hint]).toEqual(['Nom', 'Comme ils le disent']);
    const colour = questionPlan(c, colourControl, '/uischema/elements/0/elements/2/elements/0')!;
    expect([colour.label, colour.options.map((o) => o.label)]).toEqual(['Couleur', ['Rouge', 'Bleu']]);
    expect(c.model.title('age')).toBe('Âge');
    expect(c.model.sections!.map((s) => s.label)).toEqual(['À propos', 'Later']);
    expect(c.model.t('/uischema/elements/0/elements/2/label', 'More')).toBe('Plus');
    expect(c.model.t('/uischema/elements/0/elements/0/text', 'Read this first')).toBe('Lisez d’abord');
    expect(c.model.title('colour')).toBe('Couleur');
    // Keys JSON Forms would ask: the Control's i18n over the path, the schema's i18n, the label itself.
    expect(asked).toEqual(expect.arrayContaining(['name.label', 'name.description', 'fav.Red', 'colours.blue', 'ageKey.label', 'aboutSection.label', 'Later', 'More']));
    c.destroy();
  });

  it('words errors by <prefix>.error.<keyword>, then error.<keyword>, else ours', async () => {
    const c = await form({ i18n: { translate }, answers: { age: -1 } });
    c.blur('/name');
    c.blur('/age');
    expect(c.ui.shownError('/name')).toBe('Le nom manque');
    expect(c.ui.shownError('/age')).toBe('Trop petit');
    const plain = await form({ answers: { age: -1 } });
    plain.blur('/age');
    expect(plain.ui.shownError('/age')).not.toBe('Trop petit');
    c.destroy();
    plain.destroy();
  });

  it('lets <prefix>.error.custom win, and translateError word the rest as JSON Forms hands it errors', async () => {
    const seen: unknown[] = [];
    const c = await form({
      i18n: {
        translate: ((key: string) => (key === 'ageKey.error.custom' ? 'Âge: à revoir' : undefined)) as never,
        translateError: (error, _t, uischema) => {
          seen.push([error.keyword, error.instancePath, error.params, (uischema as { scope?: string } | undefined)?.scope]);
          return `(${error.keyword})`;
        },
      },
      answers: { age: -1 },
    });
    c.blur('/name');
    c.blur('/age');
    expect(c.ui.shownError('/age')).toBe('Âge: à revoir');
    expect(c.ui.shownError('/name')).toBe('(required)');
    expect(seen).toContainEqual(['required', '', { missingProperty: 'name' }, '#/properties/name']);
    c.destroy();
  });

  it('takes the definition’s translations for i18n.locale; an explicit locale wins', async () => {
    const fr = await form({ i18n: { locale: 'fr' } });
    expect(fr.model.title('name')).toBe('Nom (définition)');
    const en = await form({ locale: 'en', i18n: { locale: 'fr' } });
    expect(en.model.title('name')).toBe('Name');
    fr.destroy();
    en.destroy();
  });
});
