import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { exportProfiles, fhirBundle, questionnaireFromDefinition, questionnaireResponseFrom } from '../../../runtime/core/index';
import { questionnaireErrors, r4Issues, responseErrors } from './fhir-conformance';
import { shippedForms } from './shipped';

/**
 * Issue 15: every shipped form's Questionnaire, and every example response under every export
 * profile, checked by an independent R4 validator and against the Questionnaire it answers.
 */
const forms = shippedForms();

describe('the checks can fail', () => {
  const { definition } = forms.find((f) => f.ref === 'routine-enquiry/2.0.0')!;
  const q = questionnaireFromDefinition(definition) as Questionnaire;

  // The first check loads Medplum's R4 definitions (seconds on a busy machine).
  it('refuses a group without items (an invariant), a string for a boolean and an unknown item type (a code)', { timeout: 90_000 }, () => {
    expect(r4Issues({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'group' }] }).join('\n')).toMatch(/que-1/);
    expect(r4Issues({ ...q, item: [{ linkId: 'a', type: 'string', required: 'yes' as unknown as boolean }] }).join('\n')).toMatch(/expected boolean/);
    expect(r4Issues({ ...q, item: [{ linkId: 'a', type: 'question' as 'string' }] }).join('\n')).toMatch(/R4 JSON Schema/);
  });

  it('a response with a wrong value type, a stray linkId, a missing required answer or an answer to a disabled item is caught', () => {
    const base: QuestionnaireResponse = { resourceType: 'QuestionnaireResponse', status: 'completed', item: [] };
    const errs = (item: QuestionnaireResponse['item']) => responseErrors(q, { ...base, item });
    const section1 = q.item![0]!.linkId;
    expect(errs([{ linkId: section1, item: [{ linkId: 'safe_to_talk', answer: [{ valueString: 'yes' }] }] }]).join('\n')).toMatch(/expected valueBoolean/);
    expect(errs([{ linkId: 'safe_to_talk', answer: [{ valueBoolean: true }] }]).join('\n')).toMatch(/no such item under the root/);
    expect(errs([]).join('\n')).toMatch(/safe_to_talk: required and enabled, but missing/);
    expect(errs([{ linkId: section1, item: [{ linkId: 'safe_to_talk', answer: [{ valueBoolean: true }] }, { linkId: 'not_safe_reason', answer: [{ valueString: 'x' }] }] }]).join('\n'))
      .toMatch(/not_safe_reason: answers a disabled item/);
  });
});

describe.each(forms.map((f) => [f.ref, f] as const))('%s', (_ref, form) => {
  const q = questionnaireFromDefinition(form.definition) as Questionnaire;

  it('its Questionnaire is valid R4 and its enableWhen name items by type', () => {
    expect(r4Issues(q)).toEqual([]);
    expect(questionnaireErrors(q)).toEqual([]);
  }, 60_000);

  it('has example responses', () => {
    expect(form.examples.length).toBeGreaterThan(0);
  });

  for (const { file, response } of form.examples) {
    it.each(exportProfiles)(`${file} as %s is valid R4 and conforms to the Questionnaire`, (profile) => {
      const qr = questionnaireResponseFrom(form.definition, response, { profile }) as QuestionnaireResponse;
      expect(r4Issues(qr)).toEqual([]);
      // An external agency gets a response without the sensitive items, required ones included: see docs/exports.md.
      const errors = responseErrors(q, qr).filter((e) => profile !== 'external-agency' || !/required and enabled, but missing/.test(e));
      expect(errors).toEqual([]);
    });
  }

  it('the Bundle of its examples is valid R4', () => {
    const bundle = fhirBundle(form.definition, form.examples.map((e) => e.response), { timestamp: new Date('2026-11-25T12:00:00Z') });
    expect(r4Issues(bundle as never)).toEqual([]);
  }, 60_000);
});
