import { describe, expect, it } from 'vitest';
import { lintText, type Problem } from '../../../runtime/core/index';
import {
  addComputed,
  addObjectGroup,
  addObjectQuestion,
  addQuestion,
  changeKind,
  definitionText,
  deleteItem,
  deleteObjectQuestion,
  deletionImpact,
  moveObjectQuestion,
  newDefinition,
  readOutline,
  relabelObjectGroup,
  relabelQuestion,
  renameKey,
  setComputed,
  setItemShowRule,
  updateQuestion,
  type RawDefinition,
} from '../../../builder/app/services/edits/index';
import { childSelection, conditionChoices, insertionPoint, moveAnnouncement, objectItemSelection, selectionForPath } from '../../../builder/app/contributions/outline/model';
import { carryRenames } from '../../../builder/app/contributions/preview/model';
import { nested } from '../nested/fixture';

type Def = RawDefinition & { schema: { properties: Record<string, any>; required?: string[] }; uischema: { elements: Array<{ elements: any[] }> } };
const props = (d: RawDefinition) => (d as Def).schema.properties;
const section0 = (d: RawDefinition) => (d as Def).uischema.elements[0]!.elements;

/** Lint finds nothing wrong with the structure the edit left (issue 18.6: no stray scope or UI schema problems). */
function expectClean(d: RawDefinition): void {
  const problems: Problem[] = lintText(definitionText(d), { folderId: String(d.id), fileVersion: String(d.version) });
  expect(problems.filter((p) => p.severity === 'error' || /scope|uischema|unshown|shown/.test(p.code)).map((p) => `${p.code} ${p.path}`)).toEqual([]);
}

/** A new form with a risk score and an object group "Risk follow-up" holding a plan and a referral question. */
function riskForm() {
  let d = newDefinition('risk', 'Risk', '2026-12-06');
  const risk = addQuestion(d, 'number', { section: 0, label: 'Risk score' });
  const group = addObjectGroup(risk.definition, { section: 0 });
  const renamed = relabelObjectGroup(group.definition, { section: 0, index: 1 }, group.key, 'Risk follow-up', false);
  d = renamed.definition;
  const first = relabelQuestion(d, { key: 'newTextQuestion', object: 'riskFollowUp' }, 'Safety plan', false);
  const referred = addObjectQuestion(first.definition, 'riskFollowUp', 'yes-no', 'Referral made');
  return { d: referred.definition, risk: risk.key, group: group.key, renamed: renamed.key, plan: first.key, referred: referred.key };
}

describe('object groups in Design (issue 18 point 6)', () => {
  it('Add › Object group adds an object with properties and a Group of controls scoped into it, with a first question', () => {
    const d0 = newDefinition('risk', 'Risk', '2026-12-06');
    const { definition: d, key } = addObjectGroup(d0, { section: 0 });
    expect(props(d)[key]).toMatchObject({ type: 'object', title: 'New object group', 'x-code': 'new_object_group', properties: { newTextQuestion: { type: 'string', 'x-code': 'new_text_question' } } });
    expect(section0(d)).toEqual([{ type: 'Group', label: 'New object group', elements: [{ type: 'Control', scope: `#/properties/${key}/properties/newTextQuestion` }] }]);
    expect(d0.schema).toEqual(newDefinition('risk', 'Risk', '2026-12-06').schema); // pure: the input is untouched
    expectClean(d);
  });

  it('naming the group names its object: key, code, heading and the scopes of its questions follow the title', () => {
    const { d, group, renamed, plan, referred } = riskForm();
    expect(group).toBe('newObjectGroup');
    expect(renamed).toBe('riskFollowUp');
    expect(Object.keys(props(d))).toEqual(['riskScore', 'riskFollowUp']);
    expect(props(d).riskFollowUp).toMatchObject({ title: 'Risk follow-up', 'x-code': 'risk_follow_up' });
    expect(Object.keys(props(d).riskFollowUp.properties)).toEqual([plan, referred]);
    expect(plan).toBe('safetyPlan');
    expect(section0(d)[1]).toMatchObject({ type: 'Group', label: 'Risk follow-up' });
    expect(section0(d)[1].elements.map((c: { scope: string }) => c.scope)).toEqual(['#/properties/riskFollowUp/properties/safetyPlan', '#/properties/riskFollowUp/properties/referralMade']);
    expectClean(d);
  });

  it('the outline lists the object group with its questions nested under it, each with its own place', () => {
    const { d } = riskForm();
    const item = readOutline(d).sections[0]!.items[1]!;
    expect(item).toMatchObject({ type: 'question', label: 'Risk follow-up', question: { kind: 'object', key: 'riskFollowUp' } });
    expect(item.children!.map((c) => [c.object, c.key, c.kind, c.schemaPath])).toEqual([
      ['riskFollowUp', 'safetyPlan', 'text', '/schema/properties/riskFollowUp/properties/safetyPlan'],
      ['riskFollowUp', 'referralMade', 'yes-no', '/schema/properties/riskFollowUp/properties/referralMade'],
    ]);
  });

  it('required, type, label and limits of a question inside the group edit the object, not the top level', () => {
    const { d: d0 } = riskForm();
    const ref = { key: 'safetyPlan', object: 'riskFollowUp' };
    let d = updateQuestion(d0, ref, { required: true, hint: 'Who keeps it', maxLength: 300 });
    expect(props(d).riskFollowUp.required).toEqual(['safetyPlan']);
    // The object is required with it: a required question of an optional object would be asked for only once another was answered.
    expect((d as Def).schema.required).toEqual(['riskFollowUp']);
    expect(props(d).riskFollowUp.properties.safetyPlan).toMatchObject({ description: 'Who keeps it', maxLength: 300 });
    expect(readOutline(d).sections[0]!.items[1]!.children![0]!.required).toBe(true);
    expectClean(d);
    d = changeKind(d, ref, 'long-text');
    expect(props(d).riskFollowUp.properties.safetyPlan).toMatchObject({ type: 'string', maxLength: 300, title: 'Safety plan' });
    expect(section0(d)[1].elements[0]).toEqual({ type: 'Control', scope: '#/properties/riskFollowUp/properties/safetyPlan', options: { multi: true } });
    expectClean(d);
    d = updateQuestion(d, ref, { required: false });
    expect(props(d).riskFollowUp.required).toEqual([]);
    expect((d as Def).schema.required).toEqual([]);
    expectClean(d);
  });

  it('renaming a question inside an object moves its required entry, its rules and the conditions of the object', () => {
    const d0 = JSON.parse(nested().text) as RawDefinition;
    const d = renameKey(structuredClone(d0), { key: 'referred', object: 'riskFollowUp' }, 'referralMade');
    const follow = props(d).riskFollowUp;
    expect(Object.keys(follow.properties)).toEqual(['level', 'plan', 'referralMade', 'referralDate']);
    expect(follow.allOf[0].if).toEqual({ properties: { referralMade: { const: true } }, required: ['referralMade'] });
    const group = (d as Def).uischema.elements[2] as unknown as { elements: Array<{ scope: string; rule?: { condition: { scope: string } } }> };
    expect(group.elements[2]!.scope).toBe('#/properties/riskFollowUp/properties/referralMade');
    expect(group.elements[3]!.rule!.condition.scope).toBe('#/properties/riskFollowUp/properties/referralMade');
    const planRequired = renameKey(structuredClone(d0), { key: 'plan', object: 'riskFollowUp' }, 'safetyPlan');
    // Its own `if`/`then` (required when the risk is above 0) stays as the author wrote it when a question is made optional.
    const optional = updateQuestion(d0, { key: 'plan', object: 'riskFollowUp' }, { required: false });
    expect((optional as Def & { schema: { allOf: unknown[] } }).schema.allOf).toEqual((d0 as Def & { schema: { allOf: unknown[] } }).schema.allOf);
    expect((optional as Def).schema.required).toEqual(['safeToTalk', 'riskLevel']);
    expect(props(planRequired).riskFollowUp.required).toEqual(['safetyPlan']);
    expectClean(d);
    expectClean(planRequired);
  });

  it('moves a question up and down within its group, keeping the properties in the order shown', () => {
    const { d: d0 } = riskForm();
    const d = moveObjectQuestion(d0, 'riskFollowUp', 'referralMade', -1);
    expect(section0(d)[1].elements.map((c: { scope: string }) => c.scope.split('/').at(-1))).toEqual(['referralMade', 'safetyPlan']);
    expect(Object.keys(props(d).riskFollowUp.properties)).toEqual(['referralMade', 'safetyPlan']);
    expect(moveObjectQuestion(d, 'riskFollowUp', 'referralMade', -1)).toBe(d);
    expectClean(d);
  });

  it('deletes a question inside the group with what reads it, after naming the rule it takes', () => {
    const { d: d0 } = riskForm();
    let d = updateQuestion(d0, { key: 'referralMade', object: 'riskFollowUp' }, { required: true });
    d = addObjectQuestion(d, 'riskFollowUp', 'date', 'Date of the referral').definition;
    (section0(d)[1].elements[2] as Record<string, unknown>).rule = { effect: 'SHOW', condition: { scope: '#/properties/riskFollowUp/properties/referralMade', schema: { const: true } } };
    expectClean(d);
    const impact = deletionImpact(d, [{ key: 'referralMade', object: 'riskFollowUp' }]);
    expect(impact.deleted).toEqual(['Referral made']);
    expect(impact.rules.map((r) => r.label)).toEqual(['Date of the referral']);
    d = deleteObjectQuestion(d, 'riskFollowUp', 'referralMade');
    expect(Object.keys(props(d).riskFollowUp.properties)).toEqual(['safetyPlan', 'dateReferral']);
    expect(props(d).riskFollowUp.required).toEqual([]);
    expect((d as Def).schema.required).toEqual([]);
    expect(section0(d)[1].elements).toEqual([
      { type: 'Control', scope: '#/properties/riskFollowUp/properties/safetyPlan' },
      { type: 'Control', scope: '#/properties/riskFollowUp/properties/dateReferral' },
    ]);
    expectClean(d);
  });

  it('a show-when on the whole group: shown when the risk score is above 0, or when a total is 8 or more', () => {
    const { d: d0 } = riskForm();
    let d = setItemShowRule(d0, { section: 0, index: 1 }, { mode: 'all', conditions: [{ key: 'riskScore', op: 'at-least', value: 1 }] });
    expect(section0(d)[1].rule).toMatchObject({ effect: 'SHOW', condition: { scope: '#/properties/riskScore', schema: { minimum: 1 } } });
    expect(readOutline(d).sections[0]!.items[1]!.showRule).toEqual({ mode: 'all', conditions: [{ key: 'riskScore', op: 'at-least', value: 1 }] });
    expectClean(d);
    const total = addComputed(d, { section: 0, index: 1 });
    d = setComputed(total.definition, total.key, { rule: 'sum', of: ['riskScore'] });
    d = setItemShowRule(d, { section: 0, index: 2 }, { mode: 'all', conditions: [{ key: total.key, op: 'at-least', value: 8 }] });
    expect(section0(d)[2]).toMatchObject({ type: 'Group', rule: { condition: { scope: `#/properties/${total.key}`, schema: { minimum: 8 } } } });
    expectClean(d);
  });

  it('deleting the group takes its object and every rule reading its questions', () => {
    const { d: d0 } = riskForm();
    const q = addQuestion(d0, 'text', { section: 0, label: 'Urgent call' });
    let d = q.definition;
    (section0(d)[2] as Record<string, unknown>).rule = { effect: 'SHOW', condition: { scope: '#/properties/riskFollowUp/properties/referralMade', schema: { const: true } } };
    expectClean(d);
    d = deleteItem(d, { section: 0, index: 1 });
    expect(Object.keys(props(d))).toEqual(['riskScore', 'urgentCall']);
    expect(section0(d)[1]).toEqual({ type: 'Control', scope: '#/properties/urgentCall' });
    expectClean(d);
  });
});

describe('deleting an object group names what goes with it (issue 18 point 6)', () => {
  it('the group is named once, and a rule outside it that reads one of its questions is named', () => {
    const { d: d0 } = riskForm();
    const d = addQuestion(d0, 'text', { section: 0, label: 'Urgent call' }).definition;
    (section0(d)[2] as Record<string, unknown>).rule = { effect: 'SHOW', condition: { scope: '#/properties/riskFollowUp/properties/referralMade', schema: { const: true } } };
    const impact = deletionImpact(d, [{ key: 'riskFollowUp' }]);
    expect(impact.deleted).toEqual(['Risk follow-up']);
    expect(impact.rules.map((r) => [r.label, r.watches])).toEqual([['Urgent call', 'Referral made']]);
  });
});

describe('the outline model of an object group (issue 18 point 6)', () => {
  it('selects a question inside the group as a member, finds its group, and says where a move took it', () => {
    const { d } = riskForm();
    const outline = readOutline(d);
    const member = outline.sections[0]!.items[1]!.children![1]!;
    expect(childSelection(member)).toEqual({ kind: 'member', object: 'riskFollowUp', key: 'referralMade' });
    expect(objectItemSelection(outline, 'riskFollowUp')).toEqual({ kind: 'item', section: 0, index: 1 });
    expect(moveAnnouncement(outline, { kind: 'member', object: 'riskFollowUp', key: 'referralMade' })).toBe('Moved “Referral made” to position 2 of 2 in “Risk follow-up”');
    expect(selectionForPath(outline, '/schema/properties/riskFollowUp/properties/referralMade/title')).toEqual({ kind: 'member', object: 'riskFollowUp', key: 'referralMade' });
  });

  it('never offers a question inside an object to a show-when (its scope is not a top-level key)', () => {
    const { d } = riskForm();
    expect(conditionChoices(readOutline(d)).map((c) => c.key)).toEqual(['riskScore']);
  });
});

describe('Add with a question inside an object group selected (issue 18 point 6)', () => {
  it('puts the new element after the group, not inside it nor at the end of the form', () => {
    const { d: d0 } = riskForm();
    const d = addQuestion(d0, 'text', { section: 0, label: 'Notes' }).definition;
    expect(insertionPoint(readOutline(d), { kind: 'member', object: 'riskFollowUp', key: 'safetyPlan' })).toEqual({ section: 0, index: 2 });
  });
});

describe('the preview keeps answers typed in an object group while its keys follow their labels (issue 18 point 6)', () => {
  it('carries an answer inside the object to the question’s new key, and the whole object to the group’s', () => {
    const answers = { newObjectGroup: { newTextQuestion: 'Stays with her sister' } };
    const renamed = carryRenames(answers, [
      { from: 'newTextQuestion', to: 'safetyPlan', object: 'newObjectGroup' },
      { from: 'newObjectGroup', to: 'riskFollowUp' },
    ]);
    expect(renamed).toEqual({ riskFollowUp: { safetyPlan: 'Stays with her sister' } });
  });
});
