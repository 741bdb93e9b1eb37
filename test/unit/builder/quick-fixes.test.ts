import { describe, expect, it } from 'vitest';
import { getAtPointer, lintText, loadDefinitionText, visibleQuestionKeys, type LintContext, type Problem } from '../../../runtime/core/index';
import { definitionText, quickFixesFor, type RawDefinition } from '../../../builder/app/services/edits/index';
import { fixtureJson, fixtureText } from '../lint/fixtures';

/**
 * Issue 17.3: each quick fix, applied to the fixture whose problem it is for, makes that problem
 * go away and brings no new error.
 */
const previous = (() => {
  const loaded = loadDefinitionText(fixtureText('valid'));
  if (!loaded.ok) throw new Error('valid.json does not load');
  return loaded.value;
})();

const lintDef = (def: RawDefinition, context: Omit<LintContext, 'raw'> = {}) => lintText(definitionText(def), context);
const errorCodes = (problems: Problem[]) => new Set(problems.filter((p) => p.severity === 'error').map((p) => p.code));

function fixOnce(def: RawDefinition, code: string, context: Omit<LintContext, 'raw'> = {}, input?: { reason?: string }) {
  const before = lintDef(def, context);
  const problem = before.find((p) => p.code === code);
  expect(problem, `${code} before the fix`).toBeDefined();
  const fixes = quickFixesFor(def, problem!);
  expect(fixes).toHaveLength(1);
  const fixed = fixes[0]!.apply(def, input);
  return { fix: fixes[0]!, before, fixed };
}

function expectFixed(code: string, before: Problem[], after: Problem[]) {
  expect(after.filter((p) => p.code === code)).toEqual([]);
  const was = errorCodes(before);
  expect([...errorCodes(after)].filter((c) => !was.has(c))).toEqual([]);
}

describe('quick fixes', () => {
  it('retire: a dropped code is listed in "retired" with the reason given', () => {
    const def = fixtureJson('code-dropped');
    const { fix, before, fixed } = fixOnce(def, 'code-dropped', { previous }, { reason: 'We no longer ask how they got in touch.' });
    expect(fix).toMatchObject({ id: 'retire-code', needsReason: true });
    expect(fixed.retired).toEqual([{ code: 'contact_method', reason: 'We no longer ask how they got in touch.' }]);
    expectFixed('code-dropped', before, lintDef(fixed, { previous }));
    // The input is left as it was: the builder's undo keeps the text before.
    expect(def.retired).toEqual([]);
  });

  it('retire: a form with no "retired" list yet gets one', () => {
    const def = fixtureJson('code-dropped');
    delete def.retired;
    const { before, fixed } = fixOnce(def, 'code-dropped', { previous }, { reason: 'Dropped.' });
    expect(before.find((p) => p.code === 'code-dropped')!.path).toBe('');
    expectFixed('code-dropped', before, lintDef(fixed, { previous }));
  });

  it('rules out the others: an option worded like “No one else” is made exclusive', () => {
    const def = fixtureJson('option-reads-exclusive');
    const { fix, before, fixed } = fixOnce(def, 'option-reads-exclusive');
    expect(fix).toMatchObject({ id: 'option-exclusive', label: 'Make “No one else” rule out the others' });
    expect(getAtPointer(fixed, '/schema/properties/present/items/oneOf/2')).toEqual({ const: 'no_one', title: 'No one else', 'x-exclusive': true });
    expectFixed('option-reads-exclusive', before, lintDef(fixed));
  });

  it('put behind the safety check: a sensitive question shown outside it', () => {
    const def = fixtureJson('sensitive-ungated');
    const { fix, before, fixed } = fixOnce(def, 'sensitive-ungated');
    expect(fix.id).toBe('gate-question');
    expectFixed('sensitive-ungated', before, lintDef(fixed));
  });

  it('put behind the safety check: a show-when of its own is kept beside the gate', () => {
    const def = fixtureJson('valid') as RawDefinition & { uischema: { elements: Array<{ elements: Array<Record<string, unknown>> }> }; schema: { properties: Record<string, Record<string, unknown>> } };
    def.schema.properties.contactNote!['x-sensitivity'] = 'sensitive';
    const { before, fixed } = fixOnce(def, 'sensitive-ungated');
    expectFixed('sensitive-ungated', before, lintDef(fixed));
    const rule = (fixed as typeof def).uischema.elements[0]!.elements[3]!.rule as { condition: { type: string; conditions: unknown[] } };
    expect(rule.condition.type).toBe('AND');
    expect(rule.condition.conditions).toContainEqual({ scope: '#/properties/contact', schema: { const: 'in_person' } });
  });

  it('put behind the safety check: a sensitive question required whatever the check says is required only after yes', () => {
    const def = fixtureJson('valid') as RawDefinition & { schema: { required: string[] } };
    def.schema.required.push('harmed');
    const { before, fixed } = fixOnce(def, 'sensitive-ungated');
    expect(before.find((p) => p.code === 'sensitive-ungated')!.path).toBe('/schema/required/2');
    expectFixed('sensitive-ungated', before, lintDef(fixed));
    expect((fixed as typeof def).schema.required).not.toContain('harmed');
  });

  it('renumber: a draft whose changes need a new major version gets the suggested number', () => {
    const def = fixtureJson('code-dropped');
    def.version = '1.1.0';
    def.retired = [{ code: 'contact_method', reason: 'Dropped.' }];
    const { fix, before, fixed } = fixOnce(def, 'version-bump-too-small', { previous, fileVersion: '1.1.0' });
    expect(fix).toMatchObject({ id: 'renumber-draft', renumberTo: '2.0.0' });
    expect(fixed.version).toBe('2.0.0');
    expectFixed('version-bump-too-small', before, lintDef(fixed, { previous, fileVersion: '2.0.0' }));
  });

  it('make codes unique: options after the first of a code get codes of their own', () => {
    const def = fixtureJson('option-code-duplicate');
    const { fix, before, fixed } = fixOnce(def, 'option-code-duplicate');
    expect(fix.id).toBe('unique-option-codes');
    expectFixed('option-code-duplicate', before, lintDef(fixed));
    const codes = ((fixed.schema as { properties: { contact: { oneOf: Array<{ const: string }> } } }).properties.contact.oneOf).map((o) => o.const);
    expect(codes).toEqual(['phone', 'in_person', 'text_message']);
  });

  it('make codes unique in a shared list: options a question takes through $ref are renamed where they are written', () => {
    const def = fixtureJson('option-code-duplicate') as RawDefinition & { schema: Record<string, unknown> & { properties: Record<string, unknown> } };
    const contact = def.schema.properties.contact as Record<string, unknown>;
    def.schema.$defs = { ways: { type: 'string', oneOf: contact.oneOf } };
    def.schema.properties.contact = { $ref: '#/$defs/ways', title: contact.title, 'x-code': contact['x-code'] };
    const { fix, before, fixed } = fixOnce(def, 'option-code-duplicate');
    expect(fix.id).toBe('unique-option-codes');
    expectFixed('option-code-duplicate', before, lintDef(fixed));
    expect((getAtPointer(fixed, '/schema/$defs/ways/oneOf') as Array<{ const: string }>).map((o) => o.const)).toEqual(['phone', 'in_person', 'text_message']);
  });

  it('hide until answered: the show-when waits for its question (failWhenUndefined), shown only once the answer it names is given', () => {
    const def = fixtureJson('rule-shows-unanswered');
    const { fix, before, fixed } = fixOnce(def, 'rule-shows-unanswered');
    expect(fix.id).toBe('hide-until-answered');
    expectFixed('rule-shows-unanswered', before, lintDef(fixed));
    const at = '/uischema/elements/0/elements/3/rule/condition';
    expect(getAtPointer(fixed, at)).toEqual({ scope: '#/properties/contact', schema: { not: { const: 'phone' } }, failWhenUndefined: true });
    const shows = (answers: Record<string, unknown>) => visibleQuestionKeys(fixed as never, answers).includes('contactNote');
    expect([shows({}), shows({ contact: 'phone' }), shows({ contact: 'in_person' })]).toEqual([false, false, true]);
  });

  it('hide until answered: every condition of an AND/OR that holds unanswered, and none that does not', () => {
    const def = fixtureJson('valid') as RawDefinition & { uischema: { elements: Array<{ elements: Array<Record<string, unknown>> }> } };
    const gate = { scope: '#/properties/safeToTalk', schema: { const: true } };
    const nature = { scope: '#/properties/contact', schema: { not: { const: 'phone' } } };
    const children = { scope: '#/properties/children', schema: { minItems: 1 } };
    def.uischema.elements[0]!.elements[3]!.rule = { effect: 'SHOW', condition: { type: 'OR', conditions: [gate, { type: 'AND', conditions: [nature, children] }] } };
    expect(lintDef(def).filter((p) => p.code === 'rule-shows-unanswered').map((p) => p.path)).toHaveLength(2);
    const { before, fixed } = fixOnce(def, 'rule-shows-unanswered');
    expectFixed('rule-shows-unanswered', before, lintDef(fixed));
    const at = '/uischema/elements/0/elements/3/rule/condition/conditions';
    expect(getAtPointer(fixed, `${at}/0`)).toEqual(gate);
    expect(getAtPointer(fixed, `${at}/1/conditions`)).toEqual([{ ...nature, failWhenUndefined: true }, { ...children, failWhenUndefined: true }]);
  });

  it('hide until answered: not offered for a hide-when, which shows exactly when its condition fails', () => {
    const def = fixtureJson('valid') as RawDefinition & { uischema: { elements: Array<{ elements: Array<Record<string, unknown>> }> } };
    def.uischema.elements[0]!.elements[3]!.rule = { effect: 'HIDE', condition: { scope: '#/properties/contact', schema: { const: 'phone' } } };
    const problem = lintDef(def).find((p) => p.code === 'rule-shows-unanswered');
    expect(problem?.path).toBe('/uischema/elements/0/elements/3/rule/condition');
    expect(quickFixesFor(def, problem!)).toEqual([]);
  });

  it('a problem with no mechanical fix, or a definition that no longer matches, offers none', () => {
    const def = fixtureJson('label-empty');
    const problem = lintDef(def).find((p) => p.code === 'label-empty')!;
    expect(quickFixesFor(def, problem)).toEqual([]);
    const gateless = fixtureJson('sensitive-ungated');
    delete gateless.safety;
    expect(quickFixesFor(gateless, { code: 'sensitive-ungated', severity: 'error', message: '', path: '/uischema/elements/0/elements/5', params: { key: 'harmed' } })).toEqual([]);
  });
});
