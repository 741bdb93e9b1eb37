import type { Question } from '../../model/types';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own } from '../../model/schema-walk';
import { named } from '../wording';

/**
 * Every question must be shown by some control. A group control without its own detail layout
 * shows all the group's items (JSON Forms generates one); with a detail, only the items it names.
 * An object question holds questions and is shown through them (controls scoped into it), so
 * only its questions are checked.
 */
export const questionNotShown: LintRule = {
  codes: ['question-not-shown'],
  docs: 'Every question, group and group item must be shown by some UI control.',
  check({ model }) {
    const shown = new Set<Question>();
    // A control on a whole object is control-object's problem; its questions are not reported again.
    const wholeObjects = new Set<Question>();
    for (const s of model.ui.scopes) {
      if (s.role !== 'control' || s.target.kind !== 'question') continue;
      const question = s.target.question;
      shown.add(question);
      if (question.kind === 'object') wholeObjects.add(question);
      if (question.kind === 'group' && !isObject(own(own(s.element.node, 'options'), 'detail'))) {
        for (const item of question.items ?? []) shown.add(item);
      }
    }
    return model.all
      .filter((q) => q.kind !== 'object' && !shown.has(q) && !(q.group && !shown.has(q.group)) && !insideAny(q, wholeObjects))
      .map((q) =>
        lintProblem(
          'question-not-shown',
          q.pointer,
          q.group
            ? `${named(q)} of the repeatable group ${named(q.group)} is not on the group's page, so it is never asked.`
            : `${named(q)} is in no section of the form, so it is never asked: add it to a section.`,
          { key: q.key },
        ),
      );
  },
};

function insideAny(q: Question, objects: ReadonlySet<Question>): boolean {
  for (let p = q.parent; p; p = p.parent) if (objects.has(p)) return true;
  return false;
}
