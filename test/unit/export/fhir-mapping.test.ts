import { describe, expect, it } from 'vitest';
import { enableWhenOf } from '../../../runtime/core/export/fhir-enable-when';
import { fhirDate, fhirDateTime, fhirString, fhirTime } from '../../../runtime/core/export/fhir-common';
import { csvText, exportResponse, formModel, questionnaireResponseFrom, MASK, type Definition, type FhirResponseItem } from '../../../runtime/core/index';
import { loadFixture, responseOf, richAnswers } from './helpers';

const { definition } = loadFixture('export-rich');
const byKey = formModel(definition);
const cond = (scope: string, schema: unknown) => ({ scope: `#/properties/${scope}`, schema });

describe('rules → enableWhen', () => {
  it.each([
    ['SHOW const on a choice', { effect: 'SHOW', condition: cond('contact', { const: 'phone' }) }, [{ question: 'contact_method', operator: '=', answerCoding: { code: 'phone' } }], 'all'],
    ['SHOW not const', { effect: 'SHOW', condition: cond('age', { not: { const: 30 } }) }, [{ question: 'age', operator: '!=', answerInteger: 30 }], 'all'],
    ['SHOW contains on a multiple choice', { effect: 'SHOW', condition: cond('substances', { contains: { const: 'opioids' } }) }, [{ question: 'substances', operator: '=', answerCoding: { code: 'opioids' } }], 'all'],
    ['SHOW contains one of on a multiple choice', { effect: 'SHOW', condition: cond('substances', { contains: { enum: ['opioids', 'alcohol'] } }) }, [{ question: 'substances', operator: '=', answerCoding: { code: 'opioids' } }, { question: 'substances', operator: '=', answerCoding: { code: 'alcohol' } }], 'any'],
    ['SHOW exclusive bounds on a decimal', { effect: 'SHOW', condition: cond('unitsPerWeek', { exclusiveMinimum: 0, exclusiveMaximum: 10.5 }) }, [{ question: 'units_change', operator: '>', answerDecimal: 0 }, { question: 'units_change', operator: '<', answerDecimal: 10.5 }], 'all'],
    ['HIDE const on a boolean', { effect: 'HIDE', condition: cond('safeToTalk', { const: false }) }, [{ question: 'safe_to_talk', operator: '!=', answerBoolean: false }], 'all'],
    ['ENABLE OR of consts', { effect: 'ENABLE', condition: { type: 'OR', conditions: [cond('harmed', { const: true }), cond('fearful', { const: 'yes' })] } }, [{ question: 'harmed', operator: '=', answerBoolean: true }, { question: 'fearful', operator: '=', answerCoding: { code: 'yes' } }], 'any'],
    ['SHOW const on a date', { effect: 'SHOW', condition: cond('visitDate', { const: '2026-01-01' }) }, [{ question: 'visit_date', operator: '=', answerDate: '2026-01-01' }], 'all'],
  ])('%s', (_name, rule, enableWhen, behavior) => {
    expect(enableWhenOf(rule, byKey)).toEqual({ mapped: true, enableWhen, behavior });
  });

  it.each([
    ['minLength', { effect: 'SHOW', condition: cond('name', { minLength: 2 }) }],
    ['an AND of an OR', { effect: 'SHOW', condition: { type: 'AND', conditions: [cond('age', { const: 1 }), { type: 'OR', conditions: [cond('harmed', { const: true }), cond('fearful', { const: 'no' })] }] } }],
    ['a value of the wrong type', { effect: 'SHOW', condition: cond('safeToTalk', { const: 'yes' }) }],
    ['an option the question does not have', { effect: 'SHOW', condition: cond('contact', { const: 'fax' }) }],
    ['a scope into a group item', { effect: 'SHOW', condition: { scope: '#/properties/children/items/properties/childAge', schema: { const: 3 } } }],
    ['HIDE with enum', { effect: 'HIDE', condition: cond('contact', { enum: ['phone'] }) }],
    ['an unknown question', { effect: 'SHOW', condition: cond('nothing', { const: 1 }) }],
  ])('leaves %s unmapped, carrying the rule', (_name, rule) => {
    expect(enableWhenOf(rule, byKey)).toEqual({ mapped: false, rule });
  });

  it('ignores a missing rule', () => {
    expect(enableWhenOf(undefined, byKey)).toBeUndefined();
  });
});

describe('FHIR value checks', () => {
  it('times: HH:MM gains seconds, offsets are dropped, nonsense is refused', () => {
    expect(fhirTime('14:05')).toBe('14:05:00');
    expect(fhirTime('14:05:30.5')).toBe('14:05:30.5');
    expect(fhirTime('14:05+01:00')).toBe('14:05:00');
    expect(fhirTime('24:00')).toBeUndefined();
    expect(fhirTime('noon')).toBeUndefined();
  });

  it('dates and date-times must exist', () => {
    expect(fhirDate('2024-02-29')).toBe('2024-02-29');
    expect(fhirDate('2026-02-29')).toBeUndefined();
    expect(fhirDate('2026-13-01')).toBeUndefined();
    expect(fhirDateTime('2026-11-25T10:00:00Z')).toBe('2026-11-25T10:00:00Z');
    expect(fhirDateTime('2026-11-25T10:00:00')).toBeUndefined();
  });

  it('strings: odd white space becomes a space; empty is no answer', () => {
    expect(fhirString('a\u00A0b\u2028c\td')).toBe('a b c\td');
    expect(fhirString('')).toBeUndefined();
  });
});

describe('a sensitive repeatable group', () => {
  const props = definition.schema.properties as Record<string, Record<string, unknown>>;
  const sensitiveGroup: Definition = { ...definition, schema: { ...definition.schema, properties: { ...props, children: { ...props.children, 'x-sensitivity': 'sensitive' } } } };
  const r = responseOf(sensitiveGroup, richAnswers);

  it('masked: one FHIR entry with every item masked (the group keeps its shape, not its count), a masked count and no long rows', () => {
    const qr = questionnaireResponseFrom(sensitiveGroup, r, { profile: 'masked' });
    const items = (qr.item ?? []).flatMap((i: FhirResponseItem) => i.item ?? []).filter((i) => i.linkId === 'children');
    const dar = [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }];
    expect(items).toEqual([{
      linkId: 'children', text: 'Children in the household', extension: dar,
      item: ['child_name', 'child_age', 'child_needs', 'child_witnessed'].map((linkId) => ({ linkId, text: expect.any(String), extension: dar })),
    }]);
    expect(JSON.stringify(qr)).not.toMatch(/"Sam"|"-Ali"/);
    const { wide, long } = csvText(sensitiveGroup, [r], { profile: 'masked' });
    expect(wide).toContain(`,${MASK},`);
    expect(long.trim().split('\r\n')).toHaveLength(1);
    expect(exportResponse(sensitiveGroup, r, { profile: 'masked' }).answers.children).toBe(MASK);
  });

  it('external-agency: no count column, no long columns or rows, no JSON key', () => {
    const { wide, long } = csvText(sensitiveGroup, [r], { profile: 'external-agency' });
    expect(wide).not.toContain('children__count');
    expect(long).not.toContain('child_name');
    expect(long).not.toContain('Sam');
    expect(exportResponse(sensitiveGroup, r, { profile: 'external-agency' }).answers).not.toHaveProperty('children');
  });
});
