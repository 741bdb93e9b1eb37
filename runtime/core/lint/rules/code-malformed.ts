import { CODE_PATTERN } from '../../definition/envelope';
import { codePoint, describeCharacters, distinctCharacters, visibleText } from '../../safety/characters';
import { lintProblem, type LintRule } from '../rule';
import { own } from '../../model/schema-walk';
import { named } from '../wording';

/** The alphabet of CODE_PATTERN, to name what falls outside it. */
const inAlphabet = (cp: number) => (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x5f;

export const codeMalformed: LintRule = {
  codes: ['code-malformed'],
  docs: 'An export code must match `^[a-z][a-z0-9_]{1,63}$` (lower case, digits, underscores).',
  check({ model }) {
    return model.all
      .filter((q) => {
        const code = own(q.schema, 'x-code');
        return code !== undefined && (typeof code !== 'string' || !CODE_PATTERN.test(code));
      })
      .map((q) => {
        const code = own(q.schema, 'x-code');
        const outside = typeof code === 'string' ? distinctCharacters(code, (cp) => !inAlphabet(cp)) : [];
        const which = outside.length ? ` It has ${describeCharacters(outside)}.` : '';
        const shown = typeof code === 'string' ? `"${visibleText(code)}"` : JSON.stringify(code);
        return lintProblem('code-malformed', `${q.pointer}/x-code`, `The export code ${shown} of ${named(q)} must start with a lower-case letter and hold only lower-case letters, digits and underscores (2 to 64 of them).${which}`, {
          key: q.key,
          code,
          ...(outside.length ? { characters: outside.map(codePoint) } : {}),
        });
      });
  },
};
