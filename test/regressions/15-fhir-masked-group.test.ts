import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { formModel, questionnaireFromDefinition, questionnaireResponseFrom } from '../../runtime/core/index';
import { r4Issues, responseErrors } from '../unit/export/fhir-conformance';
import { shippedForms } from '../unit/export/shipped';

/**
 * Issue 15: under the `masked` profile a sensitive repeatable group became one item with no items
 * inside, so the response lost the group's questions and broke its Questionnaire (whose group
 * items are required). It now keeps the group's shape: one entry, every item masked.
 */
const DAR = [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }];

function find(items: QuestionnaireResponseItem[] | undefined, linkId: string): QuestionnaireResponseItem[] {
  return (items ?? []).flatMap((i) => [...(i.linkId === linkId ? [i] : []), ...find(i.item, linkId)]);
}

describe.each([
  ['disclosure-record/1.0.0', 'childrenConcerned', ['Sam', 'Ruby']],
  ['death-review-vaw/1.0.0', 'children', ['K.L.']],
] as const)('%s, masked', (ref, groupKey, names) => {
  const form = shippedForms().find((f) => f.ref === ref)!;
  const response = form.examples.find((e) => e.file === 'valid-complete.json')!.response;
  const group = formModel(form.definition).byKey.get(groupKey)!;
  const qr = questionnaireResponseFrom(form.definition, response, { profile: 'masked' }) as QuestionnaireResponse;

  it('keeps one entry of the group with every item masked, and no answer', () => {
    expect(Array.isArray(response.answers[groupKey]) && (response.answers[groupKey] as unknown[]).length).toBeGreaterThan(0);
    const entries = find(qr.item, group.exportCode);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.extension).toEqual(DAR);
    expect(entries[0]!.item?.map((i) => [i.linkId, i.extension, i.answer])).toEqual(group.items!.map((iq) => [iq.exportCode, DAR, undefined]));
  });

  it('discloses neither the names nor how many children there are', () => {
    const text = JSON.stringify(qr);
    for (const name of names) expect(text).not.toContain(name);
  });

  it('is valid R4 and conforms to the Questionnaire (its required items are there, masked)', () => {
    expect(r4Issues(qr)).toEqual([]);
    expect(responseErrors(questionnaireFromDefinition(form.definition) as Questionnaire, qr)).toEqual([]);
  }, 60_000);
});
