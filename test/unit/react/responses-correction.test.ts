import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDefinition } from '../../../runtime/core/index';
import { correctableQuestions, correctedAnswers, fieldOf } from '../../../runtime/react/pages/responses/correction';

/** The Responses page's "Correct an answer" as data (issue 20 point 5): which questions, and field text ↔ answer. */
const loaded = loadDefinition(readFileSync('form-definitions/routine-enquiry/1.0.0.json', 'utf8'));
if (!loaded.ok) throw new Error('routine-enquiry 1.0.0 does not load');
const questions = correctableQuestions(loaded.value);
const q = (key: string) => questions.find((c) => c.key === key)!;
const answers = JSON.parse(readFileSync('test/fixtures/responses/routine-enquiry/1.0.0/valid-complete.json', 'utf8')).answers as Record<string, unknown>;

describe('correcting one answer', () => {
  it('offers every top-level question with a field of its own, in the form\'s order, not a repeatable group', () => {
    expect(questions.map((c) => c.key)).not.toContain('children');
    expect(questions.map((c) => c.key).slice(0, 3)).toEqual(['enquiryDate', 'setting', 'safeToTalk']);
    expect(q('childSafetyConcern')).toMatchObject({ kind: 'single-choice', label: 'Do you have any concerns about a child’s safety?' });
    expect(q('childSafetyConcern').choices.map((c) => c.code)).toEqual(['yes', 'no', 'not_sure']);
  });

  it('turns the field back into the answer each kind holds, leaving the other answers as they were', () => {
    expect(fieldOf(q('childSafetyConcern'), answers.childSafetyConcern)).toBe('not_sure');
    expect(correctedAnswers(answers, q('childSafetyConcern'), 'yes')).toEqual({ ...answers, childSafetyConcern: 'yes' });
    // A yes/no question holds true or false, not their text.
    expect(fieldOf(q('safeToTalk'), true)).toBe('true');
    expect(correctedAnswers(answers, q('safeToTalk'), 'false').safeToTalk).toBe(false);
    expect(fieldOf(q('otherSupport'), answers.otherSupport)).toEqual(['helpline', 'housing']);
    expect(correctedAnswers(answers, q('otherSupport'), ['housing']).otherSupport).toEqual(['housing']);
    expect(correctedAnswers(answers, q('followUpDate'), '2026-12-24').followUpDate).toBe('2026-12-24');
  });

  it('leaves a question unanswered when its field is emptied', () => {
    expect(correctedAnswers(answers, q('followUpDate'), '')).not.toHaveProperty('followUpDate');
    expect(correctedAnswers(answers, q('otherSupport'), [])).not.toHaveProperty('otherSupport');
    expect(correctedAnswers(answers, q('childSafetyConcern'), '')).not.toHaveProperty('childSafetyConcern');
  });
});
