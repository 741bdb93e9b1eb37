import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, withCode, type Json } from '../helpers';

/**
 * A show-when on "contains other" held while nothing was ticked (JSON Schema keywords pass on a
 * missing answer), so “Describe the other kind” showed first and hid, dropping its answer, once
 * something else was ticked. The runtime's own evaluator decides, on answers without the question.
 */
const noteAt = '/uischema/elements/0/elements/3';
const withRule = (rule: Json) => lintChanged((d) => (d.uischema.elements[0].elements[3].rule = rule));
const on = (schema: Json, extra: Json = {}) => ({ scope: '#/properties/contact', schema, ...extra });
const other = { scope: '#/properties/safeToTalk', schema: { const: true } };

describe('rule-shows-unanswered', () => {
  it('passes a show-when that is false while its question is unanswered', () => {
    expect(withCode(lintFixture('valid'), 'rule-shows-unanswered')).toEqual([]);
    expect(withCode(withRule({ effect: 'SHOW', condition: on({ not: { const: 'phone' } }, { failWhenUndefined: true }) }), 'rule-shows-unanswered')).toEqual([]);
    // A hide-when that hides while unanswered is what it should do.
    expect(withCode(withRule({ effect: 'HIDE', condition: on({ not: { const: 'phone' } }) }), 'rule-shows-unanswered')).toEqual([]);
    // `#` reads the whole form, never unanswered.
    expect(withCode(withRule({ effect: 'SHOW', condition: { scope: '#', schema: { required: ['contact'] } } }), 'rule-shows-unanswered')).toEqual([]);
  });

  it('warns at the condition, naming both questions by their wording', () => {
    const [p, ...rest] = withCode(lintFixture('rule-shows-unanswered'), 'rule-shows-unanswered');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'warning', path: `${noteAt}/rule/condition`, params: { key: 'contact', effect: 'SHOW' } });
    expect(p!.message).toContain('“How did they get in touch?”');
    expect(p!.message).toContain('‘Hide until answered’');
  });

  it('reads HIDE and DISABLE the other way, and ENABLE as SHOW', () => {
    expect(withCode(withRule({ effect: 'HIDE', condition: on({ const: 'phone' }) }), 'rule-shows-unanswered').map((p) => p.params)).toEqual([{ key: 'contact', effect: 'HIDE' }]);
    expect(withCode(withRule({ effect: 'DISABLE', condition: on({ const: 'phone' }) }), 'rule-shows-unanswered')).toHaveLength(1);
    expect(withCode(withRule({ effect: 'ENABLE', condition: on({ minLength: 1 }) }), 'rule-shows-unanswered')).toHaveLength(1);
  });

  it('finds the condition inside AND and OR, and only that one', () => {
    for (const type of ['AND', 'OR']) {
      const problems = withCode(withRule({ effect: 'SHOW', condition: { type, conditions: [other, on({ contains: { const: 'x' } })] } }), 'rule-shows-unanswered');
      expect(problems.map((p) => p.path)).toEqual([`${noteAt}/rule/condition/conditions/1`]);
    }
  });

  it('reads a rule inside a group item against the item', () => {
    const problems = lintChanged((d) => (d.uischema.elements[0].elements[4].options.detail.elements[1].rule = { effect: 'SHOW', condition: { scope: '#/properties/name', schema: { minLength: 1 } } }));
    expect(withCode(problems, 'rule-shows-unanswered').map((p) => [p.path, p.params?.key])).toEqual([['/uischema/elements/0/elements/4/options/detail/elements/1/rule/condition', 'name']]);
  });

  it('is left out for a published version with its hash recorded (the fix is a new version)', () => {
    const context = { folderId: 'lint-example', fileVersion: '1.0.0', published: {} };
    const draft = lintChanged((d) => (d.uischema.elements[0].elements[3].rule = { effect: 'SHOW', condition: on({ not: { const: 'phone' } }) }), context);
    expect(withCode(draft, 'rule-shows-unanswered')).toHaveLength(1);
    const published = lintChanged((d) => {
      d.status = 'published';
      d.uischema.elements[0].elements[3].rule = { effect: 'SHOW', condition: on({ not: { const: 'phone' } }) };
    }, { ...context, published: { 'lint-example/1.0.0': 'a'.repeat(64) } });
    expect(withCode(published, 'rule-shows-unanswered')).toEqual([]);
  });
});
