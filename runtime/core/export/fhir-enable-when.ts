import { questionAtScope } from '../model/scopes';
import type { FormModel, Question } from '../model/types';

/** What a rule's scopes are resolved in: the form's questions, top level and inside objects. */
export type ScopeQuestions = Pick<FormModel, 'byKey' | 'atPath'>;

/**
 * JSON Forms rules → FHIR R4 `enableWhen` where they map (docs/exports.md, "FHIR"):
 * SHOW/ENABLE with `const` (`=`), `enum` (several `=`, any), `not: { const }` (`!=`),
 * `contains: { const }` (`=` on a multiple choice), `minimum`/`maximum`/`exclusive…` (`>=`, `<=`,
 * `>`, `<`), and AND/OR of those; HIDE/DISABLE with `const` (`!=`). Anything else is not mapped:
 * the item then carries the rule as an extension, so nothing is silently lost.
 */
export interface FhirEnableWhen {
  question: string;
  operator: '=' | '!=' | '>' | '<' | '>=' | '<=' | 'exists';
  answerBoolean?: boolean;
  answerDecimal?: number;
  answerInteger?: number;
  answerDate?: string;
  answerDateTime?: string;
  answerTime?: string;
  answerString?: string;
  answerCoding?: { system?: string; code: string };
}

export type EnableWhenMapping =
  | { mapped: true; enableWhen: FhirEnableWhen[]; behavior: 'all' | 'any' }
  | { mapped: false; rule: unknown };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: unknown, k: string): unknown => (isObject(o) && Object.hasOwn(o, k) ? o[k] : undefined);

export type EnableWhenPart = { list: FhirEnableWhen[]; behavior: 'all' | 'any' } | undefined;

export function enableWhenOf(rule: unknown, byKey: ScopeQuestions): EnableWhenMapping | undefined {
  if (!isObject(rule)) return undefined;
  const effect = own(rule, 'effect');
  const condition = own(rule, 'condition');
  const positive = effect === 'SHOW' || effect === 'ENABLE';
  const part = positive ? mapCondition(condition, byKey) : effect === 'HIDE' || effect === 'DISABLE' ? mapNegated(condition, byKey) : undefined;
  return part ? { mapped: true, enableWhen: part.list, behavior: part.behavior } : { mapped: false, rule };
}

function mapCondition(condition: unknown, byKey: ScopeQuestions): EnableWhenPart {
  const type = own(condition, 'type');
  const conditions = own(condition, 'conditions');
  if ((type === 'AND' || type === 'OR') && Array.isArray(conditions) && conditions.length) {
    const parts = conditions.map((c) => mapCondition(c, byKey));
    if (parts.some((p) => !p)) return undefined;
    const list = parts.flatMap((p) => p!.list);
    if (type === 'AND') return parts.every((p) => p!.behavior === 'all' || p!.list.length === 1) ? { list, behavior: 'all' } : undefined;
    return parts.every((p) => p!.list.length === 1 || p!.behavior === 'any') ? { list, behavior: 'any' } : undefined;
  }
  const target = scopedQuestion(condition, byKey);
  return target ? enableWhenForSchema(target, own(condition, 'schema')) : undefined;
}

/**
 * What `schema`, tested on the answer to `target`, is as enableWhen: the same vocabulary whether it
 * comes from a UI rule's condition or from an `if` that makes a question required.
 */
export function enableWhenForSchema(target: Question, schema: unknown): EnableWhenPart {
  if (!isObject(schema)) return undefined;
  const keys = Object.keys(schema);
  if (keys.length === 1 && keys[0] === 'const') return one(target, '=', schema.const);
  if (keys.length === 1 && keys[0] === 'enum') return anyOf(target, schema.enum);
  if (keys.length === 1 && keys[0] === 'not' && isObject(schema.not) && Object.keys(schema.not).join() === 'const') return one(target, '!=', schema.not.const);
  if (keys.length === 1 && keys[0] === 'contains' && isObject(schema.contains) && Object.keys(schema.contains).join() === 'const') return one(target, '=', schema.contains.const);
  // On a multiple choice `=` holds when any answer equals, so "contains one of" is `=` each, any.
  if (keys.length === 1 && keys[0] === 'contains' && isObject(schema.contains) && Object.keys(schema.contains).join() === 'enum') return anyOf(target, schema.contains.enum);
  const ops: Record<string, FhirEnableWhen['operator']> = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' };
  if (keys.length && keys.every((k) => k in ops || k === 'type')) {
    const list = keys.filter((k) => k in ops).map((k) => answer(target, ops[k]!, schema[k]));
    return list.length && list.every(Boolean) ? { list: list as FhirEnableWhen[], behavior: 'all' } : undefined;
  }
  return undefined;
}

function mapNegated(condition: unknown, byKey: ScopeQuestions): EnableWhenPart {
  const target = scopedQuestion(condition, byKey);
  const schema = own(condition, 'schema');
  if (!target || !isObject(schema) || Object.keys(schema).join() !== 'const') return undefined;
  return one(target, '!=', schema.const);
}

function anyOf(q: Question, values: unknown): EnableWhenPart {
  if (!Array.isArray(values) || !values.length) return undefined;
  const list = values.map((v) => answer(q, '=', v));
  return list.every(Boolean) ? { list: list as FhirEnableWhen[], behavior: 'any' } : undefined;
}

function one(q: Question, operator: FhirEnableWhen['operator'], value: unknown): EnableWhenPart {
  const e = answer(q, operator, value);
  return e ? { list: [e], behavior: 'all' } : undefined;
}

function scopedQuestion(condition: unknown, questions: ScopeQuestions): Question | undefined {
  const scope = own(condition, 'scope');
  const q = typeof scope === 'string' ? questionAtScope(questions, scope, undefined) : undefined;
  // A rule reads answers; an object or a group item is no answer enableWhen can test.
  return q && q.kind !== 'object' && !q.group ? q : undefined;
}

/** The `answer[x]` of an enableWhen, typed by the question it names; undefined when the value does not fit. */
function answer(q: Question, operator: FhirEnableWhen['operator'], value: unknown): FhirEnableWhen | undefined {
  const base = { question: q.exportCode, operator };
  switch (q.kind) {
    case 'yes-no':
      return typeof value === 'boolean' && (operator === '=' || operator === '!=') ? { ...base, answerBoolean: value } : undefined;
    case 'integer':
      return Number.isInteger(value) ? { ...base, answerInteger: value as number } : undefined;
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? { ...base, answerDecimal: value } : undefined;
    case 'single-choice':
    case 'multiple-choice':
      return typeof value === 'string' && q.options.some((o) => o.code === value) ? { ...base, answerCoding: { code: value } } : undefined;
    case 'date':
      return typeof value === 'string' ? { ...base, answerDate: value } : undefined;
    case 'text':
    case 'long-text':
      return typeof value === 'string' ? { ...base, answerString: value } : undefined;
    default:
      return undefined;
  }
}
