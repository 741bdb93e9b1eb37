import type { QuestionnaireItem, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { formModel, type Definition, type Question } from '../../../runtime/core/index';
import { enableWhenHolds } from './fhir-conformance';

/**
 * Answers of the right type to any subset of a form's questions (computed ones left to the form):
 * enough to drive every rule and every `if` of the shipped forms through its branches.
 */
export function answersArbitrary(definition: Definition): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const q of formModel(definition).questions) {
    const a = valueArbitrary(q);
    // Mostly answered, so conditions two or three questions deep hold often; a quarter left out.
    if (a) model[q.key] = fc.option(a, { freq: 3, nil: undefined });
  }
  return fc.record(model).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

function valueArbitrary(q: Question): fc.Arbitrary<unknown> | undefined {
  if (q.computed) return undefined;
  const codes = q.options.map((o) => o.code);
  switch (q.kind) {
    case 'yes-no': return fc.boolean();
    case 'single-choice': return fc.constantFrom(...codes);
    case 'multiple-choice': return fc.subarray(codes, { minLength: 1 });
    case 'integer': return fc.integer({ min: 0, max: 20 });
    case 'decimal': return fc.integer({ min: 0, max: 20 });
    case 'date': return fc.constant('2026-11-20');
    case 'time': return fc.constant('10:00');
    case 'date-time': return fc.constant('2026-11-20T10:00:00Z');
    case 'group': {
      const item: Record<string, fc.Arbitrary<unknown>> = {};
      for (const iq of q.items ?? []) {
        const a = valueArbitrary(iq);
        if (a) item[iq.key] = a;
      }
      return fc.array(fc.record(item), { minLength: 1, maxLength: 2 });
    }
    default: return fc.constant('Some words');
  }
}

/** Every item of a Questionnaire, outside repeating groups, with whether a FHIR form filler enables it. */
export function enabledItems(items: QuestionnaireItem[] | undefined, answers: ReadonlyMap<string, QuestionnaireResponseItemAnswer[]>, parentOn = true): Array<{ item: QuestionnaireItem; on: boolean }> {
  return (items ?? []).flatMap((item) => {
    const on = parentOn && enableWhenHolds(item, answers);
    const inner = item.repeats ? [] : enabledItems(item.item, answers, on);
    return [{ item, on }, ...inner];
  });
}
