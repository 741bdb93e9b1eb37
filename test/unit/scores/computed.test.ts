import { describe, expect, it } from 'vitest';
import { computeValues, formModel, hiddenAnswerPointers, withComputedValues } from '../../../runtime/core/index';
import { elevenPoints, scoredDefinition } from '../../fixtures/scored/load';

describe('option scores, totals and bands in the model', () => {
  const definition = scoredDefinition();
  const model = formModel(definition);

  it('carries each option\'s score, a multiple choice\'s too', () => {
    expect(model.byKey.get('q1')!.options.map((o) => o.score)).toEqual([0, 1, 2, 3, 4]);
    expect(model.byKey.get('q3')!.options.map((o) => [o.code, o.score])).toEqual([['injury', 4], ['concern', 2], ['none', 0]]);
  });

  it('works out the total, its band and a count over the group\'s items', () => {
    expect(computeValues(definition, elevenPoints)).toEqual({ total: 11, risk: 'increasing', under5: 0 });
    expect(computeValues(definition, {})).toEqual({ total: 0, risk: 'low', under5: 0 });
    expect(computeValues(definition, { q1: 'daily', q2: 'daily', q3: ['injury', 'concern'] })).toEqual({ total: 14, risk: 'higher', under5: 0 });
    const children = [{ name: 'A', age: 2 }, { name: 'B', age: 4 }, { name: 'C', age: 5 }, { name: 'D' }];
    expect(computeValues(definition, { children })).toMatchObject({ under5: 2 });
  });

  it('a rule reading the total reads the answers it is worked out from', () => {
    expect([...model.ruleReads!].sort()).toEqual(['q1', 'q2', 'q3', 'safeToTalk', 'total']);
  });

  it('shows the follow-up when the total is 8 or more, hidden again below', () => {
    expect(hiddenAnswerPointers(definition, elevenPoints).has('/followUp')).toBe(false);
    expect(hiddenAnswerPointers(definition, { ...elevenPoints, q1: 'never' }).has('/followUp')).toBe(true);
    // A stored total is not believed: the rule reads what the answers give.
    expect(hiddenAnswerPointers(definition, { q1: 'never', total: 20 }).has('/followUp')).toBe(true);
    expect(withComputedValues(definition, { q1: 'never', total: 20 })).toMatchObject({ total: 0, risk: 'low' });
  });

  it('reads a single choice with x-yes-no as the safety check', () => {
    expect(model.gate).toMatchObject({ key: 'safeToTalk', yes: 'yes', no: 'no' });
    expect(hiddenAnswerPointers(definition, { safeToTalk: 'no' }).has('/fearful')).toBe(true);
    expect(hiddenAnswerPointers(definition, { safeToTalk: 'yes' }).has('/fearful')).toBe(false);
  });
});
