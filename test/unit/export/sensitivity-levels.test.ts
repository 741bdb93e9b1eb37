import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  codebook, codebookCsv, codebookMarkdown, csvText, exportProfiles, exportResponse, loadDefinitionText, questionnaireResponseFrom, fhirBundle, MASK,
  type Definition, type ExportProfileName, type FhirResponseItem,
} from '../../../runtime/core/index';
import { responseOf } from './helpers';

/**
 * Issue 18, point 4: every export applies the level table, profile by profile, and records it.
 * The expectations are written out here, not read from the product's table, so a change to the
 * built-in table fails this test.
 */
type Action = 'keep' | 'mask' | 'drop';
const expected: Record<string, Record<ExportProfileName, Action>> = {
  '': { full: 'keep', 'external-agency': 'keep', masked: 'keep' },
  personal: { full: 'keep', 'external-agency': 'keep', masked: 'mask' },
  sensitive: { full: 'keep', 'external-agency': 'drop', masked: 'mask' },
  'special-category': { full: 'keep', 'external-agency': 'drop', masked: 'mask' },
  'safe-address': { full: 'keep', 'external-agency': 'drop', masked: 'drop' },
  // Declared by the form below: kept for the external agency, left out of masked extracts.
  'police-marker': { full: 'keep', 'external-agency': 'keep', masked: 'drop' },
};
const keyOf = (level: string) => (level === '' ? 'plain' : level.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));
const codeOf = (level: string) => (level === '' ? 'plain' : level.replace(/-/g, '_'));
const levels = Object.keys(expected);

const gate = { effect: 'SHOW', condition: { scope: '#/properties/safeToTalk', schema: { const: true } } };
const raw = {
  id: 'levels', version: '1.0.0', status: 'draft', title: 'Levels', source: { document: 'test' },
  safety: { gate: 'safeToTalk' },
  sensitivityLevels: { 'police-marker': { profiles: { 'external-agency': 'keep', masked: 'drop' }, drafts: 'keep' } },
  schema: {
    type: 'object',
    properties: {
      safeToTalk: { type: 'boolean', title: 'Safe to talk?', 'x-code': 'safe_to_talk' },
      ...Object.fromEntries(levels.map((l) => [keyOf(l), { type: 'string', title: `Answer ${l}`, 'x-code': codeOf(l), ...(l ? { 'x-sensitivity': l } : {}) }])),
    },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/safeToTalk' },
      { type: 'Group', label: 'Behind the check', rule: gate, elements: levels.map((l) => ({ type: 'Control', scope: `#/properties/${keyOf(l)}` })) },
    ],
  },
};
const loaded = loadDefinitionText(JSON.stringify(raw));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const definition: Definition = loaded.value;
const answers = { safeToTalk: true, ...Object.fromEntries(levels.map((l) => [keyOf(l), `value of ${l || 'plain'}`])) };
const response = responseOf(definition, answers);

function flatItems(items: FhirResponseItem[] | undefined): FhirResponseItem[] {
  return (items ?? []).flatMap((i) => [i, ...flatItems(i.item)]);
}

const cases = exportProfiles.flatMap((profile) => levels.map((level) => ({ profile, level: level || '(none)', key: keyOf(level), code: codeOf(level), action: expected[level]![profile] })));

describe('exports apply the sensitivity level table', () => {
  it.each(cases)('JSON: $profile × $level → $action', ({ profile, key, action }) => {
    const out = exportResponse(definition, response, { profile });
    if (action === 'drop') expect(out.answers).not.toHaveProperty(key);
    else expect(out.answers[key]).toBe(action === 'mask' ? MASK : answers[key as keyof typeof answers]);
  });

  it.each(cases)('CSV: $profile × $level → $action', ({ profile, key, code, action }) => {
    const [row] = parse(csvText(definition, [response], { profile }).wide, { columns: true }) as Array<Record<string, string>>;
    if (action === 'drop') expect(row).not.toHaveProperty(code);
    else expect(row![code]).toBe(action === 'mask' ? MASK : answers[key as keyof typeof answers]);
  });

  it.each(cases)('FHIR: $profile × $level → $action', ({ profile, key, code, action }) => {
    const item = flatItems(questionnaireResponseFrom(definition, response, { profile }).item).find((i) => i.linkId === code);
    if (action === 'drop') expect(item).toBeUndefined();
    else if (action === 'mask') expect(item).toMatchObject({ extension: [{ valueCode: 'masked' }] });
    else expect(item?.answer).toEqual([{ valueString: answers[key as keyof typeof answers] }]);
    if (action !== 'keep') expect(JSON.stringify(questionnaireResponseFrom(definition, response, { profile }))).not.toContain(`value of ${code.replace(/_/g, '-')}`);
  });

  it.each(cases)('codebook: $level shows its level and, for $profile, $action', ({ level, code, profile, action }) => {
    const entry = codebook(definition).find((e) => e.code === code)!;
    expect(entry.sensitivity).toBe(level === '(none)' ? '' : level);
    expect(entry.exports[profile]).toBe(action);
    const [row] = (parse(codebookCsv(codebook(definition)), { columns: true }) as Array<Record<string, string>>).filter((r) => r.code === code);
    expect(row!.exports).toContain(`${profile}=${action}`);
  });

  it.each(exportProfiles)('%s: JSON meta, FHIR meta (response and Bundle) record the profile and the table applied', (profile) => {
    const table = Object.fromEntries(levels.filter(Boolean).map((l) => [l, expected[l]![profile]]));
    expect(exportResponse(definition, response, { profile }).meta).toEqual({ exportProfile: profile, exportLevels: table });
    const fhir = questionnaireResponseFrom(definition, response, { profile });
    const bundle = fhirBundle(definition, [response], { profile });
    for (const meta of [fhir.meta, bundle.meta]) {
      expect(meta.tag[0]!.code).toBe(profile);
      const ext = meta.extension.find((e) => e.url.endsWith('/StructureDefinition/export-levels'))!;
      expect(Object.fromEntries(ext.extension.map((e) => [e.url, e.valueCode]))).toEqual(table);
    }
  });

  it('the Markdown codebook lists the table: every level and what each profile does with it', () => {
    const md = codebookMarkdown(definition, codebook(definition));
    expect(md).toContain('- safe-address: full keep, external-agency drop, masked drop; safety check needed; drafts never kept');
    expect(md).toContain('- personal: full keep, external-agency keep, masked mask; safety check not needed; drafts kept');
    expect(md).toContain('- police-marker: full keep, external-agency keep, masked drop; safety check needed; drafts kept');
  });

  it('an item of a group, and a computed value, take the strictest level of what they come from', () => {
    const d = structuredClone(raw) as typeof raw & { schema: { properties: Record<string, unknown> } };
    d.schema.properties.refuges = { type: 'array', 'x-code': 'refuges', 'x-sensitivity': 'safe-address', items: { type: 'object', properties: { town: { type: 'string', 'x-code': 'refuge_town', 'x-sensitivity': 'personal' } } } };
    d.schema.properties.marked = { type: 'integer', readOnly: true, 'x-code': 'marked', 'x-computed': { op: 'count', of: ['personal', 'policeMarker'], equals: 'x' } };
    (d.uischema.elements[1] as { elements: unknown[] }).elements.push({ type: 'Control', scope: '#/properties/refuges' }, { type: 'Control', scope: '#/properties/marked' });
    const l = loadDefinitionText(JSON.stringify(d));
    if (!l.ok) throw new Error(JSON.stringify(l.problems));
    const entries = new Map(codebook(l.value).map((e) => [e.code, e.exports]));
    expect(entries.get('refuge_town')).toEqual({ full: 'keep', 'external-agency': 'drop', masked: 'drop' });
    // personal masks, police-marker drops under masked: the count of both is dropped there, kept for the agency.
    expect(entries.get('marked')).toEqual({ full: 'keep', 'external-agency': 'keep', masked: 'drop' });
  });
});
