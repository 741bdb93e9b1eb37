import type { Question } from '../model/types';
import { deepEqual, isObject, matchesSchema } from './condition';

/** One band of a `band` computed value: a total from `min` to `max` (inclusive; open where unsaid) is this code. */
export interface Band {
  code: string;
  title: string;
  min?: number;
  max?: number;
}

/** `x-computed` shapes (docs/definition-format.md, "Computed values"). */
export type ComputedSpec =
  | { op: 'count'; of: string[]; equals: unknown }
  | { op: 'sum'; of: string[] }
  | { op: 'score'; of: string[] }
  | { op: 'band'; of: string; bands: Band[] }
  | { op: 'count'; items: string; where?: unknown }
  | { op: 'sum'; items: string; field: string };

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const keyList = (v: unknown): v is string[] => Array.isArray(v) && v.every((k) => typeof k === 'string');
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseComputed(spec: unknown): ComputedSpec | undefined {
  if (!isObject(spec)) return undefined;
  if (typeof spec.items === 'string') {
    if (spec.op === 'count') return hasOwn(spec, 'where') ? { op: 'count', items: spec.items, where: spec.where } : { op: 'count', items: spec.items };
    if (spec.op === 'sum' && typeof spec.field === 'string') return { op: 'sum', items: spec.items, field: spec.field };
    return undefined;
  }
  if (spec.op === 'band') return typeof spec.of === 'string' ? parseBands(spec.of, spec.bands) : undefined;
  if (!keyList(spec.of)) return undefined;
  if (spec.op === 'count' && hasOwn(spec, 'equals')) return { op: 'count', of: [...spec.of], equals: spec.equals };
  if (spec.op === 'sum') return { op: 'sum', of: [...spec.of] };
  if (spec.op === 'score') return { op: 'score', of: [...spec.of] };
  return undefined;
}

function parseBands(of: string, bands: unknown): ComputedSpec | undefined {
  if (!Array.isArray(bands)) return undefined;
  const out: Band[] = [];
  for (const b of bands) {
    if (!isObject(b) || typeof b.code !== 'string') return undefined;
    const band: Band = { code: b.code, title: typeof b.title === 'string' ? b.title : b.code };
    if (finite(b.min)) band.min = b.min;
    if (finite(b.max)) band.max = b.max;
    out.push(band);
  }
  return { op: 'band', of, bands: out };
}

/** The answer keys (at the computed value's own level) a computed value reads directly. */
export function computedReads(spec: ComputedSpec): string[] {
  if ('items' in spec) return [spec.items];
  return typeof spec.of === 'string' ? [spec.of] : spec.of;
}

/**
 * Every answer key a computed question's value depends on, a band's total's answers included:
 * what the runtime subscribes to, and what a rule reading the value reads. `lookup` finds a
 * question at the same level by key.
 */
export function computedSources(question: Pick<Question, 'computed'>, lookup: (key: string) => Pick<Question, 'computed'> | undefined): string[] {
  const out = new Set<string>();
  const pending = question.computed ? [...computedReads(question.computed)] : [];
  while (pending.length) {
    const key = pending.pop()!;
    if (out.has(key)) continue;
    out.add(key);
    const spec = lookup(key)?.computed;
    if (spec) pending.push(...computedReads(spec));
  }
  return [...out];
}

/** The score of an answer to a scored choice: the chosen option's `x-score`, or the ticked ones' summed. */
export function answerScore(question: Pick<Question, 'options'>, answer: unknown): number {
  const scoreOf = (value: unknown) => question.options.find((o) => deepEqual(o.value, value))?.score ?? 0;
  if (Array.isArray(answer)) return answer.reduce((total: number, value) => total + scoreOf(value), 0);
  return answer === undefined ? 0 : scoreOf(answer);
}

/** The band a total falls in, if any. */
export function bandOf(bands: readonly Band[], total: unknown): Band | undefined {
  if (!finite(total)) return undefined;
  return bands.find((b) => (b.min === undefined || total >= b.min) && (b.max === undefined || total <= b.max));
}

/**
 * A computed value as a person reads it: a band is stored as its code (`lower_risk`), shown as its
 * title ("Zone I: lower risk"); a total as its number. Undefined when `spec` is not a band or the
 * code is none of its bands (the caller shows the value as it is). @public
 */
export function bandTitle(spec: ComputedSpec | undefined, value: unknown): string | undefined {
  return spec?.op === 'band' ? spec.bands.find((b) => b.code === value)?.title : undefined;
}

/**
 * The value one computed question takes from the answers beside it (a group item, or the top level).
 * `siblings` are the questions at that level: option scores, a band's total and a group's item
 * questions are read from them (without them a score counts 0). A band reads at most one computed
 * value (lint refuses chains and cycles); `depth` bounds a definition built in memory that has one.
 */
export function computeValue(spec: ComputedSpec, answers: unknown, siblings: readonly Question[] = [], depth = 0): number | string | undefined {
  const source = isObject(answers) ? answers : {};
  const answerOf = (key: string) => (hasOwn(source, key) ? source[key] : undefined);
  const sibling = (key: string) => siblings.find((q) => q.key === key);
  if ('items' in spec) {
    const list = answerOf(spec.items);
    const items = Array.isArray(list) ? list.filter(isObject) : [];
    if (spec.op === 'count') return items.filter((item) => spec.where === undefined || matchesSchema(spec.where, item)).length;
    const field = sibling(spec.items)?.items?.find((q) => q.key === spec.field);
    return items.reduce((total: number, item) => total + numberOf(field, hasOwn(item, spec.field) ? item[spec.field] : undefined), 0);
  }
  switch (spec.op) {
    case 'count':
      return spec.of.filter((key) => deepEqual(answerOf(key), spec.equals)).length;
    case 'sum':
      // Missing and non-numeric answers count 0: a half-filled form still shows a running total.
      return spec.of.reduce((total, key) => total + numberOf(undefined, answerOf(key)), 0);
    case 'score':
      return spec.of.reduce((total, key) => {
        const q = sibling(key);
        return q ? total + answerScore(q, answerOf(key)) : total;
      }, 0);
    case 'band': {
      const from = sibling(spec.of);
      const total = from?.computed && depth < 4 ? computeValue(from.computed, answers, siblings, depth + 1) : answerOf(spec.of);
      return bandOf(spec.bands, total)?.code;
    }
  }
}

/** A numeric answer, or a scored choice's score; anything else counts 0. */
function numberOf(question: Question | undefined, value: unknown): number {
  if (question && question.options.some((o) => o.score !== undefined)) return answerScore(question, value);
  return finite(value) ? value : 0;
}

/**
 * Computed values of the given questions (all at one level), by key: what the runtime shows
 * read-only and what validation expects a stored computed answer to equal. A band that matches no
 * band is left out.
 */
export function computeLevel(siblings: readonly Question[], answers: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of siblings) {
    if (!q.computed) continue;
    const value = computeValue(q.computed, answers, siblings);
    if (value !== undefined) Object.defineProperty(out, q.key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
