import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, loadDefinitionText, suggestVersion, visibleQuestionKeys, type Definition } from '../../../runtime/core/index';

/**
 * The shipped 1.1.0s of disclosure-record and parenting-capacity: their 1.0.0 follow-ups on a
 * multiple choice showed before anything was ticked (rule-shows-unanswered); 1.1.0 waits.
 */
const root = resolve(__dirname, '../../..');

function load(ref: string): Definition {
  const loaded = loadDefinitionText(readFileSync(join(root, 'form-definitions', `${ref}.json`), 'utf8'));
  if (!loaded.ok) throw new Error(`${ref} does not load`);
  return loaded.value;
}

const asDraft = (d: Definition) => lint({ ...d, status: 'draft' }).filter((p) => p.code === 'rule-shows-unanswered');

const cases = [
  { id: 'disclosure-record', followUp: 'natureOther', question: 'nature', other: 'other', another: 'neglect', warned: 4 },
  { id: 'parenting-capacity', followUp: 'acceptHelpOther', question: 'acceptHelpFrom', other: 'other', another: 'family', warned: 1 },
];

describe.each(cases)('$id 1.0.0 → 1.1.0', ({ id, followUp, question, other, another, warned }) => {
  const v1 = load(`${id}/1.0.0`);
  const v2 = load(`${id}/1.1.0`);
  const gate = { [v1.safety!.gate!]: true };

  it('1.0.0 is what the lint rule warns of; 1.1.0 is clean of it', () => {
    expect(asDraft(v1)).toHaveLength(warned);
    expect(asDraft(v2)).toEqual([]);
  });

  it('is the minor version the version advice gives (a changed rule)', () => {
    expect(suggestVersion(v1, v2)).toMatchObject({ bump: 'minor', version: '1.1.0' });
  });

  it('shows the follow-up only once its answer is ticked', () => {
    const shows = (d: Definition, answers: Record<string, unknown>) => visibleQuestionKeys(d, { ...gate, ...answers }).includes(followUp);
    expect(shows(v1, {})).toBe(true);
    expect([shows(v2, {}), shows(v2, { [question]: [another] }), shows(v2, { [question]: [another, other] })]).toEqual([false, false, true]);
  });

});
