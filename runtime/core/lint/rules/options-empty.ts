import type { Problem } from '../../problems/problem';
import { own } from '../../model/schema-walk';
import { lintProblem, type LintRule } from '../rule';
import { schemaNodes } from '../schema-nodes';

/** The keywords that list the values or options an answer must be one of. */
const LISTS = ['enum', 'oneOf', 'anyOf'] as const;

/**
 * `"enum": []` (or an empty `oneOf`/`anyOf` of options) accepts no value at all: the question can
 * never be answered, and a required one blocks every submission. The meta-schema allows an empty
 * `enum` in draft 2020-12, so nothing else would say so.
 */
export const optionsEmpty: LintRule = {
  codes: ['options-empty'],
  docs: 'An `enum`, `oneOf` or `anyOf` has at least one entry: an empty one accepts no answer.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const { node, pointer } of schemaNodes(model)) {
      for (const keyword of LISTS) {
        const list = own(node, keyword);
        if (Array.isArray(list) && list.length === 0) {
          problems.push(lintProblem('options-empty', `${pointer}/${keyword}`, `This list of options ("${keyword}") is empty, so no answer is allowed here. Add the options.`, { keyword }));
        }
      }
    }
    return problems;
  },
};
