import { uiIndex } from '../../model/ui-index';
import { escapePointerToken } from '../../model/pointers';
import type { Problem } from '../../problems/problem';
import { limits } from '../../safety/limits';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own, walkSchema } from '../../model/schema-walk';

/** Text shown to people: titles, descriptions, help, UI labels and their translations. */
export const labelTooLong: LintRule = {
  codes: ['label-too-long'],
  docs: `Titles, descriptions, help text, UI labels and translations are at most ${limits.labelChars} characters.`,
  check({ definition, model }) {
    const problems: Problem[] = [];
    const check = (value: unknown, path: string) => {
      if (typeof value === 'string' && value.length > limits.labelChars) {
        problems.push(lintProblem('label-too-long', path, `This text is ${value.length} characters long; the limit is ${limits.labelChars}. Move detail into x-help or shorten it.`, { length: value.length, limit: limits.labelChars }));
      }
    };
    walkSchema(model.schema, '/schema', (node, pointer) => {
      for (const key of ['title', 'description', 'x-help']) check(own(node, key), `${pointer}/${key}`);
    });
    for (const { node, pointer } of uiIndex(model).elements) {
      check(own(node, 'label'), `${pointer}/label`);
      check(own(node, 'text'), `${pointer}/text`);
    }
    const translations = definition.translations;
    if (isObject(translations)) {
      for (const [locale, strings] of Object.entries(translations)) {
        for (const [key, value] of Object.entries(strings)) check(value, `/translations/${escapePointerToken(locale)}/${escapePointerToken(key)}`);
      }
    }
    return problems;
  },
};
