import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { exportProfiles, formModel, questionnaireFromDefinition, questionnaireResponseFrom } from '../../../runtime/core/index';
import { requiredWhenSchema } from '../../../runtime/core/export/fhir-required';
import { questionnaireErrors, r4Issues, responseErrors } from '../export/fhir-conformance';
import { responseOf } from '../export/helpers';
import { fullAnswers, nested } from './fixture';

type Item = QuestionnaireItem | QuestionnaireResponseItem;
function find<T extends Item>(items: T[] | undefined, linkId: string): T | undefined {
  for (const item of items ?? []) {
    if (item.linkId === linkId) return item;
    const inner = find(item.item as T[] | undefined, linkId);
    if (inner) return inner;
  }
  return undefined;
}

describe('FHIR export of answers grouped in objects (issue 18 point 2)', () => {
  const { definition } = nested();
  const q = questionnaireFromDefinition(definition) as Questionnaire;

  it('writes an object as a group item holding its questions, enableWhen naming nested questions', { timeout: 90_000 }, () => {
    const follow = find(q.item, 'risk_follow_up')!;
    expect(follow.type).toBe('group');
    expect(follow.item!.map((i) => i.linkId)).toEqual(['risk_follow_up_level', 'risk_plan', 'risk_referred', 'risk_referral_date']);
    expect(find(q.item, 'risk_referral_date')!.enableWhen).toEqual([{ question: 'risk_referred', operator: '=', answerBoolean: true }]);
    expect(find(q.item, 'urgent_call')!.enableWhen![0]!.question).toBe('risk_follow_up_level');
    expect(find(q.item, 'children')!.item!.map((i) => [i.linkId, i.type])).toEqual([['child_name', 'string'], ['child_address', 'group']]);
    expect(find(q.item, 'child_address')!.item!.map((i) => i.linkId)).toEqual(['child_postcode']);
    expect(find(q.item, 'household')!.item!.map((i) => i.linkId)).toEqual(['household_members']);
    expect(r4Issues(q)).toEqual([]);
    expect(questionnaireErrors(q)).toEqual([]);
  });

  it('marks a question required when shown by an if/then inside its object, and places that if in its object otherwise', () => {
    // referralDate: shown when referred is yes, required inside riskFollowUp when referred is yes.
    expect(find(q.item, 'risk_referral_date')!.required).toBe(true);
    const date = formModel(definition).atPath.get('/riskFollowUp/referralDate')!;
    expect(requiredWhenSchema(date.requiredIf)).toEqual({
      properties: { riskFollowUp: { properties: { referred: { const: true } }, required: ['referred'] } },
      required: ['riskFollowUp'],
    });
  });

  it('writes a Group that only shows an object as the object itself, with the Group\'s enableWhen (no second group of the same heading)', () => {
    const top = q.item!.map((i) => i.linkId);
    expect(top).toContain('risk_follow_up');
    const follow = q.item!.find((i) => i.linkId === 'risk_follow_up')!;
    expect(follow.enableWhen).toEqual([{ question: 'risk_level', operator: '>=', answerInteger: 1 }]);
    expect(q.item!.filter((i) => i.type === 'group' && i.text === 'Risk follow-up').map((i) => i.linkId)).toEqual(['risk_follow_up']);
  });

  it.each(exportProfiles)('nests the answers in the response under %s, valid R4 and conforming to the Questionnaire', (profile) => {
    const qr = questionnaireResponseFrom(definition, responseOf(definition, fullAnswers), { profile }) as QuestionnaireResponse;
    expect(r4Issues(qr)).toEqual([]);
    expect(responseErrors(q, qr)).toEqual([]);
    expect(find(find(qr.item, 'risk_follow_up')!.item, 'risk_plan')!.answer).toEqual([{ valueString: 'Stays with her sister' }]);
    const child = qr.item!.flatMap((i) => (i.linkId === 'children' ? [i] : [])).concat(qr.item!.flatMap((i) => i.item ?? []).filter((i) => i.linkId === 'children'));
    expect(find(child[0]!.item, 'child_postcode')!.answer).toEqual([{ valueString: 'ZZ9 9ZZ' }]);
    expect(find(find(qr.item, 'household')!.item, 'member_name')!.answer).toEqual([{ valueString: 'Pat' }]);
    expect(find(qr.item, 'address_postcode') !== undefined).toBe(profile === 'full');
  });
});
