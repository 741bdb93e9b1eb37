import { describe, expect, it } from 'vitest';
import { lintText, type Problem } from '../../../runtime/core/index';
import { scoredText } from '../../fixtures/scored/load';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The scored screen with a change applied, linted as text. */
function lintScored(change: (d: Json) => void = () => {}): Problem[] {
  const d = JSON.parse(scoredText) as Json;
  change(d);
  return lintText(JSON.stringify(d, null, 2), {});
}
const at = (problems: Problem[], code: string) => problems.filter((p) => p.code === code).map((p) => p.path);
const reasons = (problems: Problem[]) => problems.filter((p) => p.code === 'computed-invalid').map((p) => [p.path, p.params?.reason]);

describe('lint: option scores, totals and bands', () => {
  it('passes the scored screen (scores, a total, bands, a count over items, a yes/no choice gate)', () => {
    expect(lintScored()).toEqual([]);
  });

  it('refuses a score over an unknown question, a question without scores, and an option without one', () => {
    const problems = lintScored((d) => {
      d.schema.properties.total['x-computed'].of = ['q1', 'nope', 'followUp'];
      delete d.schema.properties.q1.oneOf[2]['x-score'];
    });
    expect(reasons(problems)).toEqual([
      ['/schema/properties/q1/oneOf/2', 'option-unscored'],
      ['/schema/properties/total/x-computed/of/1', 'unknown'],
      ['/schema/properties/total/x-computed/of/2', 'not-scored'],
    ]);
  });

  it('refuses bands out of order, with a gap or an overlap, a repeated code, or an open middle', () => {
    const bands = (list: unknown[]) => (d: Json) => (d.schema.properties.risk['x-computed'].bands = list);
    expect(reasons(lintScored(bands([{ code: 'low', title: 'L', min: 0, max: 7 }, { code: 'high', title: 'H', min: 9 }])))).toEqual([
      ['/schema/properties/risk/x-computed/bands/1/min', 'band-gap'],
    ]);
    expect(reasons(lintScored(bands([{ code: 'low', title: 'L', min: 0, max: 8 }, { code: 'high', title: 'H', min: 8 }])))).toEqual([
      ['/schema/properties/risk/x-computed/bands/1/min', 'band-overlap'],
    ]);
    expect(reasons(lintScored(bands([{ code: 'low', title: 'L', min: 8, max: 20 }, { code: 'low', title: 'H', min: 0, max: 7 }])))).toEqual([
      ['/schema/properties/risk/x-computed/bands/1/code', 'band-code-duplicate'],
      ['/schema/properties/risk/x-computed/bands/1/min', 'band-overlap'],
    ]);
    expect(reasons(lintScored(bands([{ code: 'low', title: 'L', min: 0 }, { code: 'high', title: 'H', min: 9, max: 3 }])))).toEqual([
      ['/schema/properties/risk/x-computed/bands/0', 'band-open'],
      ['/schema/properties/risk/x-computed/bands/1/max', 'band-crossed'],
    ]);
  });

  it('refuses a band of a band (a cycle), of itself, and of a total that is not a whole number', () => {
    expect(reasons(lintScored((d) => (d.schema.properties.risk['x-computed'].of = 'risk')))).toEqual([['/schema/properties/risk/x-computed/of', 'cycle']]);
    const chained = lintScored((d) => {
      d.schema.properties.risk2 = { ...d.schema.properties.risk, 'x-code': 'risk_2', 'x-computed': { ...d.schema.properties.risk['x-computed'], of: 'risk' } };
      d.uischema.elements[0].elements.push({ type: 'Control', scope: '#/properties/risk2' });
    });
    expect(reasons(chained)).toEqual([['/schema/properties/risk2/x-computed/of', 'cycle']]);
    expect(reasons(lintScored((d) => (d.schema.properties.total.type = 'number')))).toEqual([['/schema/properties/risk/x-computed/of', 'band-total']]);
    // A total reading a computed value: computed values read answers only.
    expect(reasons(lintScored((d) => d.schema.properties.total['x-computed'].of.push('risk')))).toEqual([['/schema/properties/total/x-computed/of/3', 'cycle']]);
  });

  it('refuses a count over items of something that is not a group, or naming an item question it lacks', () => {
    expect(reasons(lintScored((d) => (d.schema.properties.under5['x-computed'].items = 'q1')))).toEqual([['/schema/properties/under5/x-computed/items', 'not-group']]);
    expect(reasons(lintScored((d) => (d.schema.properties.under5['x-computed'].where = { properties: { height: { maximum: 4 } } })))).toEqual([
      ['/schema/properties/under5/x-computed/where', 'unknown'],
    ]);
    expect(reasons(lintScored((d) => (d.schema.properties.under5['x-computed'] = { op: 'sum', items: 'children', field: 'name' })))).toEqual([
      ['/schema/properties/under5/x-computed/field', 'not-numeric'],
    ]);
  });

  it('refuses x-score anywhere but on an option, and x-yes-no naming codes the question lacks', () => {
    expect(at(lintScored((d) => (d.schema.properties.followUp['x-score'] = 1)), 'extension-invalid')).toEqual(['/schema/properties/followUp/x-score']);
    expect(at(lintScored((d) => (d.schema.properties.safeToTalk['x-yes-no'] = { yes: 'yes', no: 'nope' })), 'extension-invalid')).toEqual(['/schema/properties/safeToTalk/x-yes-no/no']);
  });
});

describe('lint: a yes/no choice as the safety check', () => {
  it('refuses a single choice as the gate unless x-yes-no names its yes and no', () => {
    const problems = lintScored((d) => delete d.schema.properties.safeToTalk['x-yes-no']);
    expect(at(problems, 'gate-invalid')).toEqual(['/schema/properties/safeToTalk/type']);
  });

  it('counts only the rule on the gate\'s yes code as the gate', () => {
    const problems = lintScored((d) => (d.uischema.elements[1].rule.condition.schema = { const: true }));
    expect(at(problems, 'sensitive-ungated')).toEqual(['/uischema/elements/1/elements/0', '/uischema/elements/1/elements/1']);
  });

  it('requires sensitive questions only through an if on the gate\'s yes code', () => {
    const problems = lintScored((d) => (d.schema.allOf[1].if.properties.safeToTalk.const = 'no'));
    expect(at(problems, 'sensitive-ungated')).toEqual(['/schema/allOf/1/then/required/0']);
  });
});
