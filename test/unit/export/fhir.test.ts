import type { Bundle, Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { fhirBundle, fhirBundleChunks, questionnaireFromDefinition, questionnaireResponseFrom, type Definition } from '../../../runtime/core/index';
import { fhirErrors } from './fhir-schema';
import { loadFixture, responseOf, richAnswers } from './helpers';

const { definition } = loadFixture('export-rich');
const flat = loadFixture('export-flat').definition;

/** Every linkId path (`a/b/c`) of a tree of items. */
function paths(items: Array<{ linkId: string; item?: unknown[] }> | undefined, prefix = ''): string[] {
  return (items ?? []).flatMap((i) => [prefix + i.linkId, ...paths(i.item as Array<{ linkId: string; item?: unknown[] }> | undefined, `${prefix}${i.linkId}/`)]);
}

function findItem<T extends { linkId: string; item?: T[] }>(items: T[] | undefined, linkId: string): T | undefined {
  for (const i of items ?? []) {
    if (i.linkId === linkId) return i;
    const inner = findItem(i.item, linkId);
    if (inner) return inner;
  }
  return undefined;
}

describe('FHIR R4 Questionnaire', () => {
  // Compile-time check against @medplum/fhirtypes; run-time check against the R4 JSON Schema.
  const q: Questionnaire = questionnaireFromDefinition(definition);

  it('is valid against the FHIR R4 JSON Schema', () => {
    expect(fhirErrors('Questionnaire', q)).toEqual([]);
    expect(fhirErrors('Questionnaire', questionnaireFromDefinition(flat))).toEqual([]);
  }, 60_000);

  it('the schema check can fail (a wrong item type is caught)', () => {
    const broken = JSON.parse(JSON.stringify(q)) as { item: Array<{ type: string }> };
    broken.item[0]!.type = 'question';
    expect(fhirErrors('Questionnaire', broken).length).toBeGreaterThan(0);
  });

  it('has canonical url, version, status and unique linkIds from x-code', () => {
    expect(q).toMatchObject({ url: 'https://assessment-studio.example/fhir/Questionnaire/export-rich', version: '1.1.0', status: 'active', name: 'ExportRich' });
    const ids = paths(q.item).map((p) => p.split('/').pop());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['safe_to_talk', 'visit_date', 'children', 'child_name', 'safe_address', 'section-1', 'section-2', 'label-1']));
  });

  it('maps types, options, required, repeats and read-only', () => {
    const item = (id: string) => findItem<QuestionnaireItem>(q.item as QuestionnaireItem[], id)!;
    expect(item('section-1')).toMatchObject({ type: 'group', text: 'About the visit' });
    expect(item('safe_to_talk')).toMatchObject({ type: 'boolean', required: true });
    expect(item('visit_time').type).toBe('time');
    expect(item('age').type).toBe('integer');
    expect(item('units_change').type).toBe('decimal');
    expect(item('notes').type).toBe('text');
    expect(item('preferred_name')).toMatchObject({ type: 'string', maxLength: 200 });
    expect(item('contact_method').answerOption?.[1]).toEqual({
      valueCoding: { system: 'https://assessment-studio.example/fhir/CodeSystem/export-rich/contact_method', code: 'in_person', display: 'In person' },
    });
    expect(item('substances')).toMatchObject({ type: 'choice', repeats: true });
    expect(item('children')).toMatchObject({ type: 'group', repeats: true });
    expect(item('children').item?.map((i) => i.linkId)).toEqual(['child_name', 'child_age', 'child_needs', 'child_witnessed']);
    expect(item('child_name').required).toBe(true);
    expect(item('fearful').answerOption?.map((o) => o.valueCoding?.code)).toEqual(['yes', 'no', 'unsure']);
    expect(item('concern_count')).toMatchObject({ type: 'integer', readOnly: true });
    expect(item('label-1')).toMatchObject({ type: 'display', text: 'Ask these only when the person is alone.' });
  });

  it('maps SHOW rules to enableWhen: const, enum (any), AND with minimum (all)', () => {
    const item = (id: string) => findItem<QuestionnaireItem>(q.item as QuestionnaireItem[], id)!;
    expect(item('section-2').enableWhen).toEqual([{ question: 'safe_to_talk', operator: '=', answerBoolean: true }]);
    expect(item('harmed').enableBehavior).toBe('any');
    expect(item('harmed').enableWhen?.map((e) => e.answerCoding?.code)).toEqual(['yes', 'unsure']);
    expect(item('safe_address')).toMatchObject({
      enableBehavior: 'all',
      enableWhen: [{ question: 'harmed', operator: '=', answerBoolean: true }, { question: 'age', operator: '>=', answerInteger: 18 }],
    });
  });

  it('maps HIDE const to != and keeps an unmappable rule as an extension', () => {
    const fq = questionnaireFromDefinition(flat);
    const item = (id: string) => findItem<QuestionnaireItem>(fq.item as QuestionnaireItem[], id)!;
    expect(item('agreed').enableWhen).toEqual([{ question: 'colour', operator: '!=', answerCoding: { system: 'https://assessment-studio.example/fhir/CodeSystem/export-flat/colour', code: 'red' } }]);
    expect(item('when_at').enableWhen).toBeUndefined();
    expect(item('when_at').extension?.[0]?.url).toMatch(/ui-rule$/);
    expect(item('when_at').type).toBe('dateTime');
    expect(fq.status).toBe('draft');
  });

  it('takes a definition as read from its file, without the defaults the envelope schema fills in', () => {
    const { changelog: _changelog, safety: _safety, ...asRead } = definition;
    const fq = questionnaireFromDefinition(asRead as Definition);
    expect(fq.date).toBeUndefined();
    expect(fq.item?.length).toBe(q.item?.length);
  });

  it('takes another canonical base', () => {
    expect(questionnaireFromDefinition(definition, { fhirBase: 'urn:example:' }).url).toBe('urn:example:/Questionnaire/export-rich');
    expect(questionnaireFromDefinition(definition, { fhirBase: 'https://fhir.example.org/base/' }).url).toBe('https://fhir.example.org/base/Questionnaire/export-rich');
  });
});

describe('FHIR R4 QuestionnaireResponse', () => {
  const r = responseOf(definition, richAnswers);
  const qr: QuestionnaireResponse = questionnaireResponseFrom(definition, r);
  const q = questionnaireFromDefinition(definition);

  it('is valid against the FHIR R4 JSON Schema', () => {
    expect(fhirErrors('QuestionnaireResponse', qr)).toEqual([]);
    expect(fhirErrors('QuestionnaireResponse', questionnaireResponseFrom(definition, r, { profile: 'masked' }))).toEqual([]);
    expect(fhirErrors('QuestionnaireResponse', questionnaireResponseFrom(definition, responseOf(definition, {}, { status: 'in-progress', completedAt: null })))).toEqual([]);
  }, 60_000);

  it('references the Questionnaire by canonical URL and version and records the profile', () => {
    expect(qr.questionnaire).toBe(`${q.url}|${q.version}`);
    expect(qr.status).toBe('completed');
    expect(qr.authored).toBe(r.completedAt);
    expect(qr.identifier).toMatchObject({ value: r.responseId });
    expect(qr.meta?.tag?.[0]?.code).toBe('full');
  });

  it('nests items exactly like the Questionnaire', () => {
    const qPaths = new Set(paths(q.item));
    const rPaths = paths(qr.item as Array<{ linkId: string; item?: unknown[] }>);
    expect(rPaths.length).toBeGreaterThan(10);
    for (const p of rPaths) expect(qPaths.has(p)).toBe(true);
  });

  it('round-trips the answers', () => {
    const item = (id: string) => findItem<QuestionnaireResponseItem>(qr.item as QuestionnaireResponseItem[], id)!;
    expect(item('safe_to_talk').answer).toEqual([{ valueBoolean: true }]);
    expect(item('visit_date').answer).toEqual([{ valueDate: '2026-11-24' }]);
    expect(item('visit_time').answer).toEqual([{ valueTime: '14:05:00' }]);
    expect(item('units_change').answer).toEqual([{ valueDecimal: -12.5 }]);
    expect(item('notes').answer).toEqual([{ valueString: richAnswers.notes }]);
    expect(item('substances').answer?.map((a) => a.valueCoding?.code)).toEqual(['alcohol', 'cannabis']);
    expect(item('fearful').answer?.[0]?.valueCoding).toMatchObject({ code: 'yes', display: 'Yes' });
    expect(item('concern_count').answer).toEqual([{ valueInteger: 2 }]);
    const children = (qr.item as QuestionnaireResponseItem[]).flatMap((i) => i.item ?? []).filter((i) => i.linkId === 'children');
    expect(children).toHaveLength(2);
    expect(children[1]!.item?.find((i) => i.linkId === 'child_name')?.answer).toEqual([{ valueString: '-Ali' }]);
  });

  it('masked: data-absent-reason masked, no answer; external-agency: the items are gone', () => {
    const masked = questionnaireResponseFrom(definition, r, { profile: 'masked' });
    const m = findItem<QuestionnaireResponseItem>(masked.item as QuestionnaireResponseItem[], 'safe_address')!;
    expect(m.answer).toBeUndefined();
    expect(m.extension).toEqual([{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }]);
    expect(masked.meta.tag[0]!.code).toBe('masked');
    const ext = questionnaireResponseFrom(definition, r, { profile: 'external-agency' });
    const text = JSON.stringify(ext);
    for (const code of ['"fearful"', '"harmed"', '"safe_address"', '"child_witnessed"', '"concern_count"']) expect(text).not.toContain(code);
    expect(text).not.toContain('Hidden Lane');
    expect(ext.meta.tag[0]!.code).toBe('external-agency');
  });

  it('leaves out answers hidden by a rule (FHIR forbids answers to disabled items)', () => {
    const gateClosed = questionnaireResponseFrom(definition, responseOf(definition, { ...richAnswers, safeToTalk: false }));
    const text = JSON.stringify(gateClosed);
    for (const code of ['"fearful"', '"harmed"', '"safe_address"']) expect(text).not.toContain(code);
    expect(findItem(gateClosed.item as QuestionnaireResponseItem[], 'safe_to_talk')?.answer).toEqual([{ valueBoolean: false }]);
    const notAfraid = questionnaireResponseFrom(definition, responseOf(definition, { ...richAnswers, fearful: 'no' }));
    expect(findItem(notAfraid.item as QuestionnaireResponseItem[], 'fearful')).toBeDefined();
    expect(findItem(notAfraid.item as QuestionnaireResponseItem[], 'harmed')).toBeUndefined();
  });

  it('leaves out an answer of the wrong shape rather than writing an invalid resource', () => {
    const odd = questionnaireResponseFrom(definition, responseOf(definition, { age: 'thirty', visitTime: 'noon' }));
    expect(findItem(odd.item as QuestionnaireResponseItem[], 'age')).toBeUndefined();
    expect(findItem(odd.item as QuestionnaireResponseItem[], 'visit_time')).toBeUndefined();
    expect(fhirErrors('QuestionnaireResponse', odd)).toEqual([]);
  });
});

describe('FHIR Bundle', () => {
  it('collects the Questionnaire and many responses in a valid collection Bundle with the profile tag', () => {
    const rs = [responseOf(definition, richAnswers), responseOf(definition, { age: 50 })];
    const bundle: Bundle = fhirBundle(definition, rs, { profile: 'masked', timestamp: new Date('2026-11-25T12:00:00Z') });
    expect(fhirErrors('Bundle', bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-11-25T12:00:00.000Z', meta: { tag: [{ code: 'masked' }] } });
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual(['Questionnaire', 'QuestionnaireResponse', 'QuestionnaireResponse']);
  }, 60_000);

  it('streams one entry per chunk', () => {
    const rs = Array.from({ length: 5 }, () => responseOf(definition, { age: 20 }));
    const chunks = [...fhirBundleChunks(definition, rs)];
    // The Bundle's head with the Questionnaire entry, one chunk per response, the end.
    expect(chunks).toHaveLength(1 + 5 + 1);
    expect((JSON.parse(chunks.join('')) as Bundle).entry).toHaveLength(6);
  });

  it('handles a definition without sections or groups', () => {
    const d: Definition = flat;
    const b = fhirBundle(d, [responseOf(d, { comment: 'x', rating: -3, colour: 'green', agreed: true, when: '2026-11-25T10:00:00Z' })]);
    expect(fhirErrors('Bundle', b)).toEqual([]);
  });
});
