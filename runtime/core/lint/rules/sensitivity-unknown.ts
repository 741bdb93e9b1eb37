import { LEVEL_NAME_MAX, LEVEL_NAME_PATTERN } from '../../definition/extension-values';
import type { Problem } from '../../problems/problem';
import { lintProblem, type LintRule } from '../rule';

/**
 * An `x-sensitivity` must name a level of the form's table: built in, or declared in
 * `sensitivityLevels`. The product meanwhile treats an unknown name as the strictest level
 * (model/sensitivity.ts), so a misspelt `safe-adress` still leaves no export or draft.
 */
export const sensitivityUnknown: LintRule = {
  codes: ['sensitivity-unknown'],
  docs: 'x-sensitivity names a level that is built in (personal, sensitive, special-category, safe-address) or declared in the form\'s sensitivityLevels.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const q of model.all) {
      // Malformed names are extension-invalid's; a well-formed name the table lacks is this rule's.
      const name = q.sensitivity;
      if (name === undefined || model.levels.has(name) || name.length > LEVEL_NAME_MAX || !LEVEL_NAME_PATTERN.test(name)) continue;
      problems.push(lintProblem('sensitivity-unknown', `${q.pointer}/x-sensitivity`,
        `"${q.sensitivity}" is not a sensitivity level of this form: use ${[...model.levels.keys()].map((n) => `"${n}"`).join(', ')}, or declare it in "sensitivityLevels".`,
        { level: q.sensitivity, levels: [...model.levels.keys()] }));
    }
    return problems;
  },
};
