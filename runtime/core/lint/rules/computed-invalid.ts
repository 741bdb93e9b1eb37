import type { Problem } from '../../problems/problem';
import type { Question } from '../../model/types';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own } from '../../model/schema-walk';

const numeric = (q: Question) => q.jsonType === 'integer' || q.jsonType === 'number';

/**
 * A computed value (`x-computed`) is derived by the runtime from answers at its own level (top
 * level, or the same group item), is read-only, numeric and never required. Its shape is checked
 * by extension-invalid; this rule checks what it refers to.
 */
export const computedInvalid: LintRule = {
  codes: ['computed-invalid'],
  docs: 'x-computed must refer to existing, non-computed questions at its own level (numeric ones for "sum"), and its property must be read-only, numeric and not required.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const q of model.all) {
      // As written: a malformed x-computed (which the model does not parse) still has its references checked.
      const computed = own(q.schema, 'x-computed');
      if (!isObject(computed)) continue;
      const at = `${q.pointer}/x-computed`;
      const siblings = q.group ? (q.group.items ?? []) : model.questions;
      const of = own(computed, 'of');
      if (Array.isArray(of)) {
        of.forEach((key, i) => {
          if (typeof key !== 'string') return;
          const target = siblings.find((s: Question) => s.key === key);
          if (!target) problems.push(lintProblem('computed-invalid', `${at}/of/${i}`, `"${key}" is not a question ${q.group ? `of the group "${q.group.key}"` : 'of the form'}.`, { key }));
          else if (target === q || own(target.schema, 'x-computed') !== undefined) {
            problems.push(lintProblem('computed-invalid', `${at}/of/${i}`, `"${key}" is itself computed; a computed value is derived from answers only.`, { key }));
          } else if (own(computed, 'op') === 'sum' && !numeric(target)) {
            problems.push(lintProblem('computed-invalid', `${at}/of/${i}`, `"${key}" is not a number, so it cannot be summed.`, { key }));
          }
        });
      }
      if (!q.readOnly) problems.push(lintProblem('computed-invalid', `${q.pointer}/readOnly`, `The computed value "${q.key}" must be "readOnly": true.`));
      if (!numeric(q)) problems.push(lintProblem('computed-invalid', `${q.pointer}/type`, `The computed value "${q.key}" must be "type": "integer" or "number".`));
      // Required in any way, through `allOf` or an `if` as well as `required`.
      if (q.required !== 'never') problems.push(lintProblem('computed-invalid', q.pointer, `The computed value "${q.key}" must not be required: nobody types it.`));
    }
    return problems;
  },
};
