import { escapePointerToken } from '../../model/pointers';
import type { Problem } from '../../problems/problem';
import { lintProblem, type LintRule } from '../rule';
import { walkSchema } from '../../model/schema-walk';

export const knownExtensions: ReadonlySet<string> = new Set(['x-code', 'x-sensitivity', 'x-computed', 'x-help', 'x-exclusive']);

/** A mistyped `x-` keyword would be ignored silently by AJV and JSON Forms; here it is an error. */
export const extensionUnknown: LintRule = {
  codes: ['extension-unknown'],
  docs: 'Only the `x-` keywords of docs/definition-format.md (x-code, x-sensitivity, x-computed, x-help, x-exclusive) may appear in the schema.',
  check({ model }) {
    const problems: Problem[] = [];
    walkSchema(model.schema, '/schema', (node, pointer) => {
      for (const key of Object.keys(node)) {
        if (key.startsWith('x-') && !knownExtensions.has(key)) {
          problems.push(lintProblem('extension-unknown', `${pointer}/${escapePointerToken(key)}`, `Unknown keyword "${key}"; the known ones are ${[...knownExtensions].join(', ')}.`, { keyword: key }));
        }
      }
    });
    return problems;
  },
};
