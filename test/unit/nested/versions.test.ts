import { describe, expect, it } from 'vitest';
import { diffDefinitions, migrateResponse, suggestVersion, type Definition } from '../../../runtime/core/index';
import { responseOf } from '../export/helpers';
import { fullAnswers, nested } from './fixture';

/** The fixture as a next version, changed by `edit`. */
function next(edit: (d: any) => void): Definition {
  const d = structuredClone(nested().definition) as any;
  d.version = '1.1.0';
  edit(d);
  return d as Definition;
}
const follow = (d: any) => d.schema.properties.riskFollowUp;
const kinds = (from: Definition, to: Definition) => diffDefinitions(from, to).map((c) => [c.kind, c.code, c.severity]);

describe('versions of a form with answers grouped in objects (issue 18 point 2)', () => {
  const { definition } = nested();

  it('a nested question added (optional) is minor, removed or newly required is major', () => {
    const added = next((d) => {
      follow(d).properties.notes = { type: 'string', maxLength: 200, title: 'Notes', 'x-code': 'risk_notes' };
      d.uischema.elements[2].elements.push({ type: 'Control', scope: '#/properties/riskFollowUp/properties/notes' });
    });
    expect(kinds(definition, added)).toContainEqual(['question-added', 'risk_notes', 'minor']);
    expect(suggestVersion(definition, added).bump).toBe('minor');

    const removed = next((d) => {
      delete follow(d).properties.plan;
      follow(d).required = [];
      d.uischema.elements[2].elements.splice(1, 1);
      d.retired = [{ code: 'risk_plan', version: '1.1.0', reason: 'Asked elsewhere.' }];
    });
    expect(kinds(definition, removed).find((c) => c[1] === 'risk_plan')?.[2]).toBe('major');
    expect(suggestVersion(definition, removed).bump).toBe('major');

    const required = next((d) => follow(d).required.push('level'));
    expect(kinds(definition, required)).toContainEqual(['question-required', 'risk_follow_up_level', 'major']);
  });

  it('a nested question moved to another answer path is a major change naming both paths', () => {
    const moved = next((d) => {
      follow(d).properties.safetyPlan = follow(d).properties.plan;
      delete follow(d).properties.plan;
      follow(d).required = ['safetyPlan'];
      d.uischema.elements[2].elements[1].scope = '#/properties/riskFollowUp/properties/safetyPlan';
    });
    const change = diffDefinitions(definition, moved).find((c) => c.code === 'risk_plan')!;
    expect([change.kind, change.severity, change.details]).toEqual(['key-changed', 'major', { from: '/riskFollowUp/plan', to: '/riskFollowUp/safetyPlan' }]);
  });

  it('migrate carries nested answers as they are, and names a nested question now required', () => {
    const required = next((d) => follow(d).required.push('level'));
    const { riskFollowUp, ...rest } = fullAnswers;
    const { level: _l, ...withoutLevel } = riskFollowUp;
    const { response, report } = migrateResponse(responseOf(definition, { ...rest, riskFollowUp: withoutLevel }), definition, required);
    expect(response.answers).toEqual({ ...rest, riskFollowUp: withoutLevel });
    expect(report.carried).toEqual(expect.arrayContaining(['risk_follow_up', 'address', 'children', 'household']));
    expect(report.notCarried).toEqual([]);
    expect(report.nowRequired.map((n) => n.path)).toEqual(['/riskFollowUp/level']);
  });

  it('a requirement added inside an object is worded by the path of the answer it reads', () => {
    const conditional = next((d) => follow(d).allOf.push({ if: { properties: { referred: { const: false } }, required: ['referred'] }, then: { required: ['level'] } }));
    const change = diffDefinitions(definition, conditional).find((c) => c.kind === 'question-required')!;
    expect([change.code, change.severity]).toEqual(['risk_follow_up_level', 'major']);
    expect(change.summary).toContain('when riskFollowUp.referred is false');
  });

  it('an if/else inside an object applies only once the object is answered', () => {
    // Required in the else branch: "not referred" needs a reason, but only inside a follow-up that exists.
    const withElse = next((d) => {
      follow(d).properties.notReferredReason = { type: 'string', maxLength: 200, title: 'Why not referred?', 'x-code': 'risk_not_referred_reason' };
      follow(d).allOf[0].else = { required: ['notReferredReason'] };
      d.uischema.elements[2].elements.push({ type: 'Control', scope: '#/properties/riskFollowUp/properties/notReferredReason' });
    });
    const { riskFollowUp, ...rest } = fullAnswers;
    const withoutFollowUp = migrateResponse(responseOf(definition, { ...rest, riskLevel: 0 }), definition, withElse);
    expect(withoutFollowUp.report.nowRequired).toEqual([]);
    const { referralDate: _d, ...followUp } = riskFollowUp;
    const notReferred = migrateResponse(responseOf(definition, { ...rest, riskFollowUp: { ...followUp, referred: false } }), definition, withElse);
    expect(notReferred.report.nowRequired.map((n) => n.path)).toEqual(['/riskFollowUp/notReferredReason']);
  });
});
