import { repeats } from '../repeats';
import { lintProblem, type LintRule } from '../rule';
import { named } from '../wording';

/** Export codes name columns and FHIR linkIds, so one code means one question in the whole form. */
export const codeDuplicate: LintRule = {
  codes: ['code-duplicate'],
  docs: 'Export codes must be unique in the form, across questions, groups and group items.',
  check({ model }) {
    return repeats(model.all, (q) => q.code).map(({ first, again }) =>
      lintProblem('code-duplicate', `${again.pointer}/x-code`, `The export code "${again.code}" of ${named(again)} is already used by ${named(first)}: give one of them another code.`, {
        code: again.code,
        first: first.pointer,
      }),
    );
  },
};
