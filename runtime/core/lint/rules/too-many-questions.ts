import { limits } from '../../safety/limits';
import { lintProblem, type LintRule } from '../rule';

export const tooManyQuestions: LintRule = {
  codes: ['too-many-questions'],
  docs: `A form has at most ${limits.questions} questions (counting groups and group items).`,
  check({ model }) {
    if (model.all.length <= limits.questions) return [];
    return [
      lintProblem('too-many-questions', '/schema/properties', `The form has ${model.all.length} questions; the limit is ${limits.questions}. Split it into several forms.`, {
        count: model.all.length,
        limit: limits.questions,
      }),
    ];
  },
};
