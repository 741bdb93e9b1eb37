import type { Problem } from '../../problems/problem';
import { MARKUP_CHARACTERS, classifyCharacter, codePoint, describeCharacters, distinctCharacters, visibleText } from '../../safety/characters';
import { mixedScriptWords } from '../../safety/lookalikes';
import { lintProblem, type LintRule } from '../rule';
import { schemaKeys } from '../texts';

const SAFE = /^[A-Za-z0-9_-]*$/;
const isSafe = (cp: number) => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f || cp === 0x2d;

/**
 * Names outside A–Z a–z 0–9 _ - work, but are fragile: JSON Forms splits data paths on `.`, pointers
 * and scopes escape `/` and `~`, a space or `%` is mistaken for URI encoding, and host
 * systems use names as identifiers. A warning, naming the characters; those that make a name look like
 * another (invisible, markup, look-alike) are the errors of key-invisible, key-markup and key-lookalike,
 * and are left to them.
 */
export const keyCharacters: LintRule = {
  codes: ['key-characters'],
  docs: 'Property names and shape names use only A–Z, a–z, 0–9, `_` and `-` (a warning: other characters work but are fragile in paths, scopes and host systems).',
  check({ model }) {
    const problems: Problem[] = [];
    for (const { text, pointer, what } of schemaKeys(model)) {
      if (SAFE.test(text)) continue;
      const lookalikes = new Set(mixedScriptWords(text).flatMap((w) => w.lookalikes.map((l) => l.cp)));
      const found = distinctCharacters(text, (cp) => !isSafe(cp) && classifyCharacter(cp) === undefined && !MARKUP_CHARACTERS.has(String.fromCodePoint(cp)) && !lookalikes.has(cp));
      if (!found.length) continue;
      problems.push(
        lintProblem('key-characters', pointer, `The ${what} "${visibleText(text)}" has ${describeCharacters(found)}, outside A–Z, a–z, 0–9, "_" and "-". Such names break in exports, show-when rules and host systems.`, {
          name: text,
          characters: found.map(codePoint),
        }),
      );
    }
    return problems;
  },
};
