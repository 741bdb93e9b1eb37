import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { questionnaireFromDefinition, questionnaireResponseFrom } from '../../runtime/core/index';
import { r4Issues, responseErrors } from '../unit/export/fhir-conformance';
import { shippedForms } from '../unit/export/shipped';

/**
 * Issue 18.5: the AUDIT's brief-advice group is shown by the score, and under the `masked` profile
 * the score is masked too (special-category), so a FHIR reader could not tell the group was enabled
 * and the response broke its Questionnaire ("a group of a disabled item"). A layout group whose
 * every item is masked is now masked itself.
 */
const DAR = [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }];

function find(items: QuestionnaireResponseItem[] | undefined, linkId: string): QuestionnaireResponseItem[] {
  return (items ?? []).flatMap((i) => [...(i.linkId === linkId ? [i] : []), ...find(i.item, linkId)]);
}

describe('alcohol-audit/1.0.0 at zone IV, masked', () => {
  const form = shippedForms().find((f) => f.ref === 'alcohol-audit/1.0.0')!;
  const response = form.examples.find((e) => e.file === 'valid-complete-possible-dependence.json')!.response;
  const q = questionnaireFromDefinition(form.definition) as Questionnaire;
  const qr = questionnaireResponseFrom(form.definition, response, { profile: 'masked' }) as QuestionnaireResponse;
  // The brief-advice and specialist groups: those enabled by the score.
  const byScore = (q.item ?? []).flatMap((i) => i.item ?? []).filter((i) => i.enableWhen?.some((w) => w.question === 'audit_total')).map((i) => i.linkId!);

  it('masks the groups the masked score enables, and each item in them', () => {
    expect(byScore).toHaveLength(2);
    for (const linkId of byScore) {
      const [group] = find(qr.item, linkId);
      expect(group?.extension, linkId).toEqual(DAR);
      expect(group?.item?.every((i) => JSON.stringify(i.extension) === JSON.stringify(DAR) && !i.answer), linkId).toBe(true);
    }
  });

  it('is valid R4 and conforms to the Questionnaire', () => {
    expect(r4Issues(qr)).toEqual([]);
    expect(responseErrors(q, qr)).toEqual([]);
  });

  it('masks no group that holds an answer kept (the section before the screen)', () => {
    const [first] = find(qr.item, 'section-1');
    expect(first?.extension).toBeUndefined();
  });
});
