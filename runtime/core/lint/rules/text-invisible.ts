import type { Problem } from '../../problems/problem';
import { classifyCharacter, mayHide, codePoint, describeCharacters, distinctCharacters, hasUseIn } from '../../safety/characters';
import { lintProblem, type LintRule } from '../rule';
import { readableTexts } from '../texts';

/**
 * A zero-width space or word joiner in a label is usually pasted in from elsewhere and makes search,
 * translation keys and exports disagree with what is seen; a warning, since the text still reads
 * right. Marks, isolates and joiners are the tools of right-to-left and joining scripts, so they
 * pass in text of those scripts (an Arabic or Urdu translation, a Persian word, an emoji sequence)
 * and are warned of elsewhere.
 */
export const textInvisible: LintRule = {
  codes: ['text-invisible'],
  docs: 'Shown text holds no invisible character (zero-width space, word joiner, soft hyphen, other format characters), and bidirectional marks, isolates and joiners only in text of a script that uses them.',
  check({ definition, model }) {
    const problems: Problem[] = [];
    for (const { text, pointer } of readableTexts(definition, model)) {
      if (!mayHide(text)) continue;
      const found = distinctCharacters(text, (cp) => {
        const cls = classifyCharacter(cp);
        return cls === 'invisible' || ((cls === 'bidi-mark' || cls === 'joiner') && !hasUseIn(cls, text));
      });
      if (!found.length) continue;
      problems.push(
        lintProblem('text-invisible', pointer, `This text holds ${describeCharacters(found)}, which cannot be seen. Remove it unless the script needs it.`, {
          characters: found.map(codePoint),
        }),
      );
    }
    return problems;
  },
};
