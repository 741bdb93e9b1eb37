import { evaluateCondition } from '../../rules/index';
import type { Problem } from '../../problems/problem';
import type { FormModel, Question, UiElementInfo } from '../../model/types';
import { visibleText } from '../../safety/characters';
import { shorten } from '../../model/json';
import { named } from '../wording';
import { lintProblem, type LintRule } from '../rule';
import { isRecordedPublished } from '../recorded';
import { isObject, own } from '../../model/schema-walk';

/** The effects whose element appears (or opens) when the condition holds; HIDE and DISABLE read it the other way. */
const SHOWS_WHEN_TRUE: Record<string, boolean> = { SHOW: true, ENABLE: true, HIDE: false, DISABLE: false };

/** One condition that lets its element show while the question it reads is unanswered. */
export interface UnansweredCondition {
  /** Pointer of the condition in the file (inside AND/OR: `…/conditions/1`). */
  pointer: string;
  question: Question;
  element: UiElementInfo;
  effect: string;
}

/**
 * The rule conditions of a form that let their element show (or open) while the question they
 * read is unanswered. Decided by the runtime's own evaluator on answers without that question, so
 * lint and the practitioner page cannot disagree: JSON Schema's `contains`, `minimum`, `not`… hold
 * on a missing answer unless `failWhenUndefined` is set. AND and OR never negate, so one such
 * condition is enough for the element to show before its question is answered, once the others allow it.
 */
export function conditionsShowingUnanswered(model: FormModel): UnansweredCondition[] {
  const index = model.ui;
  const questions = new Map(index.scopes.flatMap((s) => (s.target.kind === 'question' ? [[s.pointer, s.target.question] as const] : [])));
  const found: UnansweredCondition[] = [];
  for (const element of index.elements) {
    const rule = own(element.node, 'rule');
    const effect = String(own(rule, 'effect'));
    const showsWhenTrue = SHOWS_WHEN_TRUE[effect];
    if (!isObject(rule) || showsWhenTrue === undefined) continue;
    const walk = (condition: unknown, pointer: string, depth: number): void => {
      if (!isObject(condition) || depth > 32) return;
      const list = own(condition, 'conditions');
      if ((condition.type === 'AND' || condition.type === 'OR') && Array.isArray(list)) {
        list.forEach((c, i) => walk(c, `${pointer}/conditions/${i}`, depth + 1));
        return;
      }
      // `#` reads the whole form, which is never unanswered; a computed value is never typed.
      if (typeof condition.scope !== 'string' || condition.scope === '#') return;
      const question = questions.get(`${pointer}/scope`);
      if (!question || question.computed) return;
      if (evaluateCondition(condition, {}) === showsWhenTrue) found.push({ pointer, question, element, effect });
    };
    walk(own(rule, 'condition'), `${element.pointer}/rule/condition`, 0);
  }
  return found;
}

/** What a policy lead calls the element: the question a control shows, else its heading. */
function elementName(element: UiElementInfo, question: Question | undefined): string {
  if (question) return named(question);
  const label = own(element.node, 'label');
  return typeof label === 'string' && label.trim() ? `“${visibleText(shorten(label.trim()))}”` : 'This part of the form';
}

/**
 * A follow-up that shows before the question it follows is answered, and hides once another answer
 * is given, drops whatever was typed into it meanwhile. A published version cannot change, so it is
 * left to the new version that fixes it.
 */
export const ruleShowsUnanswered: LintRule = {
  codes: ['rule-shows-unanswered'],
  docs: 'A SHOW or ENABLE rule (or a HIDE or DISABLE rule, read the other way) must not show its element while the question its condition reads is unanswered: set `failWhenUndefined: true` on that condition. Not reported for a published version with its hash recorded.',
  check({ model, definition, context }) {
    if (isRecordedPublished({ definition, context })) return [];
    const index = model.ui;
    const problems: Problem[] = [];
    for (const { pointer, question, element, effect } of conditionsShowingUnanswered(model)) {
      const shownQuestion = index.scopes.find((s) => s.element === element && s.role === 'control');
      const name = elementName(element, shownQuestion?.target.kind === 'question' ? shownQuestion.target.question : undefined);
      const opens = effect === 'ENABLE' || effect === 'DISABLE';
      // Only a show-when's conditions can be told to wait (the builder's quick fix); a hide-when has to be turned round.
      const advice = effect === 'SHOW' ? 'choose ‘Hide until answered’' : effect === 'ENABLE' ? 'choose ‘Keep closed until answered’' : `write it as ${opens ? 'an enable' : 'a show'}-when instead`;
      problems.push(
        lintProblem(
          'rule-shows-unanswered',
          pointer,
          `${name} ${opens ? 'can be filled in' : 'shows'} before ${named(question)} is answered, and ${opens ? 'is closed again once another answer is given' : 'hides again once another answer is given, dropping what was typed there'}; ${advice}.`,
          { key: question.key, effect },
        ),
      );
    }
    return problems;
  },
};
