import type { Problem } from '../../problems/problem';
import { codePoint, describeCharacter, visibleText } from '../../safety/characters';
import { mixedScriptWords } from '../../safety/lookalikes';
import { lintProblem, type LintRule } from '../rule';
import { namesAndValues } from '../texts';

/**
 * `visitDаte` with a Cyrillic а is another answer key (or option value) than `visitDate` and cannot
 * be told from it by eye: an error, as a key spoofing another is never what an author meant.
 */
export const keyLookalike: LintRule = {
  codes: ['key-lookalike'],
  docs: 'Property names, shape names and option values do not mix Latin letters with look-alike letters of another script (Cyrillic, Greek, Armenian, Cherokee): UTS #39 mixed-script confusables.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const { text, pointer, what } of namesAndValues(model)) {
      const words = mixedScriptWords(text);
      if (!words.length) continue;
      const letters = words.flatMap((w) => w.lookalikes);
      const detail = letters.map((l) => `${describeCharacter(l.cp)} (looks like "${l.latin}")`).join(', ');
      problems.push(
        lintProblem('key-lookalike', pointer, `The ${what} "${visibleText(text)}" mixes Latin letters with ${detail}. Retype it in Latin letters.`, {
          name: text,
          characters: letters.map((l) => codePoint(l.cp)),
        }),
      );
    }
    return problems;
  },
};
