import { describe, expect, it } from 'vitest';
import { formModel, lintText, questionAtAnswer, resolveScope } from '../../../runtime/core/index';
import { nested } from './fixture';

const lintOf = (edit: (d: any) => void = () => {}) => {
  const raw = JSON.parse(nested().text);
  edit(raw);
  return lintText(JSON.stringify(raw), { published: {} }).map((p) => [p.code, p.path]);
};

describe('the form model of answers grouped in objects (issue 18 point 2)', () => {
  it('reads each object property as a question at its answer path', () => {
    const model = formModel(nested().definition);
    const plan = model.byId.get('risk_plan')!;
    expect(plan.answerPath).toBe('/riskFollowUp/plan');
    expect(plan.path).toEqual(['riskFollowUp', 'plan']);
    expect(plan.parent?.id).toBe('risk_follow_up');
    expect(model.byId.get('risk_follow_up')!.kind).toBe('object');
    expect(model.byId.get('child_postcode')!.answerPath).toBe('/children/-/address/postcode');
    expect(model.byId.get('child_postcode')!.group?.id).toBe('children');
    expect(model.byId.get('member_name')!.answerPath).toBe('/household/members/-/name');
    // Objects are opened in the level lists: what exports iterate over.
    expect(model.fields.map((q) => q.id)).toEqual([
      'safe_to_talk', 'risk_level', 'risk_follow_up_level', 'risk_plan', 'risk_referred', 'risk_referral_date',
      'urgent_call', 'address_line', 'address_postcode', 'children', 'household_members',
    ]);
    expect(model.byId.get('children')!.items!.map((q) => q.id)).toEqual(['child_name', 'child_postcode']);
    expect(model.byId.get('address_postcode')!.level?.name).toBe('safe-address');
  });

  it('resolves scopes into objects, and answer pointers through objects and items', () => {
    const model = formModel(nested().definition);
    const at = (scope: string) => {
      const t = resolveScope(model, scope, undefined);
      return t.kind === 'question' ? t.question.id : t.kind;
    };
    expect(at('#/properties/riskFollowUp/properties/plan')).toBe('risk_plan');
    expect(at('#/properties/household/properties/members')).toBe('household_members');
    expect(at('#/properties/riskFollowUp/properties/nope')).toBe('unresolved');
    expect(questionAtAnswer(model, ['children', '1', 'address', 'postcode'])?.id).toBe('child_postcode');
    expect(questionAtAnswer(model, ['household', 'members', '0', 'name'])?.id).toBe('member_name');
    expect(questionAtAnswer(model, ['riskFollowUp'])?.id).toBe('risk_follow_up');
  });
});

describe('lint of answers grouped in objects', () => {
  it('finds nothing wrong with the fixture', () => {
    expect(lintOf()).toEqual([]);
  });

  it('reports a scope into a property the object does not have', () => {
    expect(lintOf((d) => (d.uischema.elements[2].elements[1].scope = '#/properties/riskFollowUp/properties/plna'))).toEqual([
      ['scope-unresolved', '/uischema/elements/2/elements/1/scope'],
      ['question-not-shown', '/schema/properties/riskFollowUp/properties/plan'],
    ]);
  });

  it('reports a nested question no control shows, and a safe address shown outside the safety check', () => {
    expect(lintOf((d) => d.uischema.elements[4].elements.pop())).toEqual([['question-not-shown', '/schema/properties/address/properties/postcode']]);
    expect(lintOf((d) => delete d.uischema.elements[4].rule).map((p) => p[0])).toContain('sensitive-ungated');
  });

  it('reports a nested question without an x-code at its pointer', () => {
    expect(lintOf((d) => delete d.schema.properties.household.properties.members.items.properties.name['x-code']))
      .toEqual([['code-missing', '/schema/properties/household/properties/members/items/properties/name/x-code']]);
  });
});
