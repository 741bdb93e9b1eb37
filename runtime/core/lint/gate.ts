import { scopeOfKey } from '../model/pointers';
import type { FormModel, Question, SafetyGate, UiElementInfo } from '../model/types';
import { isObject, own } from '../model/schema-walk';
import { computedReads } from '../rules/computed';
import { deepEqual } from '../rules/condition';

/**
 * Whether the question's level must sit behind the safety check (`gated` in the level table:
 * every built-in level but `personal`). Any `x-sensitivity` written counts, a misspelt or unknown
 * value too (extension-invalid, sensitivity-unknown report it): failing safe keeps a question meant
 * as sensitive behind the gate meanwhile.
 */
export function isSensitive(q: Question): boolean {
  return q.level?.gated === true;
}

/**
 * A question whose control reveals sensitive answers: sensitive itself, a group holding one, or a
 * computed value derived from one (a count of "yes" answers tells what they were).
 */
export function revealsSensitive(q: Question, model: FormModel, depth = 0): boolean {
  if (isSensitive(q) || q.items?.some(isSensitive) === true || (q.group !== undefined && isSensitive(q.group))) return true;
  const reads = writtenReads(q);
  if (reads.length === 0 || depth > 4) return false;
  // A band reads a total, which may read sensitive answers: followed (lint bounds the chain).
  const siblings = q.group ? (q.group.items ?? []) : model.questions;
  return siblings.some((s) => s !== q && reads.includes(s.key) && revealsSensitive(s, model, depth + 1));
}

/** The keys an `x-computed` names, read as written: a malformed one naming a sensitive answer fails safe. */
function writtenReads(q: Question): unknown[] {
  if (q.computed) return computedReads(q.computed);
  // Every embed asks this of every question before its first render: most have no `x-computed`.
  if (!Object.hasOwn(q.schema, 'x-computed')) return [];
  const computed = own(q.schema, 'x-computed');
  const of = own(computed, 'of');
  return [...(Array.isArray(of) ? of : [of]), own(computed, 'items')].filter((k) => typeof k === 'string');
}

/**
 * `{ scope: "#/properties/<gate>", schema: { const: <yes> } }` (yes: `true`, or a yes/no choice's
 * yes code), possibly inside an AND (which can only narrow when the element shows). An OR could
 * show it without the gate, so it does not count.
 */
export function isGateCondition(condition: unknown, gate: SafetyGate): boolean {
  if (!isObject(condition)) return false;
  if (own(condition, 'type') === 'AND') {
    const conditions = own(condition, 'conditions');
    return Array.isArray(conditions) && conditions.some((c) => isGateCondition(c, gate));
  }
  const schema = own(condition, 'schema');
  return (
    own(condition, 'scope') === scopeOfKey(gate.key) &&
    isObject(schema) &&
    Object.keys(schema).length === 1 &&
    Object.hasOwn(schema, 'const') &&
    deepEqual(own(schema, 'const'), gate.yes)
  );
}

/**
 * Is the element, or an element around it, shown only once the gate is answered yes? Elements
 * inside a group's detail are skipped: their rule scopes are relative to one item, so a gate
 * rule there would read the item, not the form's safety check.
 */
export function isGated(element: UiElementInfo, gate: SafetyGate | undefined): boolean {
  if (gate === undefined) return false;
  for (let e: UiElementInfo | undefined = element; e; e = e.parent) {
    if (e.detailOf) continue;
    const rule = own(e.node, 'rule');
    if (own(rule, 'effect') === 'SHOW' && isGateCondition(own(rule, 'condition'), gate)) return true;
  }
  return false;
}
