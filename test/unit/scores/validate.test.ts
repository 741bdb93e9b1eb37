import { describe, expect, it } from 'vitest';
import { validateResponse } from '../../../runtime/core/index';
import { elevenPoints, scoredDefinition } from '../../fixtures/scored/load';

const definition = scoredDefinition();
const problemsOf = (answers: Record<string, unknown>) => validateResponse(definition, answers).map((p) => `${p.code} ${p.path}`);

describe('validate: totals, bands and counts are recomputed from the answers', () => {
  it('accepts stored values that agree with the answers', () => {
    expect(problemsOf({ ...elevenPoints, followUp: 'Leaflet', total: 11, risk: 'increasing', under5: 0 })).toEqual([]);
  });

  it('refuses a stored total, band or count that disagrees, at its pointer', () => {
    expect(problemsOf({ ...elevenPoints, followUp: 'Leaflet', total: 3, risk: 'increasing' })).toEqual(['answer-computed /total']);
    expect(problemsOf({ ...elevenPoints, followUp: 'Leaflet', total: 11, risk: 'low' })).toEqual(['answer-computed /risk']);
    expect(problemsOf({ ...elevenPoints, followUp: 'Leaflet', children: [{ name: 'A', age: 1 }], under5: 0 })).toEqual(['answer-computed /under5']);
    const stored = validateResponse(definition, { ...elevenPoints, followUp: 'Leaflet', total: 3 }).find((p) => p.path === '/total');
    expect(stored?.params).toEqual({ expected: 11, actual: 3 });
  });

  it('requires the follow-up through if/then on the total, whether or not the total is stored', () => {
    expect(problemsOf(elevenPoints)).toEqual(['answer-required /followUp']);
    expect(problemsOf({ ...elevenPoints, total: 11 })).toEqual(['answer-required /followUp']);
    expect(problemsOf({ ...elevenPoints, q1: 'never' })).toEqual([]);
  });

  it('refuses the follow-up answered while the total is below the threshold (it was hidden)', () => {
    expect(problemsOf({ ...elevenPoints, q1: 'never', followUp: 'Leaflet' })).toEqual(['answer-hidden /followUp']);
  });

  it('hides sensitive answers behind a yes/no choice gate answered no, as behind a boolean', () => {
    expect(problemsOf({ safeToTalk: 'no', fearful: true })).toEqual(['answer-hidden /fearful']);
    expect(problemsOf({ safeToTalk: 'yes' })).toEqual(['answer-required /fearful']);
    expect(problemsOf({ safeToTalk: 'yes', fearful: true })).toEqual([]);
  });
});
