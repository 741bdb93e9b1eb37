import { pointerFromTokens, valueAt } from './pointers';
import type { FormModel, Question } from './types';

/**
 * A question's level: the questions read from the same object as it (its object's, its group
 * item's, or the top level's), where a computed value finds the keys it names. Objects are levels of
 * their own: a subtotal inside a follow-up block adds up the block's answers.
 */
export function siblingsOf(model: Pick<FormModel, 'questions'>, q: Pick<Question, 'parent' | 'group'>): readonly Question[] {
  if (q.parent) return q.parent.children ?? [];
  if (q.group) return itemLevel(q.group);
  return model.questions;
}

/** The questions at the top of a group's item (its objects as objects, not opened). */
export function itemLevel(group: Pick<Question, 'itemsAt'>): Question[] {
  return [...(group.itemsAt?.values() ?? [])].filter((q) => !q.parent);
}

/** The answers of `q`'s level, from the answers it is read in (the top level's or its group item's). */
export function levelAnswers(q: Pick<Question, 'path'>, answers: unknown): unknown {
  return q.path.length > 1 ? valueAt(answers, q.path.slice(0, -1)) : answers;
}

/** The question an `if` of `q`'s requirement names by `key`, read in the object `at` (see RequiredCondition). */
export function questionInCondition(model: Pick<FormModel, 'atPath'>, q: Pick<Question, 'group'>, at: readonly string[], key: string): Question | undefined {
  return (q.group ? q.group.itemsAt : model.atPath)?.get(pointerFromTokens([...at, key]));
}
