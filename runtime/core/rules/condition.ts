import { scopeToDataPath, valueAt } from '../model/pointers';

/**
 * An eval-free interpreter of JSON Forms rule conditions (no AJV, no generated code), so rules run
 * under a strict Content Security Policy. It supports the subset of JSON Schema listed in
 * docs/definition-format.md (`supportedConditionKeywords`); anything else makes the condition
 * false (fail closed) and is reported by `checkCondition` as `rule-invalid`.
 */
export type RuleEffect = 'SHOW' | 'HIDE' | 'ENABLE' | 'DISABLE';

export interface SchemaBasedCondition {
  scope: string;
  schema: unknown;
  failWhenUndefined?: boolean;
}
export interface LeafCondition {
  type?: 'LEAF';
  scope: string;
  expectedValue: unknown;
}
export interface ComposableCondition {
  type: 'AND' | 'OR';
  conditions: Condition[];
}
export type Condition = SchemaBasedCondition | LeafCondition | ComposableCondition;

export interface Rule {
  effect: RuleEffect;
  condition: Condition;
}

export const supportedConditionKeywords: ReadonlySet<string> = new Set([
  'const', 'enum', 'not', 'contains', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minItems', 'maxItems', 'minLength', 'type', 'properties', 'required', 'allOf', 'anyOf',
]);
/** Keywords that only annotate and never change the outcome. */
export const annotationKeywords: ReadonlySet<string> = new Set(['title', 'description', '$comment', 'default', 'examples']);

const MAX_DEPTH = 64;

/**
 * Evaluate a condition against the answers. `itemPath` is the data path of the repeatable-group
 * item the rule sits in (JSON Forms composes scopes inside array details with the item's path).
 */
export function evaluateCondition(condition: unknown, answers: unknown, _rootSchema?: unknown, itemPath: ReadonlyArray<string | number> = []): boolean {
  return failClosed(() => evaluate(condition, answers, itemPath, 0));
}

/** Too deep to trust: the whole condition is false, whatever `not`s sit above the cut-off. */
class TooDeep extends Error {}

function failClosed(run: () => boolean): boolean {
  try {
    return run();
  } catch (e) {
    if (e instanceof TooDeep || e instanceof RangeError) return false;
    throw e;
  }
}

function evaluate(condition: unknown, answers: unknown, itemPath: ReadonlyArray<string | number>, depth: number): boolean {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (!isObject(condition)) return false;
  const type = own(condition, 'type');
  if (type === 'AND' || type === 'OR') {
    const list = own(condition, 'conditions');
    if (!Array.isArray(list)) return false;
    return type === 'AND' ? list.every((c) => evaluate(c, answers, itemPath, depth + 1)) : list.some((c) => evaluate(c, answers, itemPath, depth + 1));
  }
  const scope = own(condition, 'scope');
  if (typeof scope !== 'string') return false;
  const path = scopeToDataPath(scope);
  const value = valueAt(answers, itemPath.length ? [...itemPath, ...path] : path);
  if (has(condition, 'expectedValue') && !has(condition, 'schema')) return value === own(condition, 'expectedValue');
  if (!has(condition, 'schema')) return false;
  if (own(condition, 'failWhenUndefined') === true && value === undefined) return false;
  return matches(own(condition, 'schema'), value, 0);
}

/** Whether a value satisfies a condition schema (the supported subset), as AJV would decide. */
export function matchesSchema(schema: unknown, value: unknown): boolean {
  return failClosed(() => matches(schema, value, 0));
}

function matches(schema: unknown, value: unknown, depth: number): boolean {
  if (typeof schema === 'boolean') return schema;
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (!isObject(schema)) return false;
  for (const keyword of Object.keys(schema)) {
    const arg = schema[keyword];
    if (annotationKeywords.has(keyword)) continue;
    if (!supportedConditionKeywords.has(keyword) || !keywordHolds(keyword, arg, value, depth)) return false;
  }
  return true;
}

function keywordHolds(keyword: string, arg: unknown, value: unknown, depth: number): boolean {
  switch (keyword) {
    case 'const':
      return deepEqual(arg, value);
    case 'enum':
      return Array.isArray(arg) && arg.some((option) => deepEqual(option, value));
    case 'not':
      return !matches(arg, value, depth + 1);
    case 'allOf':
      return Array.isArray(arg) && arg.every((s) => matches(s, value, depth + 1));
    case 'anyOf':
      return Array.isArray(arg) && arg.some((s) => matches(s, value, depth + 1));
    case 'type':
      return (Array.isArray(arg) ? arg : [arg]).some((t) => hasType(value, t));
    case 'minimum':
      return typeof value !== 'number' || (typeof arg === 'number' && value >= arg);
    case 'maximum':
      return typeof value !== 'number' || (typeof arg === 'number' && value <= arg);
    case 'exclusiveMinimum':
      return typeof value !== 'number' || (typeof arg === 'number' && value > arg);
    case 'exclusiveMaximum':
      return typeof value !== 'number' || (typeof arg === 'number' && value < arg);
    case 'minItems':
      return !Array.isArray(value) || (typeof arg === 'number' && value.length >= arg);
    case 'maxItems':
      return !Array.isArray(value) || (typeof arg === 'number' && value.length <= arg);
    case 'contains':
      return !Array.isArray(value) || value.some((item) => matches(arg, item, depth + 1));
    case 'minLength':
      // JSON Schema counts code points, as AJV's ucs2length does.
      return typeof value !== 'string' || (typeof arg === 'number' && [...value].length >= arg);
    case 'required':
      return !isObject(value) || (Array.isArray(arg) && arg.every((key) => typeof key === 'string' && has(value, key)));
    case 'properties':
      if (!isObject(value)) return true;
      if (!isObject(arg)) return false;
      return Object.keys(arg).every((key) => !has(value, key) || matches(arg[key], value[key], depth + 1));
    default:
      return false;
  }
}

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return false;
  }
}

/** JSON equality (as AJV's `equal`): arrays by order, objects by own keys. Iterative on depth bound. */
export function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > MAX_DEPTH || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i], depth + 1));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => has(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1));
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function has(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function own(o: Record<string, unknown>, key: string): unknown {
  return has(o, key) ? o[key] : undefined;
}
