import { describe, expect, it } from 'vitest';
import { limits } from '../../../../runtime/core/index';
import { lintChanged, pathsOf, type Json } from '../helpers';

function addQuestions(d: Json, n: number): void {
  for (let i = 0; i < n; i++) {
    d.schema.properties[`q${i}`] = { type: 'boolean', title: `Q${i}`, 'x-code': `q_${i}` };
    d.uischema.elements[0].elements.push({ type: 'Control', scope: `#/properties/q${i}` });
  }
}

describe('too-many-questions', () => {
  // The valid fixture has 10 questions (8 top-level, 2 group items).
  it('passes a form at the limit', () => {
    expect(lintChanged((d) => addQuestions(d, limits.questions - 10))).toEqual([]);
  });

  it('reports a form over the limit once', () => {
    expect(pathsOf(lintChanged((d) => addQuestions(d, limits.questions - 9)), 'too-many-questions')).toEqual(['/schema/properties']);
  });
});
