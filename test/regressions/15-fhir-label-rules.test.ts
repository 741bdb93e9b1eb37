import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isVisible, questionnaireFromDefinition, questionnaireResponseFrom, withComputedValues, withoutHiddenAnswers, type Definition } from '../../runtime/core/index';
import { answersArbitrary, enabledItems } from '../unit/export/fhir-answers-arbitrary';
import { answersByLinkId } from '../unit/export/fhir-conformance';
import { responseOf } from '../unit/export/helpers';
import { shippedForms } from '../unit/export/shipped';
import { seededParams } from '../support/property';

/**
 * Issue 15: FHIR dropped every rule on a guidance label, so the child-perspective form's three
 * age-band scripts all showed at once in any FHIR form filler. A label's rule now becomes the
 * display item's enableWhen, and a filler shows a label exactly when our own form does.
 */
const forms = shippedForms();

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Each Label with text, in document order (the order of `label-<n>`), with whether the runtime shows it. */
function runtimeLabels(definition: Definition, answers: unknown): Array<{ text: string; rule: boolean; shown: boolean }> {
  const out: Array<{ text: string; rule: boolean; shown: boolean }> = [];
  const walk = (node: unknown, parentShown: boolean) => {
    if (!isObject(node)) return;
    const shown = isVisible(node, answers, parentShown, { rootSchema: definition.schema });
    if (node.type === 'Label' && typeof node.text === 'string' && node.text) out.push({ text: node.text, rule: isObject(node.rule), shown });
    if (Array.isArray(node.elements)) for (const e of node.elements) walk(e, shown);
  };
  walk(definition.uischema, true);
  return out;
}

describe('label rules in FHIR', () => {
  it('every label rule of the shipped forms is an enableWhen on its display item', () => {
    for (const { ref, definition } of forms) {
      const q = questionnaireFromDefinition(definition) as Questionnaire;
      const displays = enabledItems(q.item, new Map()).map((e) => e.item).filter((i) => i.type === 'display');
      const labels = runtimeLabels(definition, {});
      expect(displays.map((d) => d.linkId), ref).toEqual(labels.map((_, i) => `label-${i + 1}`));
      labels.forEach((label, i) => {
        if (!label.rule) return;
        expect(displays[i]!.enableWhen?.length, `${ref} label-${i + 1}`).toBeGreaterThan(0);
      });
    }
  });

  it('child-perspective: a FHIR filler shows only the script for the chosen age band', () => {
    const { definition } = forms.find((f) => f.ref === 'child-perspective/1.0.0')!;
    const q = questionnaireFromDefinition(definition) as Questionnaire;
    const bandItem = enabledItems(q.item, new Map()).find((e) => e.item.linkId === 'age_band')!.item;
    const shownFor = (code: string) => {
      const valueCoding = bandItem.answerOption!.find((o) => o.valueCoding?.code === code)!.valueCoding!;
      const answers = new Map([['age_band', [{ valueCoding }]], ['safe_to_talk', [{ valueBoolean: true }]], ['child_wants_to_continue', [{ valueBoolean: true }]]]);
      return enabledItems(q.item, answers).filter((e) => e.item.type === 'display' && e.on && e.item.enableWhen?.some((w) => w.question === 'age_band')).map((e) => e.item.linkId);
    };
    const perBand = bandItem.answerOption!.map((o) => shownFor(o.valueCoding!.code!));
    expect(perBand.map((l) => l.length)).toEqual([5, 5, 5]);
    expect(new Set(perBand.flat()).size).toBe(15);
  });

  describe.each(forms.map((f) => [f.ref, f.definition] as const))('%s: a FHIR filler shows a label exactly when the form does', (_ref, definition) => {
    const q = questionnaireFromDefinition(definition) as Questionnaire;
    it('on generated answers', () => {
      fc.assert(fc.property(answersArbitrary(definition), (generated) => {
        const answers = withoutHiddenAnswers(definition, generated);
        const qr = questionnaireResponseFrom(definition, responseOf(definition, answers)) as QuestionnaireResponse;
        const fhir = enabledItems(q.item, answersByLinkId(qr.item)).filter((e) => e.item.type === 'display').map((e) => e.on);
        // Rules read computed values as the answers give them (the AUDIT's advice label, shown by its score).
        expect(fhir).toEqual(runtimeLabels(definition, withComputedValues(definition, answers)).map((l) => l.shown));
      }), seededParams(60));
    });
  });
});
