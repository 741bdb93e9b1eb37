import type { Definition } from '../definition/envelope';
import { formModel } from '../model/build';
import { isObject } from './condition';
import { computeLevel } from './computed';

type Source = { schema: Record<string, unknown>; uischema?: Record<string, unknown> };

const modelOf = (definition: Source) => formModel(definition as Pick<Definition, 'schema' | 'uischema'>);

/**
 * Every top-level computed question's value, by key (a band that matches no band left out): what
 * the runtime shows read-only and what validation expects a stored computed answer to equal.
 */
export function computeValues(definition: Source, answers: unknown): Record<string, unknown> {
  return computeLevel(modelOf(definition).questions, answers);
}

/**
 * The answers with every computed value put in its place, the top level's and each group item's,
 * from the answers themselves (a stored value is replaced): what rules and `if`/`then` read, so
 * "show the follow-up when the total is 8 or more" sees the total the answers give.
 */
export function withComputedValues<T>(definition: Source, answers: T): T {
  if (!isObject(answers)) return answers;
  const model = modelOf(definition);
  if (!model.all.some((q) => q.computed)) return answers;
  const out: Record<string, unknown> = { ...answers, ...computeLevel(model.questions, answers) };
  for (const group of model.questions) {
    const items = group.items;
    const list = out[group.key];
    if (!items?.some((q) => q.computed) || !Array.isArray(list) || !Object.prototype.hasOwnProperty.call(out, group.key)) continue;
    out[group.key] = list.map((item) => (isObject(item) ? { ...item, ...computeLevel(items, item) } : item));
  }
  return out as T;
}
