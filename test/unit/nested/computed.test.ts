import { describe, expect, it } from 'vitest';
import {
  codebook, codebookCsv, csvText, lintText, questionnaireFromDefinition, validateResponse, withComputedValues, type Definition,
} from '../../../runtime/core/index';
import { questionPlan } from '../../../runtime/react/layout/plan';
import { createFormController } from '../../../runtime/react/model/controller';
import type { UiElement } from '../../../runtime/react/model/formModel';
import { responseOf } from '../export/helpers';
import { fullAnswers, nested } from './fixture';

/**
 * A computed value inside an object reads the object's own answers (its level, as a group item's
 * reads the item's): the follow-up block scores its level and counts a referral. Lint, the values
 * rules read, validation, exports and the runtime's control all work it out the same way.
 */
function scoredFollowUp(): Definition {
  const d = structuredClone(nested().definition) as any;
  const follow = d.schema.properties.riskFollowUp;
  follow.properties.level.oneOf.forEach((o: any, i: number) => (o['x-score'] = i + 1));
  follow.properties.severity = { type: 'integer', readOnly: true, title: 'Severity score', 'x-code': 'risk_severity', 'x-computed': { op: 'score', of: ['level'] } };
  follow.properties.flags = { type: 'integer', readOnly: true, title: 'Referrals made', 'x-code': 'risk_flags', 'x-computed': { op: 'count', of: ['referred'], equals: true } };
  const group = d.uischema.elements.find((e: any) => e.label === 'Risk follow-up');
  group.elements.push({ type: 'Control', scope: '#/properties/riskFollowUp/properties/severity' }, { type: 'Control', scope: '#/properties/riskFollowUp/properties/flags' });
  return d as Definition;
}

// A medium risk: the duty manager question (shown when it is high) is left out.
const { urgentCall: _u, ...rest } = fullAnswers;
const answers = { ...rest, riskFollowUp: { ...fullAnswers.riskFollowUp, level: 'medium' } };
const lintOf = (d: Definition) => lintText(JSON.stringify(d), { published: {} });

describe('computed values inside an object (issue 18 points 1 and 2)', () => {
  const definition = scoredFollowUp();

  it('lint finds the keys they name in their own object', () => {
    expect(lintOf(definition).filter((p) => p.severity === 'error').map((p) => [p.code, p.path])).toEqual([]);
  });

  it('lint names the object when a key is not one of its questions', () => {
    const d = structuredClone(definition) as any;
    d.schema.properties.riskFollowUp.properties.flags['x-computed'].of = ['riskLevel'];
    const found = lintOf(d).filter((p) => p.code === 'computed-invalid');
    expect(found.map((p) => [p.path, p.params?.reason])).toEqual([['/schema/properties/riskFollowUp/properties/flags/x-computed/of/0', 'unknown']]);
    expect(found[0]!.message).toContain('riskFollowUp');
  });

  it('are put in their object for rules and responses', () => {
    const withValues = withComputedValues(definition, answers) as typeof answers & { riskFollowUp: Record<string, unknown> };
    expect([withValues.riskFollowUp.severity, withValues.riskFollowUp.flags]).toEqual([2, 1]);
  });

  it('validation refuses a stored value the answers do not give, at its nested pointer', () => {
    const verdict = (follow: Record<string, unknown>) => validateResponse(definition, { ...answers, riskFollowUp: { ...answers.riskFollowUp, ...follow } }).map((p) => [p.code, p.path]);
    expect(verdict({ severity: 2, flags: 1 })).toEqual([]);
    expect(verdict({ severity: 3 })).toEqual([['answer-computed', '/riskFollowUp/severity']]);
  });

  it('exports write the value the answers give, and the codebook and FHIR say how', () => {
    const [header, row] = csvText(definition, [responseOf(definition, { ...answers, riskFollowUp: { ...answers.riskFollowUp, severity: 99 } })]).wide.split('\r\n');
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    expect([cells.risk_severity, cells.risk_flags]).toEqual(['2', '1']);
    const rows = codebookCsv(codebook(definition)).split('\r\n');
    expect(rows.find((r) => r.startsWith('risk_severity,'))).toContain('risk_follow_up_level');
    const q = JSON.stringify(questionnaireFromDefinition(definition));
    expect(q).toContain("linkId = 'risk_follow_up_level'");
  });

  it('the runtime shows the value worked out from the object, and updates it as the object changes', async () => {
    const c = createFormController({ definition });
    await c.ready;
    c.store.set('safeToTalk', true);
    c.store.set('riskLevel', 2);
    c.store.set('riskFollowUp', { level: 'high', plan: 'p' });
    const element = (c.model.uischema.elements as UiElement[]).find((e) => e.label === 'Risk follow-up')!.elements!.find((e) => e.scope?.endsWith('/severity'))!;
    const plan = questionPlan(c, element, '/uischema/elements/2/elements/4')!;
    let woke = 0;
    const stop = plan.subscribeValue(() => woke++);
    expect(plan.getValue()).toBe(3);
    c.store.set('riskFollowUp', { level: 'standard', plan: 'p' });
    expect([plan.getValue(), woke > 0]).toEqual([1, true]);
    stop();
    expect((c.getResponse().answers.riskFollowUp as Record<string, unknown>).severity).toBe(1);
  });
});
