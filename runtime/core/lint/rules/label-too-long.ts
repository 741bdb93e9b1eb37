import type { Problem } from '../../problems/problem';
import { limits } from '../../safety/limits';
import { lintProblem, type LintRule } from '../rule';
import { shownTexts } from '../texts';

/** Text shown to people: titles, descriptions, help, UI labels and their translations. */
export const labelTooLong: LintRule = {
  codes: ['label-too-long'],
  docs: `Titles, descriptions, help text, UI labels and translations are at most ${limits.labelChars} characters.`,
  check({ definition, model }) {
    const problems: Problem[] = [];
    for (const { text, pointer } of shownTexts(definition, model)) {
      if (text.length > limits.labelChars) {
        problems.push(lintProblem('label-too-long', pointer, `This text is ${text.length} characters long; the limit is ${limits.labelChars}. Shorten it, or move the detail into the help text.`, { length: text.length, limit: limits.labelChars }));
      }
    }
    return problems;
  },
};
