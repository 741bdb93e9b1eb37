import type { Problem } from '../../problems/problem';
import { unknownKeywords } from '../../validate/keywords';
import { EXTENSION_KEYWORDS } from '../../validate/vocabulary/index';
import { lintProblem, type LintRule } from '../rule';

/**
 * A mistyped `x-` keyword would be ignored by JSON Forms and refused by the validator's strict
 * mode; here it is an error at its place. The known ones are the validator's `x-` vocabulary.
 */
export const extensionUnknown: LintRule = {
  codes: ['extension-unknown'],
  docs: 'Only the `x-` keywords of docs/definition-format.md (x-code, x-sensitivity, x-computed, x-help, x-exclusive) may appear in the schema.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const { keyword, pointer } of unknownKeywords(model.schema, '/schema')) {
      if (keyword.startsWith('x-')) problems.push(lintProblem('extension-unknown', pointer, `Unknown keyword "${keyword}"; the known ones are ${EXTENSION_KEYWORDS.join(', ')}.`, { keyword }));
    }
    return problems;
  },
};
