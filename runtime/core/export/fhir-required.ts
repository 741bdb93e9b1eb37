import type { RequiredCondition } from '../model/types';
import { enableWhenForSchema, type EnableWhenPart, type FhirEnableWhen } from './fhir-enable-when';
import type { Question } from '../model/types';

/**
 * "Required when shown" (docs/exports.md, "Required"). FHIR's `required` holds only while an item
 * is enabled, so an item the schema requires under an `if` may be marked `required` exactly when
 * every way of enabling it makes that `if` hold. Otherwise a FHIR form filler would insist on an
 * answer our own form treats as optional, so the item is left optional and carries the condition.
 *
 * Conditions are compared as clauses: a clause is a disjunction of enableWhen atoms, a condition
 * is the conjunction of its clauses. The comparison is syntactic (same question, operator and
 * value), so it can miss an implication, never invent one.
 */
type Clause = FhirEnableWhen[];

/** One level of the enableWhen an item sits under: its own, or a group's around it. */
export interface EnableLevel {
  enableWhen: FhirEnableWhen[];
  behavior: 'all' | 'any';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const IF_KEYWORDS = new Set(['properties', 'required', 'anyOf', 'allOf', 'type']);

/** The question an `if` names by `key` in the object `at` (undefined when it cannot be placed). */
export type ConditionSubject = (at: readonly string[], key: string) => Question | undefined;
type Named = (key: string) => Question | undefined;

/** True when some condition that makes the question required holds wherever `levels` enable it. */
export function requiredWhenShown(conditions: readonly RequiredCondition[], levels: readonly EnableLevel[], subject: ConditionSubject): boolean {
  return conditions.some((condition) => {
    const clauses = clausesOfCondition(condition, subject);
    return clauses !== undefined && clauses.every((clause) => levels.some((level) => implies(level, clause)));
  });
}

/**
 * The conditions as one JSON Schema over the answers (what the `required-when` extension carries
 * for a question left optional): any condition, each the `if`s on its way, an `else` as `not`; an
 * `if` written inside an object is put back in its place (it applies once the object is answered).
 */
export function requiredWhenSchema(conditions: readonly RequiredCondition[]): unknown {
  const each = conditions.map((c) => {
    const steps = c.map((step) => inPlace(step.at, step.negate ? { not: step.schema } : step.schema));
    return steps.length === 1 ? steps[0] : { allOf: steps };
  });
  return each.length === 1 ? each[0] : { anyOf: each };
}

function inPlace(at: readonly string[], schema: unknown): unknown {
  return at.reduceRight((inner, key) => ({ properties: { [key]: inner }, required: [key] }), schema);
}

function clausesOfCondition(condition: RequiredCondition, subject: ConditionSubject): Clause[] | undefined {
  const out: Clause[] = [];
  for (const step of condition) {
    // An `else` branch holds when the `if` fails, which includes an unanswered question: enableWhen cannot say that.
    if (step.negate) return undefined;
    const clauses = clausesOfSchema(step.schema, (key) => subject(step.at, key));
    if (!clauses) return undefined;
    out.push(...clauses);
  }
  return out;
}

function clausesOfSchema(schema: unknown, named: Named): Clause[] | undefined {
  if (!isObject(schema) || Object.keys(schema).some((k) => !IF_KEYWORDS.has(k))) return undefined;
  if (schema.type !== undefined && schema.type !== 'object') return undefined;
  const required = Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === 'string') : [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  const out: Clause[] = [];
  for (const key of Object.keys(properties)) {
    // A property the `if` does not require passes when unanswered; enableWhen is false then.
    const target = named(key);
    if (!required.includes(key) || !target) return undefined;
    const part = enableWhenForSchema(target, properties[key]);
    if (!part || part.list.some((e) => e.operator === '!=')) return undefined; // `!=` also holds when unanswered
    out.push(...clausesOfPart(part));
  }
  for (const key of required) {
    if (Object.hasOwn(properties, key)) continue;
    const target = named(key);
    if (!target) return undefined;
    out.push([{ question: target.exportCode, operator: 'exists', answerBoolean: true }]);
  }
  if (schema.allOf !== undefined) {
    if (!Array.isArray(schema.allOf)) return undefined;
    for (const sub of schema.allOf) {
      const clauses = clausesOfSchema(sub, named);
      if (!clauses) return undefined;
      out.push(...clauses);
    }
  }
  if (schema.anyOf !== undefined) {
    // An OR of conditions is one clause only when each alternative is a single clause.
    if (!Array.isArray(schema.anyOf) || !schema.anyOf.length) return undefined;
    const alternatives = schema.anyOf.map((sub) => clausesOfSchema(sub, named));
    if (alternatives.some((a) => a?.length !== 1)) return undefined;
    out.push(alternatives.flatMap((a) => a![0]!));
  }
  return out;
}

function clausesOfPart(part: NonNullable<EnableWhenPart>): Clause[] {
  return part.behavior === 'any' && part.list.length > 1 ? [part.list] : part.list.map((e) => [e]);
}

/** An `all` level implies a clause holding one of its atoms; an `any` level one holding all of them. */
function implies(level: EnableLevel, clause: Clause): boolean {
  const inClause = new Set(clause.map(atomKey));
  const atoms = level.enableWhen.map(atomKey);
  return level.behavior === 'all' || atoms.length === 1 ? atoms.some((a) => inClause.has(a)) : atoms.every((a) => inClause.has(a));
}

function atomKey(e: FhirEnableWhen): string {
  const { question, operator, ...answer } = e;
  const [type, value] = Object.entries(answer)[0] ?? ['', null];
  const plain = type === 'answerCoding' && isObject(value) ? value.code : value;
  return JSON.stringify([question, operator, type, plain]);
}
