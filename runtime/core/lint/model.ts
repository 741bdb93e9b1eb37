import type { Definition } from '../definition/envelope';
import { escapePointerToken, tokensFromPointer } from '../model/pointers';
import { collectAnchors, isObject, own, resolveLocalRef, type JsonObject } from '../model/schema-walk';

/**
 * The parts of a definition every rule looks at, worked out once per lint run: the questions
 * (docs/definition-format.md "Answers are flat") and the UI elements with what their scopes name.
 */
export interface Question {
  /** The answer key: `answers.<key>`, or `answers.<group>[i].<key>` for a group item. */
  key: string;
  /** JSON pointer of the property declaration in the file, e.g. `/schema/properties/age`. */
  pointer: string;
  schema: JsonObject;
  kind: 'question' | 'group' | 'item';
  /** For an item: its group. */
  group?: Question;
  /** For a group: its item questions. */
  items?: Question[];
  /** For a group: the item object schema (after a local `$ref`, if any) and its pointer. */
  itemSchema?: { schema: JsonObject; pointer: string };
}

export interface UiElement {
  node: JsonObject;
  /** JSON pointer into the file, e.g. `/uischema/elements/0/elements/2`. */
  pointer: string;
  parent?: UiElement;
  /** Set for elements inside a group control's `options.detail`: their scopes are relative to the item. */
  detailOf?: Question;
}

export type ScopeTarget =
  | { kind: 'question'; question: Question }
  | { kind: 'schema' } // names some schema node that is not a question (e.g. `#`)
  | { kind: 'unresolved' };

export interface UiScope {
  element: UiElement;
  scope: string;
  /** Pointer of the `scope` string itself. */
  pointer: string;
  target: ScopeTarget;
  /** `control` for an element's own scope, `rule` for a rule condition's scope. */
  role: 'control' | 'rule';
}

export interface FormModel {
  schema: JsonObject;
  /** Top-level questions (including groups) in declaration order. */
  topLevel: Question[];
  /** Every question: top-level, groups and group items. */
  all: Question[];
  byKey: ReadonlyMap<string, Question>;
  elements: UiElement[];
  scopes: UiScope[];
  anchors: ReadonlyMap<string, string>;
}

export function buildModel(definition: Definition): FormModel {
  const schema = isObject(definition.schema) ? definition.schema : {};
  const anchors = collectAnchors(schema);
  const topLevel: Question[] = [];
  const all: Question[] = [];
  const props = own(schema, 'properties');
  if (isObject(props)) {
    for (const key of Object.keys(props)) {
      const prop = props[key];
      if (!isObject(prop)) continue;
      const question: Question = { key, pointer: `/schema/properties/${escapePointerToken(key)}`, schema: prop, kind: 'question' };
      topLevel.push(question);
      all.push(question);
      const itemSchema = groupItemSchema(schema, prop, question.pointer, anchors);
      if (itemSchema) {
        question.kind = 'group';
        question.itemSchema = itemSchema;
        question.items = [];
        const itemProps = own(itemSchema.schema, 'properties') as JsonObject;
        for (const itemKey of Object.keys(itemProps)) {
          const itemProp = itemProps[itemKey];
          if (!isObject(itemProp)) continue;
          const item: Question = {
            key: itemKey,
            pointer: `${itemSchema.pointer}/properties/${escapePointerToken(itemKey)}`,
            schema: itemProp,
            kind: 'item',
            group: question,
          };
          question.items.push(item);
          all.push(item);
        }
      }
    }
  }
  const byKey = new Map(topLevel.map((q) => [q.key, q]));
  const model: FormModel = { schema, topLevel, all, byKey, elements: [], scopes: [], anchors };
  walkUi(model, definition.uischema, '/uischema', undefined, undefined);
  return model;
}

/** A repeatable group: `type: "array"` whose `items` is an object schema with properties. */
function groupItemSchema(root: JsonObject, prop: JsonObject, pointer: string, anchors: ReadonlyMap<string, string>): Question['itemSchema'] {
  if (own(prop, 'type') !== 'array') return undefined;
  let items = own(prop, 'items');
  let itemsPointer = `${pointer}/items`;
  const ref = own(items, '$ref');
  if (typeof ref === 'string') {
    const resolved = resolveLocalRef(root, ref, anchors);
    if (!resolved) return undefined;
    items = resolved.node;
    itemsPointer = `/schema${resolved.pointer}`;
  }
  if (!isObject(items) || !isObject(own(items, 'properties'))) return undefined;
  return { schema: items, pointer: itemsPointer };
}

function walkUi(model: FormModel, node: unknown, pointer: string, parent: UiElement | undefined, detailOf: Question | undefined): void {
  if (!isObject(node)) return;
  const element: UiElement = { node, pointer, ...(parent ? { parent } : {}), ...(detailOf ? { detailOf } : {}) };
  model.elements.push(element);
  const scope = own(node, 'scope');
  let target: ScopeTarget | undefined;
  if (typeof scope === 'string') {
    target = resolveScope(model, scope, detailOf);
    model.scopes.push({ element, scope, pointer: `${pointer}/scope`, target, role: 'control' });
  }
  const rule = own(node, 'rule');
  if (isObject(rule)) collectConditionScopes(model, element, own(rule, 'condition'), `${pointer}/rule/condition`, detailOf);
  const elements = own(node, 'elements');
  if (Array.isArray(elements)) elements.forEach((child, i) => walkUi(model, child, `${pointer}/elements/${i}`, element, detailOf));
  const detail = own(own(node, 'options'), 'detail');
  if (isObject(detail)) {
    const group = target?.kind === 'question' && target.question.kind === 'group' ? target.question : undefined;
    walkUi(model, detail, `${pointer}/options/detail`, element, group ?? detailOf);
  }
}

function collectConditionScopes(model: FormModel, element: UiElement, condition: unknown, pointer: string, detailOf: Question | undefined): void {
  if (!isObject(condition)) return;
  const scope = own(condition, 'scope');
  if (typeof scope === 'string') {
    model.scopes.push({ element, scope, pointer: `${pointer}/scope`, target: resolveScope(model, scope, detailOf), role: 'rule' });
  }
  const conditions = own(condition, 'conditions');
  if (Array.isArray(conditions)) conditions.forEach((c, i) => collectConditionScopes(model, element, c, `${pointer}/conditions/${i}`, detailOf));
}

/**
 * What a UI scope names. Inside a group's detail, JSON Forms and the runtime resolve scopes
 * against the item schema (`#/properties/name`), never the form's, so a scope there that names a
 * top-level question (or spells out `#/properties/children/items/…`) names nothing.
 */
export function resolveScope(model: FormModel, scope: string, detailOf: Question | undefined): ScopeTarget {
  if (!scope.startsWith('#')) return { kind: 'unresolved' };
  let tokens: string[];
  try {
    tokens = tokensFromPointer(scope);
  } catch {
    return { kind: 'unresolved' };
  }
  const base = detailOf?.itemSchema?.schema ?? model.schema;
  if (tokens.length === 2 && tokens[0] === 'properties') {
    const question = detailOf ? detailOf.items?.find((q) => q.key === tokens[1]) : model.byKey.get(tokens[1]!);
    if (question) return { kind: 'question', question };
  }
  return schemaPathExists(model, base, tokens) ? { kind: 'schema' } : { kind: 'unresolved' };
}

/** Walk schema keywords, following local `$ref`s where the path needs to go through one. */
function schemaPathExists(model: FormModel, start: JsonObject, tokens: string[]): boolean {
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

/** The `required` list of the object schema a question belongs to. */
export function requiredKeys(schema: JsonObject): string[] {
  const required = own(schema, 'required');
  return Array.isArray(required) ? required.filter((k): k is string => typeof k === 'string') : [];
}
