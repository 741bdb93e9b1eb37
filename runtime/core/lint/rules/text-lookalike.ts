import type { Problem } from '../../problems/problem';
import { codePoint, describeCharacter, visibleText } from '../../safety/characters';
import { mixedScriptWords } from '../../safety/lookalikes';
import { lintProblem, type LintRule } from '../rule';
import { readableTexts } from '../texts';

/**
 * A label word mixing Latin with look-alike letters ("Yеs" with a Cyrillic е) reads right and
 * searches, sorts and translates wrong, or spoofs an option. Only a warning: forms are bilingual
 * (Welsh and English) and may carry Russian or Greek translations, all of which pass, since each
 * word of them is one script; only a word mixing scripts is flagged.
 */
export const textLookalike: LintRule = {
  codes: ['text-lookalike'],
  docs: 'No word of shown text mixes Latin letters with look-alike letters of another script (UTS #39 mixed-script confusables); a warning.',
  check({ definition, model }) {
    const problems: Problem[] = [];
    for (const { text, pointer } of readableTexts(definition, model)) {
      const words = mixedScriptWords(text);
      if (!words.length) continue;
      const letters = words.flatMap((w) => w.lookalikes);
      const detail = words.map((w) => `"${visibleText(w.word)}" (${w.lookalikes.map((l) => `${describeCharacter(l.cp)} looks like "${l.latin}"`).join(', ')})`).join('; ');
      problems.push(lintProblem('text-lookalike', pointer, `A word here mixes Latin letters with look-alikes of another script: ${detail}.`, {
        words: words.map((w) => w.word),
        characters: letters.map((l) => codePoint(l.cp)),
      }));
    }
    return problems;
  },
};
