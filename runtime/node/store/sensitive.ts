import { formModel, sensitiveQuestions, tokensFromPointer, type FormModel } from '../../core/index';

type Source = Parameters<typeof formModel>[0];

const cache = new WeakMap<FormModel, ReadonlySet<string>>();

/**
 * The answer keys sealed at rest: the top-level key of every question the form model counts as
 * sensitive (its own mark, a sensitive group, or computed from one: what export profiles treat as
 * sensitive). A group holding one sensitive item question is sealed whole, since its items are
 * stored inside the group's list; sealing more than needed costs nothing but a little CPU.
 */
export function sealedKeys(definition: Source): ReadonlySet<string> {
  const model = formModel(definition);
  const hit = cache.get(model);
  if (hit) return hit;
  const keys = new Set<string>();
  // Every question with a sensitivity level (personal included), whatever the export profiles do with it.
  for (const q of sensitiveQuestions(model).keys()) {
    const top = tokensFromPointer(q.answerPath)[0];
    if (top !== undefined) keys.add(top);
  }
  cache.set(model, keys);
  return keys;
}
