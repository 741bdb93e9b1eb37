import type { Definition } from '../definition/envelope';
import { formModel } from '../model/build';
import { itemLevel } from '../model/levels';
import type { Question } from '../model/types';
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
 * The answers with every computed value put in its place, the top level's, each object's and each group item's,
 * from the answers themselves (a stored value is replaced): what rules and `if`/`then` read, so
 * "show the follow-up when the total is 8 or more" sees the total the answers give.
 */
export function withComputedValues<T>(definition: Source, answers: T): T {
  if (!isObject(answers)) return answers;
  const model = modelOf(definition);
  if (!model.all.some((q) => q.computed)) return answers;
  return withLevel(model.questions, answers) as T;
}

/** One level's answers with its computed values, and those of the objects and group items in it (which hold any). */
function withLevel(level: readonly Question[], answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = level.some((q) => q.computed) ? { ...answers, ...computeLevel(level, answers) } : { ...answers };
  for (const q of level) {
    if (!Object.prototype.hasOwnProperty.call(out, q.key) || !holdsComputed(q)) continue;
    const value = out[q.key];
    if (q.kind === 'object' && isObject(value)) out[q.key] = withLevel(q.children ?? [], value);
    else if (q.kind === 'group' && Array.isArray(value)) out[q.key] = value.map((item) => (isObject(item) ? withLevel(itemLevel(q), item) : item));
  }
  return out;
}

const holding = new WeakMap<Question, boolean>();

/**
 * Whether an object or group has a computed value anywhere inside it. Asked on every answer the
 * runtime sees, so it is worked out once per question (the model is built once per definition).
 */
export function holdsComputed(q: Question): boolean {
  let found = holding.get(q);
  if (found === undefined) {
    const inner = q.kind === 'object' ? (q.children ?? []) : q.kind === 'group' ? [...(q.itemsAt?.values() ?? [])] : [];
    found = inner.some((x) => x.computed !== undefined || holdsComputed(x));
    holding.set(q, found);
  }
  return found;
}
