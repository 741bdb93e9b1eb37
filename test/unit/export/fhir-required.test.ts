import type { QuestionnaireItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { questionnaireFromDefinition, type Definition } from '../../../runtime/core/index';

/**
 * "Required when shown" on small forms built for each case: `required: true` only where every way
 * of enabling the item makes the `if` hold; otherwise optional, with the condition kept.
 */
const gate = { properties: { safe: { const: true } }, required: ['safe'] };
const show = (scope: string, schema: unknown) => ({ effect: 'SHOW', condition: { scope: `#/properties/${scope}`, schema } });

function form(schemaExtra: Record<string, unknown>, elements: unknown[]): Definition {
  return {
    id: 'required-case', version: '1.0.0', title: 'Case', status: 'draft',
    schema: {
      type: 'object',
      properties: {
        safe: { type: 'boolean', 'x-code': 'safe' },
        level: { type: 'string', enum: ['low', 'high'], 'x-code': 'level' },
        notes: { type: 'string', 'x-code': 'notes' },
      },
      ...schemaExtra,
    },
    uischema: { type: 'VerticalLayout', elements },
  } as unknown as Definition;
}

function item(definition: Definition, linkId: string): QuestionnaireItem {
  const all = (items: QuestionnaireItem[] | undefined): QuestionnaireItem[] => (items ?? []).flatMap((i) => [i, ...all(i.item)]);
  return all(questionnaireFromDefinition(definition).item as QuestionnaireItem[]).find((i) => i.linkId === linkId)!;
}

const requiredWhen = (i: QuestionnaireItem) => i.extension?.find((e) => e.url?.endsWith('/required-when'))?.valueString;
const controls = ['safe', 'level', 'notes'].map((k) => ({ type: 'Control', scope: `#/properties/${k}` }));

describe('required when shown', () => {
  it('is required inside a section whose rule is the `if`', () => {
    const d = form({ allOf: [{ if: gate, then: { required: ['notes'] } }] }, [
      controls[0], { type: 'Group', label: 'Private', rule: show('safe', { const: true }), elements: [controls[2]] },
    ]);
    expect(item(d, 'notes')).toMatchObject({ required: true });
    expect(requiredWhen(item(d, 'notes'))).toBeUndefined();
  });

  it('is required when its own rule is stricter than the `if` (AND of the gate and more)', () => {
    const d = form({ allOf: [{ if: gate, then: { required: ['notes'] } }] }, [
      controls[0], controls[1],
      { ...controls[2], rule: { effect: 'SHOW', condition: { type: 'AND', conditions: [show('safe', { const: true }).condition, show('level', { const: 'high' }).condition] } } },
    ]);
    expect(item(d, 'notes').required).toBe(true);
  });

  it('is optional, with the condition, when the question shows more widely than it is required', () => {
    const d = form({ allOf: [{ if: { properties: { safe: { const: true }, level: { const: 'high' } }, required: ['safe', 'level'] }, then: { required: ['notes'] } }] }, [
      controls[0], controls[1], { ...controls[2], rule: show('level', { enum: ['low', 'high'] }) },
    ]);
    const notes = item(d, 'notes');
    expect(notes.required).toBeUndefined();
    expect(JSON.parse(requiredWhen(notes)!)).toEqual({ properties: { safe: { const: true }, level: { const: 'high' } }, required: ['safe', 'level'] });
  });

  it('is optional when no rule hides it at all', () => {
    const d = form({ allOf: [{ if: gate, then: { required: ['notes'] } }] }, controls);
    expect(item(d, 'notes').required).toBeUndefined();
    expect(requiredWhen(item(d, 'notes'))).toBeDefined();
  });

  it('treats an `else`, an `if` that does not require what it tests, and a HIDE rule (`!=` holds when unanswered) as beyond enableWhen', () => {
    const elseCase = form({ allOf: [{ if: { properties: { safe: { const: false } }, required: ['safe'] }, else: { required: ['notes'] } }] }, [
      controls[0], { ...controls[2], rule: show('safe', { const: true }) },
    ]);
    const notRequired = form({ allOf: [{ if: { properties: { safe: { const: true } } }, then: { required: ['notes'] } }] }, [
      controls[0], { ...controls[2], rule: show('safe', { const: true }) },
    ]);
    const hide = form({ allOf: [{ if: { properties: { safe: { not: { const: false } } }, required: ['safe'] }, then: { required: ['notes'] } }] }, [
      controls[0], { ...controls[2], rule: { effect: 'HIDE', condition: { scope: '#/properties/safe', schema: { const: false } } } },
    ]);
    for (const d of [elseCase, notRequired, hide]) {
      expect(item(d, 'notes').required).toBeUndefined();
      expect(requiredWhen(item(d, 'notes'))).toBeDefined();
    }
  });

  it('matches an anyOf in the `if` to an OR rule over the same answers', () => {
    const anyHigh = { properties: { safe: { const: true } }, required: ['safe'], anyOf: [{ properties: { level: { const: 'high' } }, required: ['level'] }, { required: ['notes'] }] };
    const d = form({ properties: { ...form({}, []).schema.properties as object, why: { type: 'string', 'x-code': 'why' } }, allOf: [{ if: anyHigh, then: { required: ['why'] } }] }, [
      controls[0],
      { type: 'Group', label: 'Private', rule: show('safe', { const: true }), elements: [
        controls[1], controls[2],
        { type: 'Control', scope: '#/properties/why', rule: { effect: 'SHOW', condition: { type: 'OR', conditions: [show('level', { const: 'high' }).condition, show('notes', { minLength: 0 }).condition] } } },
      ] },
    ]);
    // `minLength` does not map, so the OR gives no enableWhen: `why` shows with the section, more widely than required.
    expect(item(d, 'why').required).toBeUndefined();
    // Shown only when `level` is high: then the anyOf holds, whatever `notes` says.
    const narrower = JSON.parse(JSON.stringify(d)) as Definition;
    ((narrower.uischema.elements as Array<{ elements: Array<{ rule: unknown }> }>)[1]!.elements[2]!).rule = show('level', { const: 'high' });
    expect(item(narrower, 'why').required).toBe(true);
  });
});

describe('UI scopes', () => {
  it('are read as the runtime reads them: a malformed percent escape is a key that names nothing, not a crash', () => {
    const d = form({}, [{ type: 'Control', scope: '#/properties/%E0' }, { type: 'Label', text: 'Only when safe', rule: show('%E0', { const: true }) }, ...controls]);
    const q = questionnaireFromDefinition(d);
    expect(q.item?.map((i) => i.linkId)).toEqual(['label-1', 'safe', 'level', 'notes']);
    expect(q.item?.[0]?.extension?.[0]?.url).toMatch(/ui-rule$/);
  });
});
