import { resolveLocalRef } from '../../model/schema-walk';
import { lintProblem, type LintRule } from '../rule';
import { own } from '../../model/schema-walk';

const what = { question: 'question', group: 'repeatable group', item: 'group item' } as const;

/** `x-code` is written on the question's own property: a code reached only through `$ref` would be shared. */
export const codeMissing: LintRule = {
  codes: ['code-missing'],
  docs: 'Every question, repeatable group and group item needs its own export code (`x-code`), written on its property.',
  check({ model }) {
    return model.all
      .filter((q) => own(q.schema, 'x-code') === undefined)
      .map((q) => {
        const ref = own(q.schema, '$ref');
        const viaRef = typeof ref === 'string' && own(resolveLocalRef(model.schema, ref, model.anchors)?.node, 'x-code') !== undefined;
        return lintProblem(
          'code-missing',
          `${q.pointer}/x-code`,
          `The ${what[q.kind]} "${q.key}" has no export code (x-code)${viaRef ? '; a code inherited through $ref does not count, write it on the property itself' : ''}.`,
          { key: q.key },
        );
      });
  },
};
