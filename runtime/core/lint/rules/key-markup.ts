import type { Problem } from '../../problems/problem';
import { MARKUP_CHARACTERS, codePoint, describeCharacters, distinctCharacters, visibleText } from '../../safety/characters';
import { lintProblem, type LintRule } from '../rule';
import { schemaKeys } from '../texts';

const isMarkup = (cp: number) => MARKUP_CHARACTERS.has(String.fromCodePoint(cp));

/**
 * Property names become element ids in the runtime, CSV headers and JSON keys in host systems,
 * some of which build HTML or queries from them; a name with `<b>` or a quote is never needed and
 * is the first step of an injection there, so it is an error, whatever escaping our own code does.
 */
export const keyMarkup: LintRule = {
  codes: ['key-markup'],
  docs: 'Property names and shape names hold no markup or quoting character: `<`, `>`, `&`, `"`, `\'`, backtick.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const { text, pointer, what } of schemaKeys(model)) {
      const found = distinctCharacters(text, isMarkup);
      if (!found.length) continue;
      problems.push(
        lintProblem('key-markup', pointer, `The ${what} "${visibleText(text)}" holds ${describeCharacters(found)}: markup or quoting has no place in a name.`, {
          name: text,
          characters: found.map(codePoint),
        }),
      );
    }
    return problems;
  },
};
