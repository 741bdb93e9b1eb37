import { canonical } from '../model/json';
import type { FormModel, Question } from '../model/types';
import type { Band } from '../rules/computed';
import { isObject, own } from '../model/schema-walk';
import { siblingsOf } from '../model/levels';

/**
 * A computed value's rule in words, for the codebook: "sum of the scores of q1, q2, q3", the bands
 * listed with their totals, "number of children where child_age is at most 4". Questions are named
 * by their export codes, as the CSV columns are; '' for an answer nobody computes.
 */
export function computedWords(q: Question, model: FormModel): string {
  const spec = q.computed;
  if (!spec) return '';
  const siblings = siblingsOf(model, q);
  const code = (key: string) => siblings.find((s) => s.key === key)?.exportCode ?? key;
  const list = (keys: readonly string[]) => keys.map(code).join(', ');
  if ('items' in spec) {
    const group = siblings.find((s) => s.key === spec.items);
    const groupCode = group?.exportCode ?? spec.items;
    if (spec.op === 'sum') return `sum of ${group?.items?.find((i) => i.key === spec.field)?.exportCode ?? spec.field} over the items of ${groupCode}`;
    return spec.where === undefined ? `number of items of ${groupCode}` : `number of items of ${groupCode} where ${whereWords(spec.where, group)}`;
  }
  switch (spec.op) {
    case 'count':
      return `number of ${list(spec.of)} equal to ${canonical(spec.equals)}`;
    case 'sum':
      return `sum of ${list(spec.of)}`;
    case 'score':
      return `sum of the scores of ${list(spec.of)}`;
    case 'band':
      return `band of ${code(spec.of)}: ${spec.bands.map(bandWords).join('; ')}`;
  }
}

function bandWords(b: Band): string {
  const range = b.min !== undefined && b.max !== undefined ? `${b.min} to ${b.max}` : b.min !== undefined ? `${b.min} or more` : b.max !== undefined ? `${b.max} or less` : 'any total';
  return `${b.code} = ${b.title} (${range})`;
}

const BOUND_WORDS: Record<string, string> = { const: 'is', minimum: 'is at least', maximum: 'is at most', exclusiveMinimum: 'is more than', exclusiveMaximum: 'is less than' };

/** An item condition `{ properties: { age: { maximum: 4 } } }` in words, as far as it is simple. */
function whereWords(where: unknown, group: Question | undefined): string {
  const props = own(where, 'properties');
  if (!isObject(props)) return 'a condition on the item';
  const parts: string[] = [];
  for (const key of Object.keys(props)) {
    const name = group?.items?.find((i) => i.key === key)?.exportCode ?? key;
    const schema = props[key];
    const words = isObject(schema) ? Object.keys(schema).map((k) => (BOUND_WORDS[k] ? `${name} ${BOUND_WORDS[k]} ${canonical(schema[k])}` : undefined)) : [];
    parts.push(words.length && words.every(Boolean) ? words.join(' and ') : `a condition on ${name}`);
  }
  return parts.join(' and ') || 'a condition on the item';
}
