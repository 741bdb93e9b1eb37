import type { Problem } from '../../problems/problem';
import { classifyCharacter, mayHide, codePoint, describeCharacters, distinctCharacters } from '../../safety/characters';
import { lintProblem, type LintRule } from '../rule';
import { readableTexts } from '../texts';

/** Tab, line feed and carriage return lay out a description; every other control only breaks something. */
const LAYOUT = new Set([0x09, 0x0a, 0x0d]);

const isUnsafe = (cp: number) => {
  const cls = classifyCharacter(cp);
  return (cls === 'control' && !LAYOUT.has(cp)) || cls === 'bidi-override';
};

/**
 * NUL and the other controls cut text short in C-based tools and exports, and an embedding or
 * override (U+202A–202E) makes a label read in another order than it is written (a "No" that shows as
 * "oN", an option title that reads as another): errors in anything a practitioner reads. Right-to-left
 * text needs only marks and isolates, which text-invisible weighs.
 */
export const textControl: LintRule = {
  codes: ['text-control'],
  docs: 'Titles, descriptions, help, UI labels, option titles and translations hold no control character (other than tab and line breaks) and no bidirectional embedding or override (U+202A–202E).',
  check({ definition, model }) {
    const problems: Problem[] = [];
    for (const { text, pointer } of readableTexts(definition, model)) {
      if (!mayHide(text)) continue;
      const found = distinctCharacters(text, isUnsafe);
      if (!found.length) continue;
      problems.push(
        lintProblem('text-control', pointer, `This text holds ${describeCharacters(found)}, which breaks or reorders what people read. Remove it (right-to-left text needs only marks or isolates).`, {
          characters: found.map(codePoint),
        }),
      );
    }
    return problems;
  },
};
