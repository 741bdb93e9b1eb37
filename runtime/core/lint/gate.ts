import { scopeOfKey } from '../model/pointers';
import type { Definition } from '../definition/envelope';
import type { FormModel, Question, UiElementInfo } from '../model/types';
import { isObject, own } from '../model/schema-walk';

/** The key of the safety check question, if the definition names one. */
export function gateKey(definition: Definition): string | undefined {
  return definition.safety?.gate;
}

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
export function revealsSensitive(q: Question, model: FormModel): boolean {
  if (isSensitive(q) || (q.items ?? []).some(isSensitive) || (q.group !== undefined && isSensitive(q.group))) return true;
  // `of` as written, not the model's parsed spec: a malformed x-computed naming a sensitive answer fails safe.
  const of = own(own(q.schema, 'x-computed'), 'of');
  if (!Array.isArray(of)) return false;
  const siblings = q.group ? (q.group.items ?? []) : model.questions;
  return siblings.some((s) => of.includes(s.key) && isSensitive(s));
}

/**
 * `{ scope: "#/properties/<gate>", schema: { const: true } }`, possibly inside an AND (which can
 * only narrow when the element shows). An OR could show it without the gate, so it does not count.
 */
export function isGateCondition(condition: unknown, gate: string): boolean {
  if (!isObject(condition)) return false;
  if (own(condition, 'type') === 'AND') {
    const conditions = own(condition, 'conditions');
    return Array.isArray(conditions) && conditions.some((c) => isGateCondition(c, gate));
  }
  const schema = own(condition, 'schema');
  return (
    own(condition, 'scope') === scopeOfKey(gate) &&
    isObject(schema) &&
    Object.keys(schema).length === 1 &&
    own(schema, 'const') === true
  );
}

/**
 * Is the element, or an element around it, shown only once the gate is answered yes? Elements
 * inside a group's detail are skipped: their rule scopes are relative to one item, so a gate
 * rule there would read the item, not the form's safety check.
 */
export function isGated(element: UiElementInfo, gate: string | undefined): boolean {
  if (gate === undefined) return false;
  for (let e: UiElementInfo | undefined = element; e; e = e.parent) {
    if (e.detailOf) continue;
    const rule = own(e.node, 'rule');
    if (own(rule, 'effect') === 'SHOW' && isGateCondition(own(rule, 'condition'), gate)) return true;
  }
  return false;
}
