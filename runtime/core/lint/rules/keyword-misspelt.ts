import type { Problem } from '../../problems/problem';
import { visibleText } from '../../safety/characters';
import { strictFindings } from '../../validate/keywords';
import { isKnownKeyword } from '../../validate/known-keywords';
import { nearestKeyword } from '../nearest-keyword';
import { lintProblem, type LintRule } from '../rule';

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
    for (const finding of strictFindings(model.schema, '/schema', isKnownKeyword)) {
      const suggestion = finding.unknown ? nearestKeyword(finding.keyword) : undefined;
      if (!suggestion) continue;
      problems.push(lintProblem('keyword-misspelt', finding.pointer, `Unknown keyword "${visibleText(finding.keyword)}": did you mean "${suggestion}"?`, { keyword: finding.keyword, suggestion }));
    }
    return problems;
  },
};

/** Whether keyword-misspelt reports this finding (the other rules reading strict findings skip it). */
export function isMisspelt(finding: { keyword: string; unknown: boolean }): boolean {
  return finding.unknown && nearestKeyword(finding.keyword) !== undefined;
}
