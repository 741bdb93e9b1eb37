import type { Problem } from '../../problems/problem';
import type { Question } from '../model';
import { requiredKeys } from '../model';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own } from '../../model/schema-walk';

const numeric = new Set(['integer', 'number']);

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
      const computed = own(q.schema, 'x-computed');
      if (!isObject(computed)) continue;
      const at = `${q.pointer}/x-computed`;
      const siblings = q.group ? (q.group.items ?? []) : model.topLevel;
      const of = own(computed, 'of');
      if (Array.isArray(of)) {
        of.forEach((key, i) => {
          if (typeof key !== 'string') return;
          const target = siblings.find((s: Question) => s.key === key);
          if (!target) problems.push(lintProblem('computed-invalid', `${at}/of/${i}`, `"${key}" is not a question ${q.group ? `of the group "${q.group.key}"` : 'of the form'}.`, { key }));
          else if (target === q || own(target.schema, 'x-computed') !== undefined) {
            problems.push(lintProblem('computed-invalid', `${at}/of/${i}`, `"${key}" is itself computed; a computed value is derived from answers only.`, { key }));
          } else if (own(computed, 'op') === 'sum' && !numeric.has(own(target.schema, 'type') as string)) {
            problems.push(lintProblem('computed-invalid', `${at}/of/${i}`, `"${key}" is not a number, so it cannot be summed.`, { key }));
          }
        });
      }
      if (own(q.schema, 'readOnly') !== true) problems.push(lintProblem('computed-invalid', `${q.pointer}/readOnly`, `The computed value "${q.key}" must be "readOnly": true.`));
      if (!numeric.has(own(q.schema, 'type') as string)) problems.push(lintProblem('computed-invalid', `${q.pointer}/type`, `The computed value "${q.key}" must be "type": "integer" or "number".`));
      const owner = q.group?.itemSchema?.schema ?? model.schema;
      if (requiredKeys(owner).includes(q.key)) problems.push(lintProblem('computed-invalid', q.pointer, `The computed value "${q.key}" must not be required: nobody types it.`));
    }
    return problems;
  },
};
