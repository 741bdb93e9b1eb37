import type { Questionnaire } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { codebook, csvText, questionnaireFromDefinition, questionnaireResponseFrom } from '../../../runtime/core/index';
import { r4Issues, responseErrors } from '../export/fhir-conformance';
import { responseOf } from '../export/helpers';
import { elevenPoints, scoredDefinition } from '../../fixtures/scored/load';

const definition = scoredDefinition();
// A stored total that disagrees is not what leaves: exports write what the answers give.
const response = responseOf(definition, { ...elevenPoints, followUp: 'Leaflet', total: 2, risk: 'low', children: [{ name: 'A', age: 3 }] });

describe('exports: totals and bands', () => {
  it('CSV has the total and the band, each in its code\'s column, worked out from the answers', () => {
    const [header, row] = csvText(definition, [response]).wide.split('\r\n');
    const cells = Object.fromEntries(header!.split(',').map((name, i) => [name, row!.split(',')[i]]));
    expect(cells).toMatchObject({ total: '11', risk: 'increasing', under_5: '1' });
  });

  it('the codebook writes each rule out in words and lists the bands', () => {
    const byCode = new Map(codebook(definition).map((e) => [e.code, e]));
    expect(byCode.get('total')!.computedAs).toBe('sum of the scores of q1, q2, q3');
    expect(byCode.get('risk')!.computedAs).toBe('band of total: low = Lower risk (0 to 7); increasing = Increasing risk (8 to 11); higher = Higher risk (12 or more)');
    expect(byCode.get('risk')!.options.map((o) => o.code)).toEqual(['low', 'increasing', 'higher']);
    expect(byCode.get('under_5')!.computedAs).toBe('number of items of children where child_age is at most 4');
    expect(byCode.get('q1')!.computedAs).toBe('');
  });

  it('FHIR: option scores as ordinalValue, totals as SDC calculatedExpression, the values in the response, all valid R4', { timeout: 90_000 }, () => {
    const q = questionnaireFromDefinition(definition) as Questionnaire;
    const items = new Map<string, NonNullable<Questionnaire['item']>[number]>();
    const walk = (list: Questionnaire['item']) => list?.forEach((i) => (items.set(i.linkId, i), walk(i.item)));
    walk(q.item);
    const expression = (code: string) => items.get(code)!.extension?.find((e) => e.url.endsWith('sdc-questionnaire-calculatedExpression'))?.valueExpression?.expression;
    expect(items.get('q1')!.answerOption![4]!.extension).toEqual([{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 4 }]);
    expect(expression('total')).toBe("%resource.repeat(item).where(linkId = 'q1' or linkId = 'q2' or linkId = 'q3').answer.value.ordinal().sum()");
    expect(expression('risk')).toContain("iif($this >= 0 and $this <= 7, 'low', iif($this >= 8 and $this <= 11, 'increasing'");
    expect(expression('under_5')).toBeUndefined(); // a count with a condition on the items: not written
    expect(r4Issues(q)).toEqual([]);
    const qr = questionnaireResponseFrom(definition, response);
    const answers = new Map<string, unknown>();
    const walkAnswers = (list: Array<{ linkId: string; answer?: unknown[]; item?: unknown[] }> | undefined) =>
      list?.forEach((i) => (i.answer && answers.set(i.linkId, i.answer[0]), walkAnswers(i.item as typeof list)));
    walkAnswers(qr.item as Parameters<typeof walkAnswers>[0]);
    expect(answers.get('total')).toEqual({ valueInteger: 11 });
    expect(answers.get('risk')).toEqual({ valueString: 'increasing' });
    expect(responseErrors(q, qr)).toEqual([]);
  });
});
