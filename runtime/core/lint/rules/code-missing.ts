import type { Question } from '../../model/types';
import { own } from '../../model/schema-walk';
import { lintProblem, type LintRule } from '../rule';
import { named } from '../wording';

function what(q: Question): string {
  return q.group ? 'group item' : q.itemSchema ? 'repeatable group' : 'question';
}

/** `x-code` is written on the question's own property: a code reached only through `$ref` would be shared. */
export const codeMissing: LintRule = {
  codes: ['code-missing'],
  docs: 'Every question, repeatable group and group item needs its own export code (`x-code`), written on its property.',
  check({ model }) {
    return model.all
      .filter((q) => own(q.schema, 'x-code') === undefined)
      .map((q) => {
        // The shape has the property's `$ref`s followed: a code there and not on the property came through one.
        const viaRef = own(q.shape, 'x-code') !== undefined;
        return lintProblem(
          'code-missing',
          `${q.pointer}/x-code`,
          `The ${what(q)} ${named(q)} has no export code${viaRef ? ' of its own (one from a shared definition does not count)' : ''}: give it one in Design.`,
          { key: q.key },
        );
      });
  },
};
