import { shorten } from '../model/json';
import type { FormModel, Question } from '../model/types';
import { visibleText } from '../safety/visible';

/**
 * How lint names things to a policy lead (issue 17.6): a question by its wording, as Design and the
 * outline show it, and by its answer key only while it has no wording. Codes and pointers stay in
 * the problem's `code`, `path` and `params` for tools.
 */
export function named(q: Pick<Question, 'key' | 'title'> | undefined, fallback = 'this question'): string {
  const title = q?.title?.trim();
  if (title) return `“${visibleText(shorten(title))}”`;
  return q ? `“${visibleText(q.key)}”` : fallback;
}

/** A top-level question (or a group's item) by its key, named as `named` does; the key itself when there is none. */
export function namedKey(model: FormModel, key: string): string {
  const q = model.byKey.get(key) ?? model.all.find((x) => x.key === key);
  return q ? named(q) : `“${visibleText(key)}”`;
}
