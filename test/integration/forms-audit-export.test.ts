import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../runtime/node/commands/export';
import { fhirErrors } from '../unit/export/fhir-schema';

/**
 * The shipped AUDIT's example responses (one per WHO zone) through the command line's `export`
 * (issue 18.5): CSV has each score and zone in its own column, worked out from the answers; the
 * codebook writes the score and the zones out in words; FHIR carries WHO's scores as ordinalValue,
 * the score and zone as SDC calculatedExpression, the skips as enableWhen, and the values in each
 * QuestionnaireResponse, all valid R4.
 */
const ROOT = join(__dirname, '../..');
const FORM = join(ROOT, 'form-definitions/alcohol-audit/1.0.0.json');
const EXAMPLES = join(ROOT, 'test/fixtures/responses/alcohol-audit/1.0.0');
const COMPLETED = readdirSync(EXAMPLES).filter((n) => n.startsWith('valid-complete')).sort().map((n) => join(EXAMPLES, n));
const cwd = mkdtempSync(join(tmpdir(), 'audit-export-'));

async function run(...args: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await exportCommand.run(['--form', FORM, ...args], { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  expect(err.filter((l) => !l.startsWith('wrote '))).toEqual([]);
  expect(code).toBe(0);
  return out.join('\n') + '\n';
}
const table = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

/** Each example's score and zone, by response id, in the order of COMPLETED. */
const EXPECTED = {
  'alcohol-audit-1.0.0-valid-complete-higher-risk': ['17', 'higher_risk'],
  'alcohol-audit-1.0.0-valid-complete-lower-risk': ['3', 'lower_risk'],
  'alcohol-audit-1.0.0-valid-complete-non-drinker': ['0', 'lower_risk'],
  'alcohol-audit-1.0.0-valid-complete-possible-dependence': ['33', 'possible_dependence'],
  'alcohol-audit-1.0.0-valid-complete': ['8', 'increasing_risk'],
};

describe('alcohol-audit 1.0.0 exports', () => {
  it('CSV: the score and the zone of each example, each in its own column', async () => {
    const rows = table(await run('--format', 'csv', ...COMPLETED));
    expect(Object.fromEntries(rows.map((r) => [r._response_id, [r.audit_total, r.audit_zone]]))).toEqual(EXPECTED);
    // Skipped questions are empty, never 0: the score of a skipped question is not an answer.
    expect(rows.find((r) => r._response_id!.endsWith('non-drinker'))).toMatchObject({ audit_2: 'NA', audit_8: 'NA', audit_9: 'no' });
  });

  it('CSV for another agency leaves out the screen (special-category) with its score and zone', async () => {
    const [row] = table(await run('--format', 'csv', '--profile', 'external-agency', join(EXAMPLES, 'valid-complete.json')));
    expect(Object.keys(row!).filter((c) => /^audit_|advice|referral/.test(c))).toEqual([]);
    expect(row).toMatchObject({ screen_date: '2026-12-01', safe_to_talk: 'true' });
  });

  it('the codebook writes the score and each zone out in words, and lists the zones as its codes', async () => {
    const rows = new Map(table(await run('--format', 'codebook')).map((r) => [r.code, r]));
    expect(rows.get('audit_total')!.computed_as).toBe(`sum of the scores of ${Array.from({ length: 10 }, (_v, i) => `audit_${i + 1}`).join(', ')}`);
    expect(rows.get('audit_zone')!.computed_as).toBe(
      'band of audit_total: lower_risk = Zone I: lower risk (0 to 7); increasing_risk = Zone II: increasing risk (8 to 15); ' +
        'higher_risk = Zone III: higher risk (16 to 19); possible_dependence = Zone IV: possible dependence (20 to 40)',
    );
    expect(rows.get('audit_zone')!.options).toMatch(/^lower_risk=Zone I: lower risk; increasing_risk=/);
    expect(rows.get('brief_advice')!.show_when).toMatch(/audit_total is at least 8/);
    expect(rows.get('specialist_referral')!.show_when).toMatch(/audit_total is at least 20/);
  });

  it('FHIR: scores as ordinalValue, score and zone as calculatedExpression, the skips as enableWhen, the values in each response, valid R4', async () => {
    type Item = { linkId: string; item?: Item[]; extension?: Array<{ url: string; valueExpression?: { expression: string } }>; answerOption?: Array<{ extension?: unknown }>; enableWhen?: Array<{ question: string; operator: string }>; enableBehavior?: string; answer?: Array<Record<string, unknown>> };
    type Resource = { resourceType: string; item: Item[] };
    const bundle = JSON.parse(await run('--format', 'fhir', ...COMPLETED)) as { entry: Array<{ resource: Resource }> };
    expect(fhirErrors('Bundle', bundle)).toEqual([]);
    const byLink = (items: Item[], out = new Map<string, Item>()) => (items.forEach((i) => (out.set(i.linkId, i), byLink(i.item ?? [], out))), out);
    const [questionnaire, ...responses] = bundle.entry.map((e) => e.resource);
    const q = byLink(questionnaire!.item);
    const expression = (code: string) => q.get(code)!.extension?.find((e) => e.url.endsWith('sdc-questionnaire-calculatedExpression'))?.valueExpression?.expression;
    expect(q.get('audit_9')!.answerOption!.map((o) => o.extension)).toEqual([0, 2, 4].map((v) => [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: v }]));
    expect(expression('audit_total')).toBe(`%resource.repeat(item).where(${Array.from({ length: 10 }, (_v, i) => `linkId = 'audit_${i + 1}'`).join(' or ')}).answer.value.ordinal().sum()`);
    expect(expression('audit_zone')).toContain("iif($this >= 8 and $this <= 15, 'increasing_risk'");
    // Questions 2 to 8 sit in a group shown unless question 1 is Never; 4 to 8 in one shown when 2 or 3 scores.
    const skipGroups = [...q.values()].filter((i) => i.enableWhen?.some((w) => /^audit_[123]$/.test(w.question)));
    expect(skipGroups.map((g) => [g.enableWhen!.map((w) => `${w.question} ${w.operator}`), g.enableBehavior ?? null, byLink(g.item!).has('audit_4')])).toEqual([
      [['audit_1 !='], null, true],
      [['audit_2 !=', 'audit_3 !='], 'any', true],
    ]);
    const values = responses.map((r) => {
      const a = byLink(r.item);
      return [a.get('audit_total')?.answer?.[0], a.get('audit_zone')?.answer?.[0]];
    });
    expect(values).toEqual(Object.values(EXPECTED).map(([total, zone]) => [{ valueInteger: Number(total) }, { valueString: zone }]));
  }, 90_000);
});
