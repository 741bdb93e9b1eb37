import type { Problem } from '../../problems/problem';
import { classifyCharacter, mayHide, codePoint, describeCharacters, distinctCharacters, visibleText } from '../../safety/characters';
import { lintProblem, type LintRule } from '../rule';
import { namesAndValues } from '../texts';

/**
 * `visit​Date` with a zero-width space is another key than `visitDate`, yet reads the same in the
 * builder, the answers and every export; a bidirectional override makes a key read backwards. Names
 * have no use for any of them (unlike shown text, see text-invisible), so each one is an error.
 */
export const keyInvisible: LintRule = {
  codes: ['key-invisible'],
  docs: 'Property names, shape names and option values hold no control, invisible (zero-width, format) or bidirectional-control character.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const { text, pointer, what } of namesAndValues(model)) {
      if (!mayHide(text)) continue;
      const found = distinctCharacters(text, (cp) => classifyCharacter(cp) !== undefined);
      if (!found.length) continue;
      problems.push(
        lintProblem('key-invisible', pointer, `The ${what} "${visibleText(text)}" holds ${describeCharacters(found)}, which cannot be seen: it looks like another name. Retype it.`, {
          name: text,
          characters: found.map(codePoint),
        }),
      );
    }
    return problems;
  },
};
