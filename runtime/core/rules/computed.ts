import { deepEqual, isObject } from './condition';

/** `x-computed` shapes (docs/definition-format.md). */
export type ComputedSpec = { op: 'count'; of: string[]; equals: unknown } | { op: 'sum'; of: string[] };

export function parseComputed(spec: unknown): ComputedSpec | undefined {
  if (!isObject(spec) || !Array.isArray(spec.of) || !spec.of.every((k) => typeof k === 'string')) return undefined;
  if (spec.op === 'count' && Object.prototype.hasOwnProperty.call(spec, 'equals')) return { op: 'count', of: spec.of as string[], equals: spec.equals };
  if (spec.op === 'sum') return { op: 'sum', of: spec.of as string[] };
  return undefined;
}

/** The value one computed question takes from the answers beside it (a group item, or the top level). */
export function computeValue(spec: ComputedSpec, answers: unknown): number {
  const source = isObject(answers) ? answers : {};
  const answerOf = (key: string) => (Object.prototype.hasOwnProperty.call(source, key) ? source[key] : undefined);
  if (spec.op === 'count') return spec.of.filter((key) => deepEqual(answerOf(key), spec.equals)).length;
  // Missing and non-numeric answers count 0: a half-filled form still shows a running total.
  return spec.of.reduce((total, key) => {
    const value = answerOf(key);
    return typeof value === 'number' && Number.isFinite(value) ? total + value : total;
  }, 0);
}

/**
 * Every top-level computed question's value, by key: what the runtime shows read-only and what
 * validation expects a stored computed answer to equal.
 */
export function computeValues(definition: { schema: Record<string, unknown> }, answers: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = isObject(definition.schema.properties) ? definition.schema.properties : {};
  for (const key of Object.keys(properties)) {
    const property = properties[key];
    if (!isObject(property)) continue;
    const spec = parseComputed(property['x-computed']);
    if (spec) Object.defineProperty(out, key, { value: computeValue(spec, answers), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
