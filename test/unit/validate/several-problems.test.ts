import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS_PER_ANSWER, validateResponse } from '../../../runtime/core/index';
import { severalRulesForm } from '../../support/several-rules-form';

// Issue 16, point 4: every rule an answer breaks is reported, each at the pointer of what broke it.
const codes = (problems: { code: string; path: string }[]) => problems.map((p) => `${p.code} ${p.path}`).sort();

const definition = severalRulesForm;

describe('several problems per answer', () => {
  it('reports an answer that is too short and of the wrong pattern twice, at the answer', () => {
    expect(codes(validateResponse(definition(), { reference: 'ab' }))).toEqual(['answer-length /reference', 'answer-pattern /reference']);
  });

  it('reports duplicates on the list and an unknown option at its item', () => {
    expect(codes(validateResponse(definition(), { substances: ['alcohol', 'alcohol', 'tea'] }))).toEqual(['answer-items /substances', 'answer-option /substances/2']);
  });

  it('reports a wrong type alone: the other rules cannot judge it', () => {
    expect(codes(validateResponse(definition(), { reference: 7 }))).toEqual(['answer-type /reference']);
  });

  it('reports a choice between alternatives once, not once per branch', () => {
    const def = definition({ amount: { title: 'Amount', oneOf: [{ type: 'string', minLength: 3 }, { type: 'integer', minimum: 10 }], 'x-code': 'amount' } });
    expect(validateResponse(def, { amount: 'a' })).toHaveLength(1);
  });

  it(`keeps at most ${MAX_PROBLEMS_PER_ANSWER} problems for one answer, the most useful first`, () => {
    const limits = [2, 3, 4, 5, 6, 7].map((minLength) => ({ minLength }));
    const def = definition({ code: { type: 'string', title: 'Code', pattern: '^[0-9]+$', allOf: limits, 'x-code': 'code' } });
    const problems = validateResponse(def, { code: 'x' });
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_ANSWER);
    expect(problems.every((p) => p.path === '/code')).toBe(true);
    expect(new Set(problems.map((p) => p.message)).size).toBe(MAX_PROBLEMS_PER_ANSWER);
    // Lengths rank before patterns: with six length limits broken, the pattern is the one left out.
    expect(problems.map((p) => p.code)).toEqual(Array(MAX_PROBLEMS_PER_ANSWER).fill('answer-length'));
  });
});
