import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeValues, isVisible, loadDefinitionText, validateResponse, visibleQuestionKeys, type Definition } from '../../runtime/core/index';
import { codesOf, controlsWithAncestors, labels } from './forms-support';

/**
 * What each shipped form must carry from FORMS.md and its seeds, checked through the runtime's own
 * rule engine and validator: the safety gate hides every sensitive question, the disclosure record
 * is wholly sensitive and host-only, the protective-factors count is computed, wording follows the
 * child's age band, and each guidance list is one question per item.
 */
const FORMS = join(__dirname, '../../form-definitions');

function load(ref: string): Definition {
  const r = loadDefinitionText(readFileSync(join(FORMS, `${ref}.json`), 'utf8'));
  if (!r.ok) throw new Error(`${ref}: ${JSON.stringify(r.problems)}`);
  return r.value;
}

const ALL = [
  'routine-enquiry/1.0.0',
  'routine-enquiry/2.0.0',
  'parenting-capacity/1.0.0',
  'parenting-capacity/1.1.0',
  'child-perspective/1.0.0',
  'protective-factors/1.0.0',
  'disclosure-record/1.0.0',
  'disclosure-record/1.1.0',
  'death-review-vaw/1.0.0',
  'alcohol-audit/1.0.0',
];
const properties = (d: Definition) => d.schema.properties as Record<string, Record<string, unknown>>;
const sensitiveKeys = (d: Definition) => Object.keys(properties(d)).filter((k) => properties(d)[k]!['x-sensitivity']);

describe('safety gate', () => {
  it.each(ALL)('%s: a required yes/no safety check; no sensitive question is visible until it is answered yes', (ref) => {
    const d = load(ref);
    const gate = d.safety?.gate;
    expect(gate).toBeTruthy();
    expect(properties(d)[gate!]).toMatchObject({ type: 'boolean' });
    expect(d.schema.required).toContain(gate);
    const sensitive = sensitiveKeys(d);
    expect(sensitive.length).toBeGreaterThan(0);
    for (const answers of [{}, { [gate!]: false }]) {
      const visible = new Set(visibleQuestionKeys(d, answers));
      expect(sensitive.filter((k) => visible.has(k))).toEqual([]);
    }
    // Once the gate is yes (and, for a child, the child wants to carry on), the sensitive questions that are not follow-ups show.
    const open = new Set(visibleQuestionKeys(d, { [gate!]: true, childWantsToContinue: true }));
    expect(sensitive.some((k) => open.has(k))).toBe(true);
  });

  it.each(ALL)('%s: no sensitive question is required unless the safety check is yes', (ref) => {
    const d = load(ref);
    const gate = d.safety!.gate!;
    const problems = validateResponse(d, { [gate]: false });
    const sensitive = new Set(sensitiveKeys(d));
    expect(problems.filter((p) => sensitive.has(p.path.slice(1)))).toEqual([]);
  });
});

describe('routine enquiry', () => {
  it.each(['routine-enquiry/1.0.0', 'routine-enquiry/2.0.0'])('%s asks the relationship questions and records a disclosure in the person’s own words', (ref) => {
    const d = load(ref);
    for (const k of ['afraidOfPartner', 'physicalHarm', 'sexualHarm', 'threats', 'disclosure', 'confidentialityExplained']) {
      expect(properties(d)[k], k).toBeDefined();
    }
    const problems = validateResponse(d, { safeToTalk: true, disclosure: 'yes' }).map((p) => p.path);
    expect(problems).toEqual(expect.arrayContaining(['/disclosureWords', '/afraidOfPartner', '/confidentialityExplained']));
  });

  it('2.0.0 adds coercive and controlling behaviour, each sensitive, under the 2018 Act framing', () => {
    const d = load('routine-enquiry/2.0.0');
    const coercive = ['moneyControlled', 'monitored', 'isolated', 'treatmentInterfered', 'putDown', 'walkingOnEggshells', 'courseOfBehaviour'];
    for (const k of coercive) expect(properties(d)[k]?.['x-sensitivity'], k).toBeTruthy();
    expect(labels(d.uischema).some((l) => l.text.includes('Domestic Abuse (Scotland) Act 2018'))).toBe(true);
    expect(properties(d).worriedOwnBehaviour).toBeDefined();
    expect(d.schema.required).toContain('femaleWorkerOffered');
    expect(properties(load('routine-enquiry/1.0.0')).moneyControlled).toBeUndefined();
  });
});

describe('children', () => {
  it.each(['routine-enquiry/1.0.0', 'routine-enquiry/2.0.0', 'parenting-capacity/1.0.0', 'disclosure-record/1.0.0', 'death-review-vaw/1.0.0'])(
    '%s lists children in a repeatable group: name, age, lives in household',
    (ref) => {
      const d = load(ref);
      const groups = codesOf(d).filter((q) => q.type === 'group');
      expect(groups.length).toBe(1);
      const items = codesOf(d).filter((q) => q.group === groups[0]!.key).map((q) => q.key);
      expect(items).toEqual(expect.arrayContaining(['childName', 'childAge', 'livesInHousehold']));
    },
  );
});

describe('parenting capacity', () => {
  it('rates each common parenting difficulty of seed 004 §1.2 as its own question', () => {
    const d = load('parenting-capacity/1.0.0');
    const ratings = ['organisingDailyLife', 'controllingEmotions', 'interactingWithChildren', 'skillsConfidence', 'disorganisedLifestyle', 'recurrentSeparation', 'violenceAbuseWithdrawal'];
    for (const k of ratings) {
      const options = (properties(d)[k]!.oneOf as Array<{ const: string }>).map((o) => o.const);
      expect(options, k).toEqual(['no_concern', 'some_concern', 'significant_concern', 'not_known']);
      expect(properties(d)[`${k}Evidence`], `${k}Evidence`).toBeDefined();
    }
  });

  it('shows the no-blame guidance and the separate assessment only when the other parent is abusive', () => {
    const d = load('parenting-capacity/1.0.0');
    const open = { safeToTalk: true };
    expect(visibleQuestionKeys(d, { ...open, otherParentAbusive: 'no' })).not.toContain('otherParentAssessed');
    expect(visibleQuestionKeys(d, { ...open, otherParentAbusive: 'yes' })).toContain('otherParentAssessed');
  });
});

describe('child’s perspective', () => {
  const d = load('child-perspective/1.0.0');
  const bands = ['under_8', 'age_8_12', 'age_13_plus'];

  it('offers wording for each age band, shown only for that band', () => {
    const banded = labels(d.uischema).filter((l) => JSON.stringify(l.condition ?? {}).includes('ageBand'));
    for (const band of bands) {
      const own = banded.filter((l) => (l.condition as { schema?: { const?: string } }).schema?.const === band);
      expect(own.length, band).toBeGreaterThanOrEqual(4);
    }
  });

  it('records each of the child’s experiences of seed 004 §2.2 as its own question', () => {
    for (const k of ['secrecyShame', 'guiltBlame', 'worryForParent', 'fearSeparation', 'fearBeingHurt', 'isolation', 'worthless', 'caringResponsibilities']) {
      expect(properties(d)[k], k).toBeDefined();
    }
  });

  it('hides the conversation if the child does not want to carry on', () => {
    const base = { safeToTalk: true, ageBand: 'age_8_12' };
    expect(visibleQuestionKeys(d, { ...base, childWantsToContinue: true })).toContain('whenDifficult');
    expect(visibleQuestionKeys(d, { ...base, childWantsToContinue: false })).not.toContain('whenDifficult');
  });

  it('shows the age-band wording through the rule engine', () => {
    const [chain] = controlsWithAncestors(d.uischema, 'whenDifficult');
    const layout = chain!.at(-2)!;
    const prompts = (layout.elements as Array<Record<string, unknown>>).filter((e) => e.type === 'Label' && e.rule);
    const shown = (band: string) => prompts.filter((p) => isVisible(p, { ageBand: band })).map((p) => p.text);
    for (const band of bands) expect(shown(band), band).toHaveLength(1);
    expect(new Set(bands.map((b) => shown(b)[0])).size).toBe(3);
  });
});

describe('protective factors', () => {
  const d = load('protective-factors/1.0.0');
  const factors = ['familyCohesion', 'noDrugExposure', 'consistentAdult', 'closeBond', 'supportNetwork', 'consistentParenting', 'familyTogether', 'schoolEngagement', 'adequateFinances', 'planningFuture'];

  it('declares the count of factors present as computed, read-only and never required', () => {
    const p = properties(d).factorsPresent!;
    expect(p).toMatchObject({ type: 'integer', readOnly: true, 'x-computed': { op: 'count', equals: 'present' } });
    expect([...(p['x-computed'] as { of: string[] }).of].sort()).toEqual([...factors].sort());
    expect(JSON.stringify(d.schema.required ?? []) + JSON.stringify(d.schema.allOf ?? [])).not.toContain('factorsPresent');
  });

  it('the runtime computes the count from the answers', () => {
    const answers = Object.fromEntries(factors.map((k, i) => [k, i < 6 ? 'present' : 'absent']));
    expect(computeValues(d, answers)).toMatchObject({ factorsPresent: 6, factorsPartly: 0 });
  });
});

describe('disclosure record', () => {
  const d = load('disclosure-record/1.0.0');

  it('keeps drafts only in the host’s storage, and every answer is sensitive', () => {
    expect(d.safety).toEqual({ gate: 'privateToRecord', drafts: 'host-only' });
    const unmarked = codesOf(d).filter((q) => q.key !== 'privateToRecord' && !q.schema['x-sensitivity']).map((q) => q.pointer);
    expect(unmarked).toEqual([]);
  });

  it('requires the date, time, who disclosed, the nature and the person’s own words', () => {
    const missing = validateResponse(d, { privateToRecord: true }).filter((p) => p.code === 'answer-required').map((p) => p.path);
    expect(missing).toEqual(expect.arrayContaining(['/disclosureDate', '/disclosureTime', '/disclosedBy', '/nature', '/verbatimWords']));
  });
});

describe('death review', () => {
  it('asks the checklist of seed 002 and about children removed from care (seed 000 §7.7)', () => {
    const d = load('death-review-vaw/1.0.0');
    for (const k of ['knownDomesticAbuse', 'otherVawg', 'maracInvolved', 'specialistVawgContact', 'childProtection', 'childrenRemoved', 'womenOnlyOffered', 'naloxoneSupplied', 'disengaged', 'sexualHealthContact', 'bbvContact']) {
      expect(properties(d)[k], k).toBeDefined();
    }
  });
});
