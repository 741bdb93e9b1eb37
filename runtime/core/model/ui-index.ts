import { forEachConditionScope, questionAtScope } from './build';
import { scopeTokens } from './pointers';
import { isObject, own, resolveLocalRef } from './schema-walk';
import type { FormModel, JsonObject, Question, ScopeTarget, UiElementInfo, UiScope } from './types';

/**
 * Every UI element of a form and every scope in it (a control's own, and each rule condition's),
 * with what each names: what lint reads. Kept apart from the form model's build so the runtime,
 * which never asks, does not carry it. Worked out once per model.
 */
export interface UiIndex {
  elements: UiElementInfo[];
  scopes: UiScope[];
}

const cache = new WeakMap<FormModel, UiIndex>();

export function uiIndex(model: FormModel): UiIndex {
  let index = cache.get(model);
  if (!index) cache.set(model, (index = indexUi(model)));
  return index;
}

/** Deeper than any real layout; loaded files are capped lower, this guards objects built in memory. */
const MAX_UI_DEPTH = 256;

/** Every UI element and every scope (a control's own, and each rule condition's) with what it names. */
function indexUi(model: FormModel): UiIndex {
  const elements: UiElementInfo[] = [];
  const scopes: UiScope[] = [];
  const walk = (node: unknown, pointer: string, parent: UiElementInfo | undefined, detailOf: Question | undefined, depth: number): void => {
    if (!isObject(node) || depth > MAX_UI_DEPTH) return;
    const element: UiElementInfo = { node, pointer, ...(parent ? { parent } : {}), ...(detailOf ? { detailOf } : {}) };
    elements.push(element);
    const scope = own(node, 'scope');
    let target: ScopeTarget | undefined;
    if (typeof scope === 'string') {
      target = resolveScope(model, scope, detailOf);
      scopes.push({ element, scope, pointer: `${pointer}/scope`, target, role: 'control' });
    }
    const rule = own(node, 'rule');
    if (isObject(rule)) {
      forEachConditionScope(own(rule, 'condition'), `${pointer}/rule/condition`, (s, at) => {
        scopes.push({ element, scope: s, pointer: at, target: resolveScope(model, s, detailOf), role: 'rule' });
      });
    }
    const children = own(node, 'elements');
    if (Array.isArray(children)) children.forEach((child, i) => walk(child, `${pointer}/elements/${i}`, element, detailOf, depth + 1));
    const detail = own(own(node, 'options'), 'detail');
    if (isObject(detail)) {
      const group = target?.kind === 'question' && target.question.kind === 'group' ? target.question : undefined;
      walk(detail, `${pointer}/options/detail`, element, group ?? detailOf, depth + 1);
    }
  };
  walk(model.uischema, '/uischema', undefined, undefined, 0);
  return { elements, scopes };
}

/**
 * What a UI scope names, read as JSON Forms reads it (model/pointers.ts). Inside a group's
 * detail, scopes resolve against the item schema (`#/properties/name`), never the form's, so a
 * scope there that names a top-level question (or spells out `#/properties/children/items/…`) names nothing.
 */
export function resolveScope(model: Pick<FormModel, 'schema' | 'byKey' | 'atPath' | 'anchors'>, scope: string, detailOf: Question | undefined): ScopeTarget {
  // A question first: its common spelling is looked up without decoding (a scope that does not
  // decode names no question either: questionAtScope decodes it the same way).
  const question = questionAtScope(model, scope, detailOf);
  if (question) return { kind: 'question', question };
  const tokens = scopeTokens(scope);
  if (!tokens) return { kind: 'unresolved' };
  const base = detailOf?.itemSchema?.schema ?? model.schema;
  return schemaPathExists(model, base, tokens) ? { kind: 'schema' } : { kind: 'unresolved' };
}

/** Walk schema keywords, following local `$ref`s where the path needs to go through one. */
function schemaPathExists(model: Pick<FormModel, 'schema' | 'anchors'>, start: JsonObject, tokens: string[]): boolean {
  let node: unknown = start;
  let hops = 0;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (isObject(node) && Object.hasOwn(node, token)) {
      node = node[token];
      i++;
      continue;
    }
    const ref = own(node, '$ref');
    if (typeof ref !== 'string' || ++hops > 32) return false;
    const resolved = resolveLocalRef(model.schema, ref, model.anchors);
    if (!resolved) return false;
    node = resolved.node;
  }
  return node !== undefined;
}

