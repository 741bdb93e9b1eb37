import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formModel, questionnaireFromDefinition, questionnaireResponseFrom, validateResponse, withoutHiddenAnswers } from '../../runtime/core/index';
import { answersArbitrary, enabledItems } from '../unit/export/fhir-answers-arbitrary';
import { answersByLinkId } from '../unit/export/fhir-conformance';
import { responseOf } from '../unit/export/helpers';
import { shippedForms } from '../unit/export/shipped';
import { seededParams } from '../support/property';

/**
 * Issue 15: FHIR marked only the questions in the top-level `required` list as required, leaving
 * out every question required through `if`/`then` (all of those behind the safety check). In FHIR
 * `required` holds only while the item is enabled, so the Questionnaire must now agree with the
 * form's own validation on any answers: an enabled FHIR-required item that is unanswered is one the
 * form requires (never a wrongly mandatory question), and a question the form requires is
 * FHIR-required and enabled, or, where enableWhen cannot say when, carries `required-when`.
 */
const forms = shippedForms();
const REQUIRED_WHEN = /\/StructureDefinition\/required-when$/;
const carriesRequiredWhen = (item: QuestionnaireItem) => (item.extension ?? []).some((e) => REQUIRED_WHEN.test(e.url ?? ''));

describe.each(forms.map((f) => [f.ref, f] as const))('%s', (ref, { definition, examples }) => {
  const q = questionnaireFromDefinition(definition) as Questionnaire;
  const keyOf = new Map(formModel(definition).questions.map((question) => [question.exportCode, question.key]));

  // Each example response with one answer taken away reaches the deepest conditions for certain.
  const oneAnswerLess = examples.flatMap(({ response }) => Object.keys(response.answers).map((key) => {
    const { [key]: _left, ...rest } = response.answers;
    return [rest] as [Record<string, unknown>];
  }));

  it('FHIR required-when-enabled matches the form\'s own required, on generated answers', () => {
    const seenRequired = new Set<string>();
    fc.assert(fc.property(answersArbitrary(definition), (generated) => {
      const answers = withoutHiddenAnswers(definition, generated);
      const qr = questionnaireResponseFrom(definition, responseOf(definition, answers)) as QuestionnaireResponse;
      const missing = new Set(validateResponse(definition, answers).filter((p) => p.code === 'answer-required').map((p) => p.path));
      for (const { item, on } of enabledItems(q.item, answersByLinkId(qr.item))) {
        const key = keyOf.get(item.linkId!);
        if (key === undefined || Object.hasOwn(answers, key)) continue;
        const formRequires = missing.has(`/${key}`);
        if (formRequires) seenRequired.add(key);
        if (on && item.required) expect(formRequires, `${ref}: FHIR requires ${item.linkId}, the form does not`).toBe(true);
        if (formRequires) expect((on && item.required === true) || carriesRequiredWhen(item), `${ref}: the form requires ${item.linkId}, FHIR does not`).toBe(true);
      }
    }), seededParams(120, { examples: oneAnswerLess }));
    // Not vacuous: most questions the form requires only under a condition were met unanswered and required.
    const conditional = formModel(definition).questions.filter((iq) => iq.required === 'conditional').map((iq) => iq.key);
    expect(conditional.filter((k) => seenRequired.has(k)).length).toBeGreaterThan(conditional.length * 0.8);
  });
});
