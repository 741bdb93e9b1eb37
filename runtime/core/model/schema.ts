import { canonical, valueText } from './json';
import { isObject, own, resolveLocalRef, type AnchorLookup } from './schema-walk';
import type { JsonObject, QuestionKind, QuestionOption, RequiredCondition } from './types';

/**
 * Reading one question's schema: its shape behind local `$ref`s, its kind, its options and what
 * makes it required. Own properties only: definitions come from files.
 */

/** Local `$ref`s followed a few hops; the referring schema's own keywords win over the shared shape. */
export function shapeOf(root: JsonObject, node: unknown, anchors: AnchorLookup): JsonObject {
  let merged: JsonObject = isObject(node) ? node : {};
  for (let hops = 0; hops < 8; hops++) {
    const ref = own(merged, '$ref');
    if (typeof ref !== 'string') break;
    const target = resolveLocalRef(root, ref, anchors)?.node;
    if (!isObject(target)) break;
    const { $ref: _drop, ...rest } = merged;
    merged = { ...target, ...rest };
  }
  return merged;
}

/** A repeatable group's item object schema (after a local `$ref`) and where it is written; undefined for other questions. */
export function groupItems(root: JsonObject, prop: JsonObject, pointer: string, anchors: AnchorLookup): { schema: JsonObject; pointer: string } | undefined {
  const shape = shapeOf(root, prop, anchors);
  if (own(shape, 'type') !== 'array') return undefined;
  let items = own(shape, 'items');
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

/** An object question's schema holding `properties` (its own, or behind local `$ref`s) and where it is written. */
export function objectProperties(root: JsonObject, prop: JsonObject, pointer: string, anchors: AnchorLookup): { schema: JsonObject; pointer: string } | undefined {
  const { node, at } = alongRefs(root, prop, pointer, 'properties', true, anchors);
  return isObject(node) && isObject(own(node, 'properties')) ? { schema: node, pointer: at } : undefined;
}

/**
 * From `node` (written at `pointer`), the first schema along its local `$ref`s (a few hops) with
 * `key` of its own (an object there, when `object`), and where it is written; where the chain ends
 * when none has. A key and a flag, not a callback: it runs for every choice before the first render.
 */
function alongRefs(root: JsonObject, node: unknown, pointer: string, key: string, object: boolean, anchors: AnchorLookup): { node: unknown; at: string } {
  let at = pointer;
  for (let hops = 0; hops < 8 && isObject(node) && !(object ? isObject(own(node, key)) : Object.hasOwn(node, key)); hops++) {
    const ref = own(node, '$ref');
    const resolved = typeof ref === 'string' ? resolveLocalRef(root, ref, anchors) : undefined;
    if (!resolved) break;
    node = resolved.node;
    at = `/schema${resolved.pointer}`;
  }
  return { node, at };
}

export interface KindInfo {
  kind: QuestionKind;
  jsonType?: string;
  /** The schema holding the options (the question's shape, or a multiple choice's items). */
  optionsFrom?: JsonObject;
  /** Where the list of options is written (`…/oneOf`, `…/items/enum`, or in a shared shape behind `$ref`); '' without options. */
  optionsPointer: string;
}

/** `written` is the question's property as written at `pointer`; `shape` the same with its local `$ref`s followed (shapeOf). */
export function kindOf(root: JsonObject, written: unknown, shape: JsonObject, pointer: string, multiLine: boolean, anchors: AnchorLookup): KindInfo {
  let type = own(shape, 'type');
  // `["string", "null"]`: the answer's type is the one that is not null.
  if (Array.isArray(type)) type = type.find((t) => t !== 'null');
  if (type === 'array') {
    const items = shapeOf(root, own(shape, 'items'), anchors);
    if (own(items, 'type') === 'object' || isObject(own(items, 'properties'))) return { kind: 'group', jsonType: 'array', optionsPointer: '' };
    const keyword = optionsKeyword(items);
    if (keyword) return { kind: 'multiple-choice', jsonType: 'array', optionsFrom: items, optionsPointer: writtenAt(root, written, pointer, 'items', keyword, anchors) };
    return { kind: 'list', jsonType: 'array', optionsPointer: '' };
  }
  // An object with properties of its own: its properties are questions, its answer an object of their answers.
  if ((type === 'object' || type === undefined) && isObject(own(shape, 'properties'))) return { kind: 'object', jsonType: 'object', optionsPointer: '' };
  const keyword = optionsKeyword(shape);
  if (keyword && (type === undefined || type === 'string' || type === 'integer' || type === 'number')) {
    return { kind: 'single-choice', jsonType: str(type), optionsFrom: shape, optionsPointer: writtenAt(root, written, pointer, undefined, keyword, anchors) };
  }
  if (type === 'boolean') return { kind: 'yes-no', jsonType: 'boolean', optionsPointer: '' };
  if (type === 'integer') return { kind: 'integer', jsonType: type, optionsPointer: '' };
  if (type === 'number') return { kind: 'decimal', jsonType: type, optionsPointer: '' };
  if (type === 'string') {
    const format = own(shape, 'format');
    if (format === 'date' || format === 'time' || format === 'date-time' || format === 'email') return { kind: format, jsonType: 'string', optionsPointer: '' };
    const maxLength = own(shape, 'maxLength');
    // Long text is a multi-line control; a limit above a line's worth (docs: 5000) says so too.
    const long = multiLine || (typeof maxLength === 'number' && maxLength > 500);
    return { kind: long ? 'long-text' : 'text', jsonType: 'string', optionsPointer: '' };
  }
  return { kind: 'other', jsonType: str(type), optionsPointer: '' };
}

/** The keyword a choice's options are read from: `oneOf`, else `anyOf`, else `enum`; undefined when none is a list. */
function optionsKeyword(schema: JsonObject): 'oneOf' | 'anyOf' | 'enum' | undefined {
  if (Array.isArray(own(schema, 'oneOf'))) return 'oneOf';
  if (Array.isArray(own(schema, 'anyOf'))) return 'anyOf';
  return Array.isArray(own(schema, 'enum')) ? 'enum' : undefined;
}

/**
 * Where `node`'s `keyword` (or its `items`' `keyword`) is written: in the node itself, or, when it is
 * not its own, in the shape its local `$ref` leads to, as shapeOf merges them (the node's own wins).
 * A lint problem, a translation or a quick fix on an option then points where an author can find it.
 */
function writtenAt(root: JsonObject, node: unknown, pointer: string, through: 'items' | undefined, keyword: string, anchors: AnchorLookup): string {
  let at = pointer;
  if (through) {
    const found = alongRefs(root, node, at, through, false, anchors);
    node = own(found.node, through);
    at = `${found.at}/${through}`;
  }
  return `${alongRefs(root, node, at, keyword, false, anchors).at}/${keyword}`;
}

/**
 * Whether a checkbox option excludes the others: `"x-exclusive": true` says so, `false` says not;
 * unsaid, the option coded `none` is exclusive (every shipped form codes its "None of these" so).
 */
function isExclusive(option: JsonObject): boolean {
  const declared = own(option, 'x-exclusive');
  return typeof declared === 'boolean' ? declared : own(option, 'const') === 'none';
}

/**
 * One option of a choice. Its pointers are worked out when asked for: only lint, translations, the
 * builder and versions read them, and a form at the question limit makes thousands of options before
 * its first render (two strings each, a tenth of its model's memory).
 */
class Option implements QuestionOption {
  readonly #list: string;
  readonly #index: number;
  readonly #titled: boolean;
  constructor(
    readonly code: string,
    readonly value: unknown,
    readonly label: string,
    readonly exclusive: boolean,
    readonly score: number | undefined,
    list: string,
    index: number,
    titled: boolean,
  ) {
    this.#list = list;
    this.#index = index;
    this.#titled = titled;
  }

  get pointer(): string {
    return `${this.#list}/${this.#index}`;
  }

  /** An `enum` entry has no label of its own to point at. */
  get labelPointer(): string | undefined {
    return this.#titled ? `${this.#list}/${this.#index}/title` : undefined;
  }
}

/** The options of `schema` (a choice's shape, or a multiple choice's items), their list written at `at` (KindInfo). */
export function optionsOf(schema: JsonObject | undefined, at: string, multiple: boolean): QuestionOption[] {
  if (!schema) return [];
  const keyword = optionsKeyword(schema);
  if (keyword === undefined) return [];
  const list = schema[keyword] as unknown[];
  if (keyword !== 'enum') {
    const options: QuestionOption[] = [];
    for (let i = 0; i < list.length; i++) {
      const entry: unknown = list[i];
      if (!isObject(entry) || !Object.hasOwn(entry, 'const')) continue;
      const value = entry.const;
      const code = valueText(value);
      const title = entry.title;
      const score = own(entry, 'x-score');
      const label = typeof title === 'string' && Object.hasOwn(entry, 'title') ? title : code;
      options.push(new Option(code, value, label, multiple && isExclusive(entry), typeof score === 'number' && Number.isFinite(score) ? score : undefined, at, i, true));
    }
    return options;
  }
  const options: QuestionOption[] = [];
  for (let i = 0; i < list.length; i++) {
    const value: unknown = list[i];
    const code = valueText(value);
    options.push(new Option(code, value, code, multiple && value === 'none', undefined, at, i, false));
  }
  return options;
}

const constraintKeys = [
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength',
  'pattern', 'minItems', 'maxItems', 'uniqueItems',
] as const;

export function constraintsOf(shape: JsonObject): JsonObject {
  let out: JsonObject | undefined;
  // Indexed, not for…of: run for every question before the first render, while the code is still cold,
  // where each step of an array iterator allocates (a quarter of a megabyte at 1000 questions).
  for (let i = 0; i < constraintKeys.length; i++) {
    const key = constraintKeys[i]!;
    if (Object.hasOwn(shape, key)) (out ??= {})[key] = shape[key];
  }
  const format = own(shape, 'format');
  if (typeof format === 'string') (out ??= {}).format = format;
  // Most questions have none: they share one empty (frozen) object.
  return out ?? NO_CONSTRAINTS;
}
const NO_CONSTRAINTS: JsonObject = Object.freeze({}) as JsonObject;

/** `when` only for a key required under some condition: a form's `required` lists hundreds of keys, and most are required always. */
export type RequiredMap = Map<string, { always: boolean; when?: Map<string, RequiredCondition> }>;

/** Who an object schema requires: `required`, and `required` inside `allOf` / `if`-`then`-`else`. */
export function collectRequired(root: JsonObject, objectSchema: unknown, anchors: AnchorLookup, at: readonly string[] = []): RequiredMap {
  const out: RequiredMap = new Map();
  const visit = (node: unknown, condition: RequiredCondition, depth: number) => {
    if (!isObject(node) || depth > 16) return;
    node = shapeOf(root, node, anchors);
    const required = own(node, 'required');
    if (Array.isArray(required)) {
      for (let i = 0; i < required.length; i++) {
        const key: unknown = required[i];
        if (typeof key !== 'string') continue;
        let entry = out.get(key);
        if (!entry) out.set(key, (entry = { always: false }));
        if (condition.length === 0) entry.always = true;
        else (entry.when ??= new Map()).set(condition.map((c) => (c.negate ? '!' : '') + canonical(c.schema)).join(' && '), condition);
      }
    }
    const allOf = own(node, 'allOf');
    if (Array.isArray(allOf)) for (const sub of allOf) visit(sub, condition, depth + 1);
    const cond = own(node, 'if');
    if (cond !== undefined) {
      visit(own(node, 'then'), [...condition, { schema: cond, negate: false, at }], depth + 1);
      visit(own(node, 'else'), [...condition, { schema: cond, negate: true, at }], depth + 1);
    }
  };
  visit(objectSchema, [], 0);
  return out;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
