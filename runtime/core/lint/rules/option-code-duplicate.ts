import type { Problem } from '../../problems/problem';
import { repeats } from '../repeats';
import { lintProblem, type LintRule } from '../rule';
import { named } from '../wording';

/**
 * An option's code is the answer itself: two options of one code record the same answer, so a
 * practitioner who picks one has recorded the other, and exports cannot tell them apart.
 */
export const optionCodeDuplicate: LintRule = {
  codes: ['option-code-duplicate'],
  docs: 'The options of one question have different codes (`const` or `enum` values, compared as exports write them).',
  check({ model }) {
    const problems: Problem[] = [];
    for (const q of model.all) {
      for (const { first, again } of repeats(q.options, (o) => o.code)) {
        problems.push(
          lintProblem('option-code-duplicate', again.pointer, `The option “${again.label}” of ${named(q)} has the code "${again.code}", already the code of “${first.label}”: choosing either would record the same answer.`, {
            key: q.key,
            code: again.code,
            first: first.pointer,
          }),
        );
      }
    }
    return problems;
  },
};
