import { pointerFromTokens, scopePropertyPath } from '../../../../runtime/core/index';
import { isObject, own, ownArray, ownObject, ownString, type JsonObject } from './json';
import { codeFromLabel, keyFromLabel } from './names';
import { scopeWithin } from './structure';
import { allCodes, clone, findControl, holderOf, propsOf, questionSchema, type QuestionRef, type RawDefinition } from './questions';

/**
 * While a question is new, its answer key and export code follow its label ("New text question"
 * becomes "Your name": key `yourName`, code `your_name`). Once they were published (the caller
 * says so with `locked`) or typed by hand, they stay: a key or code change is a major change.
 */
export function relabelQuestion(input: RawDefinition, ref: QuestionRef, label: string, locked: boolean): { definition: RawDefinition; key: string } {
  const def = clone(input);
  const schema = questionSchema(def, ref);
  const oldLabel = ownString(schema, 'title') ?? '';
  schema.title = label;
  if (locked) return { definition: def, key: ref.key };
  const holder = holderProps(def, ref);
  const otherKeys = Object.keys(holder).filter((k) => k !== ref.key);
  const otherCodes = allCodes(def).filter((c) => c !== ownString(schema, 'x-code'));
  const keyDerived = ref.key === keyFromLabel(oldLabel, otherKeys);
  const codeDerived = ownString(schema, 'x-code') === codeFromLabel(oldLabel, otherCodes);
  if (codeDerived) schema['x-code'] = codeFromLabel(label, otherCodes);
  if (!keyDerived) return { definition: def, key: ref.key };
  const key = keyFromLabel(label, otherKeys);
  if (key === ref.key) return { definition: def, key };
  return { definition: renameKey(def, ref, key), key };
}

function holderProps(def: RawDefinition, ref: QuestionRef): JsonObject {
  return ownObject(holderOf(def, ref), 'properties') ?? {};
}

function renameInList(list: unknown[] | undefined, from: string, to: string): void {
  if (!list) return;
  for (let i = 0; i < list.length; i++) if (list[i] === from) list[i] = to;
}

/** `scope` with the answer at `[...prefix, from]` (or inside it) renamed to `to`; undefined when it names something else. */
function renamedScope(scope: unknown, prefix: readonly string[], from: string, to: string): string | undefined {
  if (!scopeWithin(scope, [...prefix, from])) return undefined;
  const path = scopePropertyPath(scope as string)!;
  path[prefix.length] = to;
  return '#' + pointerFromTokens(path.flatMap((k) => ['properties', k]));
}

/**
 * Scopes naming the answer, and inside it (an object's questions follow the object): controls, and
 * rules' conditions outside groups' item layouts (a condition there reads the item).
 */
function renameScopes(node: unknown, prefix: readonly string[], from: string, to: string, inDetail: boolean, wantDetail: boolean): void {
  if (!isObject(node)) return;
  const scope = inDetail === wantDetail ? renamedScope(own(node, 'scope'), prefix, from, to) : undefined;
  if (scope) node.scope = scope;
  if (!wantDetail && !inDetail) renameCondition(ownObject(ownObject(node, 'rule'), 'condition'), prefix, from, to);
  for (const child of ownArray(node, 'elements') ?? []) renameScopes(child, prefix, from, to, inDetail, wantDetail);
  renameScopes(ownObject(ownObject(node, 'options'), 'detail'), prefix, from, to, true, wantDetail);
}

/** A rule's condition, and each condition of an AND/OR (the show-when of several conditions). */
function renameCondition(condition: JsonObject | undefined, prefix: readonly string[], from: string, to: string): void {
  if (!condition) return;
  const scope = renamedScope(own(condition, 'scope'), prefix, from, to);
  if (scope) condition.scope = scope;
  for (const c of ownArray(condition, 'conditions') ?? []) renameCondition(isObject(c) ? c : undefined, prefix, from, to);
}

/**
 * The computed values that read a renamed answer: totals' `of` lists and a band's total at the same
 * level, a count or sum over a renamed group, and a sum over items of a renamed item question.
 */
function renameComputed(def: RawDefinition, holderProps: JsonObject, ref: QuestionRef, to: string): void {
  if (ref.object !== undefined) return;
  for (const prop of Object.values(holderProps)) {
    const spec = ownObject(prop, 'x-computed');
    if (!spec) continue;
    renameInList(ownArray(spec, 'of'), ref.key, to);
    if (spec.of === ref.key) spec.of = to;
    if (!ref.group && spec.items === ref.key) spec.items = to;
  }
  if (!ref.group) return;
  for (const prop of Object.values(propsOf(def))) {
    const spec = ownObject(prop, 'x-computed');
    if (spec && spec.items === ref.group && spec.field === ref.key) spec.field = to;
  }
}

/** Renames an answer key everywhere it is named: properties (in place), required lists, scopes, rules, computed values, the gate. */
export function renameKey(def: RawDefinition, ref: QuestionRef, to: string): RawDefinition {
  const holderSchema = holderOf(def, ref);
  const props = ownObject(holderSchema, 'properties') ?? {};
  holderSchema.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k === ref.key ? to : k, v]));
  renameComputed(def, ownObject(holderSchema, 'properties')!, ref, to);
  renameInList(ownArray(holderSchema, 'required'), ref.key, to);
  for (const clause of ownArray(holderSchema, 'allOf') ?? []) {
    renameInList(ownArray(ownObject(clause, 'then'), 'required'), ref.key, to);
    const ifProps = ownObject(ownObject(clause, 'if'), 'properties');
    const ifNode = ownObject(clause, 'if');
    if (ifProps && ifNode && Object.prototype.hasOwnProperty.call(ifProps, ref.key)) {
      ifNode.properties = Object.fromEntries(Object.entries(ifProps).map(([k, v]) => [k === ref.key ? to : k, v]));
      renameInList(ownArray(ifNode, 'required'), ref.key, to);
    }
  }
  if (ref.group) {
    renameScopes(findControl(def, ref.group), [], ref.key, to, false, true);
  } else if (ref.object !== undefined) {
    renameScopes(own(def, 'uischema'), [ref.object], ref.key, to, false, false);
  } else {
    renameScopes(own(def, 'uischema'), [], ref.key, to, false, false);
    const safety = ownObject(def, 'safety');
    if (safety?.gate === ref.key) safety.gate = to;
  }
  return def;
}
