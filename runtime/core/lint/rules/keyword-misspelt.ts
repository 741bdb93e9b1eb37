import type { Problem } from '../../problems/problem';
import { visibleText } from '../../safety/characters';
import { lintProblem, type LintRule } from '../rule';
import { schemaMisspellings } from '../schema-nodes';

/**
 * An unknown keyword near a known one is a typo: `"requird": [...]` leaves the question optional,
 * `"maxLenght"` leaves it unbounded. The validator's strict mode refuses to compile either, so this
 * is an error like any unknown keyword (a warning would let a form be published that no answer can
 * then be checked against); what it adds is the keyword meant, so the fix is one click.
 * schema-invalid and extension-unknown leave these to it, so each typo is reported once.
 */
export const keywordMisspelt: LintRule = {
  codes: ['keyword-misspelt'],
  docs: 'An unknown keyword close to a known one (edit distance ≤ 2, case aside) is reported with the keyword it was likely meant as: `requird` → `required`.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const [finding, suggestion] of schemaMisspellings(model)) {
      problems.push(lintProblem('keyword-misspelt', finding.pointer, `Unknown keyword "${visibleText(finding.keyword)}": did you mean "${suggestion}"?`, { keyword: finding.keyword, suggestion }));
    }
    return problems;
  },
};
