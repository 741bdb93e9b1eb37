import { describe, expect, it } from 'vitest';
import { historyUnderProfile, labelledAnswers, loadDefinitionText, MASK, type LabelledAnswer } from '../../../runtime/core/index';
import { loadFixture, responseOf, richAnswers } from './helpers';

/** A stored response as the Responses page shows it (issue 20 point 5): by question label, after the export profile. */

const { definition, text } = loadFixture('export-rich');
// The same form with its safe address at the `safe-address` level, which only `full` keeps.
const safeLevel = loadDefinitionText(text.replace('"title": "A safe address", "x-code": "safe_address", "x-sensitivity": "sensitive"', '"title": "A safe address", "x-code": "safe_address", "x-sensitivity": "safe-address"'));
if (!safeLevel.ok) throw new Error('export-rich with a safe-address level does not load');
const withSafeAddress = safeLevel.value;

const byPointer = (rows: LabelledAnswer[]) => new Map(rows.map((r) => [r.pointer, r]));

describe('labelledAnswers', () => {
  it('names each answer by its question, options by their labels, group items at their pointers', () => {
    const rows = byPointer(labelledAnswers(definition, responseOf(definition, richAnswers), 'full'));
    expect(rows.get('/contact')).toMatchObject({ code: 'contact_method', label: 'How did they get in touch?', state: 'value', text: 'In person' });
    const children = rows.get('/children')!.items!;
    expect(children[1]!.map((a) => a.pointer)).toContain('/children/1/childName');
    expect(children[1]!.find((a) => a.pointer === '/children/1/childName')?.text).toBe('-Ali');
  });

  it('leaves a safe-address answer out of every profile but full, and masks what masked masks', () => {
    const response = responseOf(withSafeAddress, richAnswers);
    expect(byPointer(labelledAnswers(withSafeAddress, response, 'full')).get('/safeAddress')).toMatchObject({ label: 'A safe address', text: '12 Hidden Lane' });
    for (const profile of ['masked', 'external-agency'] as const) {
      const rows = labelledAnswers(withSafeAddress, response, profile);
      expect(byPointer(rows).has('/safeAddress'), profile).toBe(false);
      expect(JSON.stringify(rows)).not.toContain('Hidden Lane');
    }
    expect(byPointer(labelledAnswers(withSafeAddress, response, 'masked')).get('/fearful')).toMatchObject({ state: 'masked' });
    expect(byPointer(labelledAnswers(withSafeAddress, response, 'external-agency')).has('/fearful')).toBe(false);
  });
});

describe('historyUnderProfile', () => {
  const ops = [
    { op: 'replace', path: '/answers/safeAddress', value: '3 Other Road' },
    { op: 'replace', path: '/answers/fearful', value: 'no' },
    { op: 'replace', path: '/answers/age', value: 35 },
    { op: 'replace', path: '/updatedAt', value: '2026-12-01T00:00:00Z' },
  ];

  it('drops a change to an answer the profile leaves out, masks a masked one, labels each', () => {
    expect(historyUnderProfile(withSafeAddress, ops, 'full').map((o) => o.value)).toEqual(['3 Other Road', 'no', 35, '2026-12-01T00:00:00Z']);
    const masked = historyUnderProfile(withSafeAddress, ops, 'masked');
    expect(masked.map((o) => [o.path, o.value])).toEqual([['/answers/fearful', MASK], ['/answers/age', 35], ['/updatedAt', '2026-12-01T00:00:00Z']]);
    expect(masked[1]).toMatchObject({ label: expect.any(String) });
    expect(historyUnderProfile(withSafeAddress, ops, 'external-agency').map((o) => o.path)).toEqual(['/answers/age', '/updatedAt']);
  });
});
