import type { Problem } from '../../problems/problem';
import { limits } from '../../safety/limits';
import { lintProblem, type LintRule } from '../rule';
import { own } from '../../model/schema-walk';
import { named } from '../wording';

/** Options are `oneOf`/`anyOf`/`enum` on the question (single choice) or on its `items` (multiple choice). */
export const tooManyOptions: LintRule = {
  codes: ['too-many-options'],
  docs: `A question has at most ${limits.optionsPerQuestion} options.`,
  check({ model }) {
    const problems: Problem[] = [];
    for (const q of model.all) {
      for (const [holder, base] of [[q.schema, q.pointer], [own(q.schema, 'items'), `${q.pointer}/items`]] as const) {
        for (const keyword of ['oneOf', 'anyOf', 'enum']) {
          const list = own(holder, keyword);
          if (Array.isArray(list) && list.length > limits.optionsPerQuestion) {
            problems.push(lintProblem('too-many-options', `${base}/${keyword}`, `${named(q)} has ${list.length} options; the limit is ${limits.optionsPerQuestion}.`, { count: list.length, limit: limits.optionsPerQuestion }));
          }
        }
      }
    }
    return problems;
  },
};
