import { pointerFromTokens, scopePropertyPath, scopeTokens } from './pointers';
import { isObject, own, resolveLocalRef } from './schema-walk';
import type { FormModel, JsonObject, Question, ScopeTarget, UiElementInfo, UiIndex, UiScope } from './types';

/** What a UI scope names: read by the form model's walk of the UI schema, lint and the exports. */

/** The question a scope names, if it names one (no schema walking: what the runtime needs). */
export function questionAtScope(model: Pick<FormModel, 'byKey' | 'atPath'>, scope: string, detailOf: Question | undefined): Question | undefined {
  if (!detailOf && scope.startsWith('#/properties/')) {
    // The common spelling, `#/properties/key` with nothing to unescape, is looked up as it stands.
    const key = scope.slice(13);
    if (!key.includes('/') && !key.includes('~')) return model.byKey.get(key);
  }
  const path = scopePropertyPath(scope);
  if (!path || path.length === 0) return undefined;
  return (detailOf ? detailOf.itemsAt : model.atPath)?.get(pointerFromTokens(path));
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
  return question ? { kind: 'question', question } : schemaTarget(model, scope, detailOf);
}

/** What a scope that names no question names: some other schema node (`#`), or nothing. */
export function schemaTarget(model: Pick<FormModel, 'schema' | 'anchors'>, scope: string, detailOf: Question | undefined): ScopeTarget {
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

export function forEachConditionScope(condition: unknown, pointer: string, visit: (scope: string, pointer: string) => void, depth = 0): void {
  if (!isObject(condition) || depth > 64) return;
  const scope = own(condition, 'scope');
  if (typeof scope === 'string') visit(scope, `${pointer}/scope`);
  const conditions = own(condition, 'conditions');
  if (Array.isArray(conditions)) conditions.forEach((c, i) => forEachConditionScope(c, `${pointer}/conditions/${i}`, visit, depth + 1));
}

/**
 * Lint's index of the UI schema: its elements (from the model's walk), and every scope in them
 * with what it names, worked out on first read. The render rules read the scopes only for a form
 * with a safety check or a sensitive question; the rest of lint runs after the first paint.
 */
export function uiIndex(model: FormModel, elements: UiElementInfo[]): UiIndex {
  let scopes: UiScope[] | undefined;
  return {
    elements,
    get scopes() {
      return (scopes ??= scopesOf(model, elements));
    },
  };
}

/** In document order: each element's own scope, then its rule's condition scopes. */
function scopesOf(model: FormModel, elements: readonly UiElementInfo[]): UiScope[] {
  const scopes: UiScope[] = [];
  for (const element of elements) {
    const { node, pointer, detailOf } = element;
    const scope = own(node, 'scope');
    if (typeof scope === 'string') scopes.push({ element, scope, pointer: `${pointer}/scope`, target: resolveScope(model, scope, detailOf), role: 'control' });
    const rule = own(node, 'rule');
    if (!isObject(rule)) continue;
    forEachConditionScope(own(rule, 'condition'), `${pointer}/rule/condition`, (conditionScope, at) => {
      scopes.push({ element, scope: conditionScope, pointer: at, target: resolveScope(model, conditionScope, detailOf), role: 'rule' });
    });
  }
  return scopes;
}
