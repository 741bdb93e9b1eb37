import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeValues, loadDefinitionText, validateResponse, visibleQuestionKeys, type Definition } from '../../runtime/core/index';

/**
 * The shipped AUDIT (issue 18.5) is WHO's instrument as the guidelines print it: ten questions in
 * WHO's order, each option scored as WHO scores it, a total out of 40 in WHO's four risk zones, the
 * interview version's skips, and the zones' interventions asked about from their thresholds, never
 * below; and there is a completed example response in each zone. Read through the runtime's own
 * rule engine, computed values and validator.
 */
const ROOT = join(__dirname, '../..');
const EXAMPLES = join(ROOT, 'test/fixtures/responses/alcohol-audit/1.0.0');
const definition: Definition = (() => {
  const r = loadDefinitionText(readFileSync(join(ROOT, 'form-definitions/alcohol-audit/1.0.0.json'), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
})();
type Property = { 'x-code'?: string; 'x-computed'?: { op: string; of: unknown; bands?: unknown }; oneOf?: Array<{ const: string; 'x-score'?: number }> };
const properties = definition.schema.properties as Record<string, Property>;

const ITEMS = ['drinkFrequency', 'typicalDrinks', 'sixOrMore', 'unableToStop', 'failedExpectations', 'morningDrink', 'guilt', 'memoryLoss', 'injury', 'othersConcerned'];
const SKIPPED_AFTER_NEVER = ITEMS.slice(1, 8);
const SKIPPED_AFTER_ZERO = ITEMS.slice(3, 8);

/** The privacy check open, then answers that give each item the score asked for (the lowest option with it). */
function scoring(scores: number[]): Record<string, unknown> {
  const answers: Record<string, unknown> = { safeToTalk: true };
  scores.forEach((score, i) => {
    const option = properties[ITEMS[i]!]!.oneOf!.find((o) => o['x-score'] === score);
    if (!option) throw new Error(`${ITEMS[i]} has no option scored ${score}`);
    answers[ITEMS[i]!] = option.const;
  });
  return answers;
}
const visible = (answers: Record<string, unknown>) => new Set(visibleQuestionKeys(definition, answers));

describe('alcohol-audit 1.0.0: the WHO AUDIT', () => {
  it("has the ten questions in WHO's order, coded audit_1 to audit_10, every option scored as WHO scores it", () => {
    expect(ITEMS.map((k) => properties[k]!['x-code'])).toEqual(ITEMS.map((_k, i) => `audit_${i + 1}`));
    for (const key of ITEMS.slice(0, 8)) expect(properties[key]!.oneOf!.map((o) => o['x-score']), key).toEqual([0, 1, 2, 3, 4]);
    for (const key of ITEMS.slice(8)) expect(properties[key]!.oneOf!.map((o) => o['x-score']), key).toEqual([0, 2, 4]);
  });

  it('adds the ten scores into a total out of 40, banded in the four WHO zones', () => {
    expect(properties.auditTotal!['x-computed']).toEqual({ op: 'score', of: ITEMS });
    expect(properties.riskZone!['x-computed']).toMatchObject({
      op: 'band',
      of: 'auditTotal',
      bands: [
        { code: 'lower_risk', min: 0, max: 7 },
        { code: 'increasing_risk', min: 8, max: 15 },
        { code: 'higher_risk', min: 16, max: 19 },
        { code: 'possible_dependence', min: 20, max: 40 },
      ],
    });
    expect(computeValues(definition, scoring([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]))).toEqual({ auditTotal: 40, riskZone: 'possible_dependence' });
    for (const [total, zone] of [[7, 'lower_risk'], [8, 'increasing_risk'], [15, 'increasing_risk'], [16, 'higher_risk'], [19, 'higher_risk'], [20, 'possible_dependence']] as const) {
      // Spread the total over questions 1 to 8 (4 at most each), 9 and 10 answered No.
      const scores = ITEMS.map((_k, i) => (i < 8 ? Math.max(0, Math.min(4, total - 4 * i)) : 0));
      expect(computeValues(definition, scoring(scores)), `total ${total}`).toEqual({ auditTotal: total, riskZone: zone });
    }
  });

  it('asks about brief advice from a score of 8 and not at 7, and about a specialist assessment from 20 and not at 19', () => {
    const at = (total: number) => visible(scoring(ITEMS.map((_k, i) => (i < 8 ? Math.max(0, Math.min(4, total - 4 * i)) : 0))));
    expect(at(7).has('briefAdvice')).toBe(false);
    expect(at(8).has('briefAdvice')).toBe(true);
    expect(at(19).has('specialistReferral')).toBe(false);
    expect(at(20).has('specialistReferral')).toBe(true);
    expect(at(20).has('briefAdvice')).toBe(true);
    // And requires them there: a score of 8 without the advice question answered is incomplete.
    const problems = validateResponse(definition, { screenDate: '2026-12-06', administeredAs: 'interview', confidentialityExplained: true, ...scoring([3, 1, 2, 1, 0, 0, 1, 0, 0, 0]) });
    expect(problems.map((p) => ({ code: p.code, path: p.path }))).toEqual([{ code: 'answer-required', path: '/briefAdvice' }]);
  });

  it("follows the interview version's skips: Never skips questions 2 to 8; 0 on questions 2 and 3 skips 4 to 8", () => {
    const afterNever = visible({ safeToTalk: true, drinkFrequency: 'never' });
    expect(SKIPPED_AFTER_NEVER.filter((k) => afterNever.has(k))).toEqual([]);
    expect(afterNever.has('injury') && afterNever.has('othersConcerned')).toBe(true);
    const afterZero = visible({ safeToTalk: true, drinkFrequency: 'monthly_or_less', typicalDrinks: 'one_or_two', sixOrMore: 'never' });
    expect(SKIPPED_AFTER_ZERO.filter((k) => afterZero.has(k))).toEqual([]);
    const drinking = visible({ safeToTalk: true, drinkFrequency: 'monthly_or_less', typicalDrinks: 'one_or_two', sixOrMore: 'less_than_monthly' });
    expect(SKIPPED_AFTER_NEVER.filter((k) => !drinking.has(k))).toEqual([]);
    // Nothing of the screen shows until the privacy check is yes.
    expect([...ITEMS, 'auditTotal', 'riskZone'].filter((k) => visible({ safeToTalk: false }).has(k))).toEqual([]);
  });

  it('has a completed, valid example response in each zone, its stored score the one its answers give', () => {
    const zones = new Map<string, string>();
    for (const name of readdirSync(EXAMPLES).filter((n) => n.startsWith('valid-complete'))) {
      const envelope = JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as { status: string; answers: Record<string, unknown> };
      expect(envelope.status, name).toBe('completed');
      expect(validateResponse(definition, envelope.answers), name).toEqual([]);
      const computed = computeValues(definition, envelope.answers);
      expect({ auditTotal: envelope.answers.auditTotal, riskZone: envelope.answers.riskZone }, name).toEqual(computed);
      zones.set(String(computed.riskZone), name);
    }
    expect([...zones.keys()].sort()).toEqual(['higher_risk', 'increasing_risk', 'lower_risk', 'possible_dependence']);
  });
});
