import { describe, expect, it } from 'vitest';
import { lintText, visibleQuestionKeys } from '../../../runtime/core/index';
import { addQuestion, definitionText, newDefinition, optionsFromLines, readShowRule, setItemShowRule, updateQuestion, type RawDefinition, type ShowRule } from '../../../builder/app/services/edits/index';

/**
 * Found by issue 17's scripted journey: a show-when on a multiple choice (“which substances … is
 * Opioids”) was written as `contains`, which JSON Schema holds for anything that is not an array,
 * so the follow-up showed while nothing was ticked, and again once every tick was taken off.
 * Unanswered must read as “not that answer”, as it already does for a single choice or a number.
 */
function screen(rule: ShowRule): RawDefinition {
  let d = newDefinition('substance-check', 'Substance check', '2026-12-06');
  d = addQuestion(d, 'multiple-choice', { section: 0, label: 'Which substances' }).definition;
  d = updateQuestion(d, { key: 'whichSubstances' }, { options: optionsFromLines('Alcohol\nCannabis\nOpioids') });
  d = addQuestion(d, 'long-text', { section: 0, index: 1, label: 'What support would help' }).definition;
  return setItemShowRule(d, { section: 0, index: 1 }, rule);
}

const follows = (d: RawDefinition, answers: Record<string, unknown>) => visibleQuestionKeys(d as unknown as Parameters<typeof visibleQuestionKeys>[0], answers).includes('whatSupportWouldHelp');
const rules: Record<string, ShowRule> = {
  is: { mode: 'all', conditions: [{ key: 'whichSubstances', op: 'is', value: 'opioids' }] },
  'is one of': { mode: 'all', conditions: [{ key: 'whichSubstances', op: 'one-of', values: ['opioids', 'cannabis'] }] },
};

describe('a show-when on a multiple choice is false while it is unanswered', () => {
  for (const [name, rule] of Object.entries(rules)) {
    it(`“${name}”: hidden unanswered or with no tick, shown only with a tick it names`, () => {
      const d = screen(rule);
      expect(follows(d, {})).toBe(false);
      expect(follows(d, { whichSubstances: [] })).toBe(false);
      expect(follows(d, { whichSubstances: ['alcohol'] })).toBe(false);
      expect(follows(d, { whichSubstances: ['alcohol', 'opioids'] })).toBe(true);
      // Design reads back the rule it wrote, and the form lints clean.
      const control = (d.uischema as { elements: Array<{ elements: Array<{ rule?: unknown }> }> }).elements[0]!.elements[1]!;
      expect(readShowRule(control.rule)).toEqual(rule);
      expect(lintText(definitionText(d), {}).filter((p) => p.severity === 'error')).toEqual([]);
    });
  }

  it('still reads a rule written before, without failWhenUndefined, so Design can show and rewrite it', () => {
    const old = { effect: 'SHOW', condition: { scope: '#/properties/whichSubstances', schema: { contains: { const: 'opioids' } } } };
    expect(readShowRule(old)).toEqual(rules.is);
  });
});
