import type { Problem } from '../../problems/problem';
import type { Question } from '../../model/types';
import { checkConditionSchema } from '../../rules/check';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own } from '../../model/schema-walk';
import { bandProblems } from '../computed-bands';
import { named } from '../wording';
import { siblingsOf } from '../../model/levels';

const numeric = (q: Question) => q.jsonType === 'integer' || q.jsonType === 'number';
const choice = (q: Question) => q.kind === 'single-choice' || q.kind === 'multiple-choice';

/**
 * A computed value (`x-computed`) is derived by the runtime from answers at its own level (top
 * level, the same object, or the same group item), is read-only and never required; a band is text (its code),
 * every other value a number. Its shape is checked by extension-invalid; this rule checks what it
 * refers to: questions that exist, scored options for a score, a total for a band, a repeatable
 * group for a count or sum over items. A computed value reads answers only, except a band, which
 * reads one total: so there is no chain to follow and no cycle.
 */
export const computedInvalid: LintRule = {
  codes: ['computed-invalid'],
  docs: 'x-computed must refer to existing questions at its own level: answers (not computed values) for count, sum (numeric) and score (choices whose every option has x-score); a numeric total that is not a band for band, with bands in order, without gaps or overlaps and with unique codes; a repeatable group (and a numeric or scored item question) for items. Its property must be read-only, not required, and numeric (text for a band).',
  check({ model }) {
    const problems: Problem[] = [];
    for (const q of model.all) {
      // As written: a malformed x-computed (which the model does not parse) still has its references checked.
      const computed = own(q.schema, 'x-computed');
      if (!isObject(computed)) continue;
      const at = `${q.pointer}/x-computed`;
      const siblings = siblingsOf(model, q);
      const level = q.parent ? `in the object "${q.parent.key}"` : q.group ? `of the group "${q.group.key}"` : 'of the form';
      const op = own(computed, 'op');
      const find = (key: string, where: string): Question | undefined => {
        const target = siblings.find((s: Question) => s.key === key);
        if (!target) problems.push(lintProblem('computed-invalid', where, `"${key}" is not a question ${level}.`, { key, reason: 'unknown' }));
        return target;
      };
      const isComputed = (target: Question) => target === q || own(target.schema, 'x-computed') !== undefined;
      const of = own(computed, 'of');
      if (op === 'band' && typeof of === 'string') {
        const target = find(of, `${at}/of`);
        if (target && (target === q || own(own(target.schema, 'x-computed'), 'op') === 'band')) {
          problems.push(lintProblem('computed-invalid', `${at}/of`, `"${of}" is a band itself; a band reads a total, so computed values never go round in a cycle.`, { key: of, reason: 'cycle' }));
        } else if (target && target.jsonType !== 'integer') {
          problems.push(lintProblem('computed-invalid', `${at}/of`, `"${of}" is not a whole number, so its bands could leave totals in none.`, { key: of, reason: 'band-total' }));
        }
        problems.push(...bandProblems(own(computed, 'bands'), at));
      } else if (typeof own(computed, 'items') === 'string') {
        problems.push(...itemsProblems(q, computed, at, find));
      } else if (Array.isArray(of)) {
        of.forEach((key, i) => {
          if (typeof key !== 'string') return;
          const target = find(key, `${at}/of/${i}`);
          if (!target) return;
          if (isComputed(target)) {
            problems.push(lintProblem('computed-invalid', `${at}/of/${i}`, `"${key}" is itself computed; a computed value is derived from answers only.`, { key, reason: 'cycle' }));
          } else if (op === 'sum' && !numeric(target)) {
            problems.push(lintProblem('computed-invalid', `${at}/of/${i}`, `"${key}" is not a number, so it cannot be summed.`, { key, reason: 'not-numeric' }));
          } else if (op === 'score') {
            problems.push(...scoreProblems(target, `${at}/of/${i}`));
          }
        });
      }
      if (!q.readOnly) problems.push(lintProblem('computed-invalid', `${q.pointer}/readOnly`, `The worked-out value ${named(q)} must be read-only: nobody types it.`));
      if (op === 'band' ? q.jsonType !== 'string' : !numeric(q)) {
        problems.push(lintProblem('computed-invalid', `${q.pointer}/type`, `The worked-out value ${named(q)} must be ${op === 'band' ? 'text (the band\'s code)' : 'a number'}.`));
      }
      // Required in any way, through `allOf` or an `if` as well as `required`.
      if (q.required !== 'never') problems.push(lintProblem('computed-invalid', q.pointer, `The worked-out value ${named(q)} must not be required: nobody types it.`));
    }
    return problems;
  },
};

/** A scored question is a choice, and every one of its options says what it scores. */
function scoreProblems(target: Question, at: string): Problem[] {
  if (!choice(target)) return [lintProblem('computed-invalid', at, `"${target.key}" is not a single or multiple choice, so it has no option scores.`, { key: target.key, reason: 'not-scored' })];
  return target.options
    .filter((o) => o.score === undefined)
    .map((o) => lintProblem('computed-invalid', o.pointer, `The option "${o.code}" of "${target.key}" has no "x-score", but "${target.key}" is scored.`, { key: target.key, option: o.code, reason: 'option-unscored' }));
}

/** `{ "items": group, "where" }` or `{ "items": group, "field" }`: a repeatable group, and what is read of its items. */
function itemsProblems(q: Question, computed: Record<string, unknown>, at: string, find: (key: string, where: string) => Question | undefined): Problem[] {
  const problems: Problem[] = [];
  const key = own(computed, 'items') as string;
  const group = find(key, `${at}/items`);
  if (!group) return problems;
  if (group.kind !== 'group') return [lintProblem('computed-invalid', `${at}/items`, `"${key}" is not a repeatable group.`, { key, reason: 'not-group' })];
  const itemKeys = new Set((group.items ?? []).map((i) => i.key));
  const where = own(computed, 'where');
  if (where !== undefined) {
    for (const p of checkConditionSchema(where, `${at}/where`)) problems.push({ ...p, code: 'computed-invalid', source: 'lint' });
    const props = own(where, 'properties');
    const names = [...(isObject(props) ? Object.keys(props) : []), ...(Array.isArray(own(where, 'required')) ? (own(where, 'required') as unknown[]) : [])];
    for (const name of new Set(names)) {
      if (typeof name === 'string' && !itemKeys.has(name)) problems.push(lintProblem('computed-invalid', `${at}/where`, `"${name}" is not a question of the group "${key}".`, { key: name, reason: 'unknown' }));
    }
  }
  const field = own(computed, 'field');
  if (typeof field === 'string') {
    const item = group.items?.find((i) => i.key === field);
    if (!item) problems.push(lintProblem('computed-invalid', `${at}/field`, `"${field}" is not a question of the group "${key}".`, { key: field, reason: 'unknown' }));
    else if (!numeric(item) && !(choice(item) && item.options.every((o) => o.score !== undefined))) {
      problems.push(lintProblem('computed-invalid', `${at}/field`, `"${field}" is neither a number nor a scored choice, so it cannot be summed.`, { key: field, reason: 'not-numeric' }));
    }
  }
  if (q.group) problems.push(lintProblem('computed-invalid', `${at}/items`, 'A count or sum over a group\'s items is a question of the form, not of a group item.', { reason: 'unknown' }));
  return problems;
}
