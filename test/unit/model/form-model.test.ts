import { describe, expect, it } from 'vitest';
import { formModel, questionAtAnswer } from '../../../runtime/core/model/index';

const definition = {
  schema: {
    type: 'object',
    $defs: {
      yesNo: { type: 'string', oneOf: [{ const: 'yes', title: 'Yes' }, { const: 'no', title: 'No' }] },
      child: { type: 'object', title: 'Child', properties: { name: { type: 'string', title: 'Name', 'x-code': 'child_name' }, age: { type: 'integer', 'x-code': 'child_age' } }, required: ['name'] },
    },
    properties: {
      safe: { type: 'boolean', title: 'Safe to talk?', 'x-code': 'safe' },
      worried: { $ref: '#/$defs/yesNo', title: 'Worried?', 'x-code': 'worried', 'x-sensitivity': 'sensitive' },
      seenAt: { type: 'string', format: 'date-time', title: 'Seen at', 'x-code': 'seen_at' },
      notes: { type: 'string', maxLength: 500, title: 'Notes', 'x-code': 'notes' },
      'rate pct': { type: 'number', title: 'Rate', 'x-code': 'rate_pct' },
      children: { type: 'array', items: { $ref: '#/$defs/child' }, title: 'Children', 'x-code': 'children' },
      again: { type: 'string', 'x-code': 'notes' },
      total: { type: 'integer', readOnly: true, 'x-computed': { op: 'count', of: ['safe'], equals: true }, 'x-code': 'total' },
    },
    required: ['safe'],
    allOf: [{ if: { properties: { safe: { const: true } }, required: ['safe'] }, then: { required: ['worried'] } }],
  },
  uischema: {
    type: 'Categorization',
    elements: [
      { type: 'Category', label: 'Safety', elements: [{ type: 'Control', scope: '#/properties/safe' }] },
      {
        type: 'Category',
        label: 'About',
        rule: { effect: 'SHOW', condition: { scope: '#/properties/safe', schema: { const: true } } },
        elements: [
          { type: 'Label', text: 'Only for under-fives', rule: { effect: 'SHOW', condition: { scope: '#/properties/worried', schema: { const: 'yes' } } } },
          { type: 'Control', scope: '#/properties/worried' },
          { type: 'Control', scope: '#/properties/seenAt' },
          { type: 'Control', scope: '#/properties/notes', options: { multi: true } },
          { type: 'Control', scope: '#/properties/rate%20pct' },
          { type: 'Control', scope: '#/properties/children', options: { detail: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/name' }] } } },
        ],
      },
    ],
  },
};

describe('the form model', () => {
  const model = formModel(definition);
  const q = (key: string) => model.byKey.get(key)!;

  it('reads every question once, groups before their items, kinds from the shape behind $ref', () => {
    expect(model.all.map((x) => `${x.id} ${x.kind}`)).toEqual([
      'safe yes-no', 'worried single-choice', 'seen_at date-time', 'notes long-text', 'rate_pct decimal',
      'children group', 'child_name text', 'child_age integer', '@/again text', 'total integer',
    ]);
    expect(q('worried').options.map((o) => o.code)).toEqual(['yes', 'no']);
    expect(q('worried').sensitivity).toBe('sensitive');
    expect(q('total').computed).toEqual({ op: 'count', of: ['safe'], equals: true });
    expect(formModel(definition)).toBe(model);
  });

  it('places group items where they are written, with answer paths and scopes', () => {
    const name = q('children').items![0]!;
    expect(name.pointer).toBe('/schema/$defs/child/properties/name');
    expect(name.answerPath).toBe('/children/-/name');
    expect(name.scope).toBe('#/properties/name');
    expect(name.group).toBe(q('children'));
    expect(name.required).toBe('always');
    expect(questionAtAnswer(model, ['children', '2', 'name'])).toBe(name);
    expect(questionAtAnswer(model, ['children', '2', 'nothing'])).toBe(q('children'));
  });

  it('knows what is required always, when, and never', () => {
    expect(q('safe').required).toBe('always');
    expect(q('worried').required).toBe('conditional');
    expect(q('worried').requiredIf).toHaveLength(1);
    expect(q('notes').required).toBe('never');
  });

  it('gives each shown question its control, section and the rules above it', () => {
    expect(model.sections!.map((s) => `${s.label}: ${s.questions.map((x) => x.key).join(',')}`)).toEqual(['Safety: safe', 'About: worried,seenAt,notes,children,name']);
    expect(q('worried').control!.rules.map((r) => r.pointer)).toEqual(['/uischema/elements/1']);
    expect(q('children').items![0]!.control!.pointer).toBe('/uischema/elements/1/elements/5/options/detail/elements/0');
    expect(q('children').items![1]!.section?.label).toBe('About');
    expect(model.labels.map((l) => `${l.text} ${l.rules.length}`)).toEqual(['Only for under-fives 2']);
    expect([...model.ruleReads!]).toEqual(['safe', 'worried']);
  });

  it('reads a scope as JSON Forms does: `%20` is not a space, so `rate pct` is shown by no control', () => {
    expect(q('rate pct').control).toBeUndefined();
    expect(model.ui.scopes.find((s) => s.scope === '#/properties/rate%20pct')?.target.kind).toBe('unresolved');
  });

  it("indexes every scope for lint, in document order, each read where its element is (an item's layout: the item)", () => {
    expect(model.ui.scopes.map((s) => `${s.role} ${s.pointer} ${s.target.kind === 'question' ? s.target.question.id : s.target.kind}`)).toEqual([
      'control /uischema/elements/0/elements/0/scope safe',
      'rule /uischema/elements/1/rule/condition/scope safe',
      'rule /uischema/elements/1/elements/0/rule/condition/scope worried',
      'control /uischema/elements/1/elements/1/scope worried',
      'control /uischema/elements/1/elements/2/scope seen_at',
      'control /uischema/elements/1/elements/3/scope notes',
      'control /uischema/elements/1/elements/4/scope unresolved',
      'control /uischema/elements/1/elements/5/scope children',
      'control /uischema/elements/1/elements/5/options/detail/elements/0/scope child_name',
    ]);
    expect(model.ui.scopes).toBe(model.ui.scopes);
  });

  it("points at each option and its label where they are written (an enum entry has no label of its own)", () => {
    expect(q('worried').options.map((o) => [o.pointer, o.labelPointer])).toEqual([
      ['/schema/$defs/yesNo/oneOf/0', '/schema/$defs/yesNo/oneOf/0/title'],
      ['/schema/$defs/yesNo/oneOf/1', '/schema/$defs/yesNo/oneOf/1/title'],
    ]);
    const listed = formModel({ schema: { type: 'object', properties: { drink: { type: 'string', enum: ['never', 'often'] } } }, uischema: {} });
    expect(listed.byKey.get('drink')!.options.map((o) => [o.code, o.label, o.pointer, o.labelPointer])).toEqual([
      ['never', 'never', '/schema/properties/drink/enum/0', undefined],
      ['often', 'often', '/schema/properties/drink/enum/1', undefined],
    ]);
  });
});
