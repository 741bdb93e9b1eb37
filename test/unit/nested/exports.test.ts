import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { codebook, codebookCsv, csvText, exportResponse, FIXED_LONG_COLUMNS, FIXED_WIDE_COLUMNS, labelledAnswers } from '../../../runtime/core/index';
import { responseOf } from '../export/helpers';
import { fullAnswers, nested } from './fixture';

const table = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('exports of answers grouped in objects (issue 18 point 2)', () => {
  const { definition } = nested();
  const response = responseOf(definition, fullAnswers);

  it('gives each question of an object its own CSV column, named by its x-code like every column', () => {
    const { wide, long } = csvText(definition, [response]);
    const header = wide.split('\r\n')[0]!.split(',').slice(FIXED_WIDE_COLUMNS.length);
    expect(header).toEqual([
      'safe_to_talk', 'risk_level', 'risk_follow_up_level', 'risk_plan', 'risk_referred', 'risk_referral_date',
      'urgent_call', 'address_line', 'address_postcode', 'children__count', 'household_members__count',
    ]);
    const [row] = table(wide);
    expect([row!.risk_plan, row!.risk_referral_date, row!.address_postcode, row!.children__count, row!.household_members__count])
      .toEqual(['Stays with her sister', '2026-12-01', 'AB1 2CD', '2', '1']);
    const rows = table(long);
    expect(Object.keys(rows[0]!).slice(FIXED_LONG_COLUMNS.length)).toEqual(['child_name', 'child_postcode', 'member_name']);
    expect(rows.map((r) => [r._group, r._index, r.child_name, r.child_postcode, r.member_name])).toEqual([
      ['children', '1', 'Sam', 'ZZ9 9ZZ', ''],
      ['children', '2', 'Ali', 'ASKU', ''],
      ['household_members', '1', '', '', 'Pat'],
    ]);
  });

  it('writes why a hidden nested answer is missing', () => {
    const [row] = table(csvText(definition, [responseOf(definition, { safeToTalk: false, riskLevel: 0 })]).wide);
    expect([row!.risk_plan, row!.address_postcode, row!.urgent_call]).toEqual(['NA', 'NASK', 'NA']);
  });

  it('keeps answers nested in JSON, and leaves the safe address out of every profile but full', () => {
    expect(exportResponse(definition, response).answers).toEqual(fullAnswers);
    const external = exportResponse(definition, response, { profile: 'external-agency' }).answers;
    expect(external.address).toBeUndefined();
    expect(external.riskFollowUp).toEqual(fullAnswers.riskFollowUp);
    const masked = exportResponse(definition, response, { profile: 'masked' }).answers;
    expect(masked.address).toBeUndefined();
    const [row] = table(csvText(definition, [response], { profile: 'masked' }).wide);
    expect(row!.address_postcode).toBeUndefined();
  });

  it('lists objects and their questions in the codebook, each with where its answer sits', () => {
    const rows = table(codebookCsv(codebook(definition)));
    const of = (code: string) => rows.find((r) => r.code === code)!;
    expect([of('risk_follow_up').type, of('risk_follow_up').csv_columns, of('risk_follow_up').answer_path]).toEqual(['object', '', '/riskFollowUp']);
    expect([of('risk_plan').csv_columns, of('risk_plan').answer_path]).toEqual(['risk_plan', '/riskFollowUp/plan']);
    expect([of('child_postcode').group, of('child_postcode').answer_path]).toEqual(['children', '/children/*/address/postcode']);
    expect(of('member_name').answer_path).toBe('/household/members/*/name');
    expect(of('address_postcode').sensitivity).toBe('safe-address');
    expect(of('risk_referral_date').show_when).toContain('risk_referred is yes');
    expect([of('risk_plan').required, of('child_postcode').required]).toEqual(['when risk_level is at least 1', 'no']);
  });

  it('words a requirement written inside an object by the question it names (not "a condition on referred")', () => {
    const rows = table(codebookCsv(codebook(definition)));
    expect(rows.find((r) => r.code === 'risk_referral_date')!.required).toBe('when risk_referred is yes');
  });

  it('puts an object in the section its questions are in', () => {
    const inSections = structuredClone(definition) as any;
    inSections.uischema = { type: 'Categorization', elements: [{ type: 'Category', label: 'Risk and safety', elements: inSections.uischema.elements }] };
    const rows = table(codebookCsv(codebook(inSections)));
    expect(['risk_follow_up', 'risk_plan', 'address'].map((code) => rows.find((r) => r.code === code)!.section)).toEqual(['Risk and safety', 'Risk and safety', 'Risk and safety']);
  });

  it('gives an object the show-when its questions share (it has no control of its own)', () => {
    const rows = table(codebookCsv(codebook(definition)));
    const showWhen = (code: string) => rows.find((r) => r.code === code)!.show_when;
    expect([showWhen('risk_follow_up'), showWhen('address'), showWhen('household')]).toEqual(['risk_level is at least 1', 'safe_to_talk is yes', '']);
  });

  it('labels nested answers at their pointers for the Responses page', () => {
    const pointers = labelledAnswers(definition, response, 'full').map((a) => a.pointer);
    expect(pointers).toContain('/riskFollowUp/plan');
    const children = labelledAnswers(definition, response, 'full').find((a) => a.pointer === '/children')!;
    expect(children.items![0]!.map((a) => a.pointer)).toEqual(['/children/0/name', '/children/0/address/postcode']);
  });
});
