import { scopeKey, scopeOfKey } from '../../../../runtime/core/index';
import { isObject, own, ownArray, ownObject, type JsonObject } from './json';
import { modelOf } from './model';
import type { RawDefinition } from './questions';

/**
 * A show-when with several conditions (issue 17.5): all or any of them, each "question is …",
 * "is one of …", "is answered", or a threshold on a number or a computed total ("total is 8 or
 * more", issue 18.6). Written as JSON Forms rules (`AND`/`OR` of schema conditions) that the
 * runtime's interpreter evaluates; read back only when every condition is one of these shapes,
 * anything else stays the JSON view's.
 */
export type ConditionOp = 'is' | 'one-of' | 'answered' | 'at-least' | 'at-most';

export interface ShowCondition {
  key: string;
  op: ConditionOp;
  /** `is`: the answer; `at-least`/`at-most`: the number. */
  value?: unknown;
  /** `one-of`: the answers. */
  values?: unknown[];
}

export interface ShowRule {
  mode: 'all' | 'any';
  conditions: ShowCondition[];
}

const has = (o: JsonObject, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const onlyKeys = (o: JsonObject, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));

function readLeaf(condition: unknown): ShowCondition | undefined {
  if (!isObject(condition) || !onlyKeys(condition, ['scope', 'schema', 'failWhenUndefined'])) return undefined;
  const key = scopeKey(own(condition, 'scope'));
  const raw = ownObject(condition, 'schema');
  if (!key || !raw) return undefined;
  // A multiple choice's condition is about one of its ticks.
  const tick = ownObject(raw, 'contains') && Object.keys(raw).length === 1 ? ownObject(raw, 'contains')! : undefined;
  const schema = tick ?? raw;
  if (own(condition, 'failWhenUndefined') === true && !tick) {
    const type = own(schema, 'type');
    return typeof type === 'string' && onlyKeys(schema, ['type', 'minItems', 'minLength']) ? { key, op: 'answered' } : undefined;
  }
  if (onlyKeys(schema, ['const']) && has(schema, 'const')) return { key, op: 'is', value: schema.const };
  if (onlyKeys(schema, ['enum']) && Array.isArray(own(schema, 'enum'))) return { key, op: 'one-of', values: [...(own(schema, 'enum') as unknown[])] };
  const numeric = onlyKeys(schema, ['type', 'minimum']) || onlyKeys(schema, ['type', 'maximum']);
  if (numeric && (own(schema, 'type') === undefined || own(schema, 'type') === 'number')) {
    if (typeof own(schema, 'minimum') === 'number') return { key, op: 'at-least', value: schema.minimum };
    if (typeof own(schema, 'maximum') === 'number') return { key, op: 'at-most', value: schema.maximum };
  }
  return undefined;
}

/** The show-when of a `SHOW` rule, when the Design view can show every one of its conditions. */
export function readShowRule(rule: unknown): ShowRule | undefined {
  if (!isObject(rule) || own(rule, 'effect') !== 'SHOW') return undefined;
  const condition = own(rule, 'condition');
  const type = own(condition, 'type');
  if (type === 'AND' || type === 'OR') {
    const leaves = (ownArray(condition, 'conditions') ?? []).map(readLeaf);
    if (leaves.length === 0 || leaves.some((l) => !l)) return undefined;
    return { mode: type === 'AND' ? 'all' : 'any', conditions: leaves as ShowCondition[] };
  }
  const leaf = readLeaf(condition);
  return leaf ? { mode: 'all', conditions: [leaf] } : undefined;
}

/** The condition schema for one condition, by the kind of the question it reads (in `def` as it was before the edit). */
export function conditionJson(def: RawDefinition, c: ShowCondition): JsonObject {
  const q = modelOf(def).byKey.get(c.key);
  const multiple = q?.kind === 'multiple-choice';
  const scope = scopeOfKey(c.key);
  // `contains` holds for anything that is not an array, an unanswered choice included: without
  // failWhenUndefined, “is Opioids” would show its question while nothing is ticked.
  const ofTick = (schema: JsonObject) => (multiple ? { scope, schema: { contains: schema }, failWhenUndefined: true } : { scope, schema });
  switch (c.op) {
    case 'is':
      return ofTick({ const: c.value });
    case 'one-of':
      return ofTick({ enum: c.values ?? [] });
    case 'at-least':
      return { scope, schema: { type: 'number', minimum: Number(c.value) } };
    case 'at-most':
      return { scope, schema: { type: 'number', maximum: Number(c.value) } };
    case 'answered': {
      const type = q?.jsonType === 'integer' ? 'number' : q?.jsonType ?? 'string';
      const extra = type === 'array' ? { minItems: 1 } : type === 'string' ? { minLength: 1 } : {};
      return { scope, schema: { type, ...extra }, failWhenUndefined: true };
    }
  }
}

/** The JSON Forms rule for a show-when; undefined when it has no condition (always shown). */
export function showRuleJson(def: RawDefinition, rule: ShowRule): JsonObject | undefined {
  const leaves = rule.conditions.map((c) => conditionJson(def, c));
  if (leaves.length === 0) return undefined;
  if (leaves.length === 1) return { effect: 'SHOW', condition: leaves[0] };
  return { effect: 'SHOW', condition: { type: rule.mode === 'all' ? 'AND' : 'OR', conditions: leaves } };
}
