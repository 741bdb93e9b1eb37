import type { Problem } from '../../problems/problem';
import type { Question } from '../../model/types';
import { lintProblem, type LintRule } from '../rule';

/** Export codes name columns and FHIR linkIds, so one code means one question in the whole form. */
export const codeDuplicate: LintRule = {
  codes: ['code-duplicate'],
  docs: 'Export codes must be unique in the form, across questions, groups and group items.',
  check({ model }) {
    const first = new Map<string, Question>();
    const problems: Problem[] = [];
    for (const q of model.all) {
      const code = q.code;
      if (code === undefined) continue;
      const earlier = first.get(code);
      if (!earlier) first.set(code, q);
      else {
        problems.push(
          lintProblem('code-duplicate', `${q.pointer}/x-code`, `The export code "${code}" of "${q.key}" is already used by "${earlier.key}".`, {
            code,
            first: earlier.pointer,
          }),
        );
      }
    }
    return problems;
  },
};
