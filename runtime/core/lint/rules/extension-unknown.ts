import type { Problem } from '../../problems/problem';
import { strictProblem } from '../../validate/keywords';
import { lintProblem, type LintRule } from '../rule';
import { schemaMisspellings, schemaStrictFindings } from '../schema-nodes';

/**
 * A mistyped `x-` keyword would be ignored by JSON Forms and refused by the validator's strict
 * mode; here it is an error at its place. The known ones are the validator's `x-` vocabulary.
 */
export const extensionUnknown: LintRule = {
  codes: ['extension-unknown'],
  docs: 'Only the `x-` keywords of docs/definition-format.md (x-code, x-sensitivity, x-computed, x-help, x-exclusive, x-score, x-yes-no) may appear in the schema.',
  check({ model }) {
    const problems: Problem[] = [];
    const misspelt = schemaMisspellings(model);
    for (const finding of schemaStrictFindings(model)) {
      if (misspelt.has(finding)) continue; // `x-cdoe`: keyword-misspelt's, with `x-code` suggested
      const { code, path, message, params } = strictProblem(finding);
      if (code === 'extension-unknown') problems.push(lintProblem(code, path, message, params));
    }
    return problems;
  },
};
