import type { Problem } from '../../problems/problem';
import type { Question } from '../../model/types';
import { isObject, own } from '../../model/schema-walk';
import { lintProblem, type LintRule } from '../rule';
import { named } from '../wording';

const blank = (text: unknown): text is string => typeof text === 'string' && text.trim() === '';

/** A group item with no control of its own is shown by its group's control when that has no detail layout. */
function isShown(q: Question): boolean {
  if (q.control) return true;
  const groupControl = q.group?.control;
  return groupControl !== undefined && !isObject(own(own(groupControl.element, 'options'), 'detail'));
}

/**
 * What the runtime shows as the question is its control's `label` when that is text, else its
 * `title` (runtime/react/model/wording.ts): a blank one asks nothing, and a blank option title
 * leaves a radio or checkbox with nothing beside it. Questions no control shows are
 * question-not-shown's.
 */
export const labelEmpty: LintRule = {
  codes: ['label-empty'],
  docs: 'A question that is shown, and each of its options, has a label or title that is not empty or only spaces.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const q of model.all) {
      if (!isShown(q)) continue;
      const label = own(q.control?.element, 'label');
      if (typeof label === 'string') {
        if (blank(label)) problems.push(lintProblem('label-empty', `${q.control!.pointer}/label`, `The question with the answer key “${q.key}” has no wording: write the question as it is asked.`, { key: q.key }));
      } else if (blank(q.title)) {
        // The title may come from a shared shape behind `$ref`; point at the question then.
        const at = typeof own(q.schema, 'title') === 'string' ? `${q.pointer}/title` : q.pointer;
        problems.push(lintProblem('label-empty', at, `The question with the answer key “${q.key}” has no wording: write the question as it is asked.`, { key: q.key }));
      }
      for (const o of q.options) {
        if (o.labelPointer && blank(o.label)) {
          problems.push(lintProblem('label-empty', o.labelPointer, `The option coded "${o.code}" of ${named(q)} has no wording.`, { key: q.key, code: o.code }));
        }
      }
    }
    return problems;
  },
};
