import type { Definition, Sensitivity } from '../definition/envelope';
import { escapePointerToken } from '../model/pointers';
import { FORBIDDEN_KEYS } from '../safety/limits';

/**
 * The questions of a definition as exports see them (docs/definition-format.md, "Answers are
 * flat"): one per top-level property, group items inside their group, in declaration order, which
 * is the documented column order. Read with own properties only; a local `$ref` is followed for
 * the shape (type, options), never for `x-code`, `title` or `x-sensitivity`.
 */
export type QuestionType =
  | 'text' | 'long-text' | 'integer' | 'decimal' | 'boolean' | 'choice' | 'multi-choice'
  | 'date' | 'time' | 'date-time' | 'group';

export interface ExportOption {
  code: string;
  label: string;
}

export interface ExportQuestion {
  key: string;
  code: string;
  title: string;
  description?: string;
  type: QuestionType;
  options: ExportOption[];
  required: boolean;
  sensitivity?: Sensitivity;
  computed?: ComputedSpec;
  maxLength?: number;
  /** JSON pointer of the property in the definition file. */
  pointer: string;
  /** For a group: its item questions. For an item: the group's key. */
  items?: ExportQuestion[];
  groupKey?: string;
}

export type ComputedSpec = { op: 'count'; of: string[]; equals: unknown } | { op: 'sum'; of: string[] };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: unknown, k: string): unknown => (isObject(o) && Object.hasOwn(o, k) ? o[k] : undefined);

const cache = new WeakMap<object, ExportQuestion[]>();

/** The questions of a definition, top level first (groups carry their items). Cached per definition object. */
export function exportQuestions(definition: Pick<Definition, 'schema' | 'uischema'>): ExportQuestion[] {
  const hit = cache.get(definition);
  if (hit) return hit;
  const schema = definition.schema;
  const multiKeys = multiLineKeys(definition.uischema);
  const list = readProperties(schema, schema, '/schema', multiKeys, undefined);
  cache.set(definition, list);
  return list;
}

/** Every question including group items, flattened in column order. */
export function allQuestions(questions: readonly ExportQuestion[]): ExportQuestion[] {
  return questions.flatMap((q) => (q.items ? [q, ...q.items] : [q]));
}

function readProperties(root: Json, node: Json, pointer: string, multiKeys: Set<string>, groupKey: string | undefined): ExportQuestion[] {
  const props = own(node, 'properties');
  if (!isObject(props)) return [];
  const requiredList = own(node, 'required');
  const required = new Set(Array.isArray(requiredList) ? requiredList.filter((r): r is string => typeof r === 'string') : []);
  const out: ExportQuestion[] = [];
  for (const key of Object.keys(props)) {
    const prop = props[key];
    // The loader refuses these keys; a definition built in memory could still carry them.
    if (!isObject(prop) || FORBIDDEN_KEYS.has(key)) continue;
    const propPointer = `${pointer}/properties/${escapePointerToken(key)}`;
    const shape = resolve(root, prop);
    const code = typeof prop['x-code'] === 'string' ? prop['x-code'] : key;
    const q: ExportQuestion = {
      key,
      code,
      title: str(own(prop, 'title')) ?? str(own(shape, 'title')) ?? key,
      type: 'text',
      options: [],
      required: required.has(key),
      pointer: propPointer,
    };
    const description = str(own(prop, 'description')) ?? str(own(shape, 'description'));
    if (description) q.description = description;
    const sensitivity = own(prop, 'x-sensitivity');
    if (sensitivity === 'sensitive' || sensitivity === 'special-category') q.sensitivity = sensitivity;
    const computed = own(prop, 'x-computed');
    if (isObject(computed) && Array.isArray(computed.of) && (computed.op === 'count' || computed.op === 'sum')) {
      q.computed = computed.op === 'count'
        ? { op: 'count', of: computed.of.filter((k): k is string => typeof k === 'string'), equals: computed.equals }
        : { op: 'sum', of: computed.of.filter((k): k is string => typeof k === 'string') };
    }
    if (groupKey !== undefined) q.groupKey = groupKey;
    const type = own(shape, 'type');
    if (type === 'array') {
      const items = resolve(root, own(shape, 'items'));
      if (isObject(own(items, 'properties')) && groupKey === undefined) {
        q.type = 'group';
        q.items = readProperties(root, items, `${propPointer}/items`, multiKeys, key);
      } else {
        q.type = 'multi-choice';
        q.options = optionsOf(items);
      }
    } else if (type === 'boolean') q.type = 'boolean';
    else if (type === 'integer') q.type = 'integer';
    else if (type === 'number') q.type = 'decimal';
    else {
      const options = optionsOf(shape);
      const format = own(shape, 'format');
      const maxLength = own(shape, 'maxLength');
      if (typeof maxLength === 'number') q.maxLength = maxLength;
      if (options.length) {
        q.type = 'choice';
        q.options = options;
      } else if (format === 'date') q.type = 'date';
      else if (format === 'time') q.type = 'time';
      else if (format === 'date-time') q.type = 'date-time';
      else if (multiKeys.has(groupKey === undefined ? key : `${groupKey}/${key}`) || (typeof maxLength === 'number' && maxLength > 500)) q.type = 'long-text';
    }
    out.push(q);
  }
  return out;
}

function optionsOf(schema: unknown): ExportOption[] {
  const list = own(schema, 'oneOf') ?? own(schema, 'anyOf');
  if (Array.isArray(list)) {
    return list.filter(isObject).filter((o) => Object.hasOwn(o, 'const')).map((o) => ({ code: String(o.const), label: str(o.title) ?? String(o.const) }));
  }
  const values = own(schema, 'enum');
  return Array.isArray(values) ? values.map((v) => ({ code: String(v), label: String(v) })) : [];
}

/** Follows local `#/$defs/…` references (a few hops at most) and lays the property's own keywords over the target. */
function resolve(root: Json, node: unknown): Json {
  let current: unknown = node;
  let merged: Json = {};
  for (let hops = 0; hops < 8 && isObject(current); hops++) {
    merged = { ...current, ...merged };
    const ref = own(current, '$ref');
    if (typeof ref !== 'string' || !ref.startsWith('#/')) break;
    delete merged.$ref;
    let target: unknown = root;
    for (const token of ref.slice(2).split('/')) target = own(target, decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~'));
    current = target;
  }
  return merged;
}

/** Keys of controls with `options.multi` (long text), including `group/item` inside a group's detail. */
function multiLineKeys(uischema: unknown): Set<string> {
  const keys = new Set<string>();
  const stack: Array<{ node: unknown; prefix: string }> = [{ node: uischema, prefix: '' }];
  while (stack.length) {
    const { node, prefix } = stack.pop()!;
    if (!isObject(node)) continue;
    const scope = own(node, 'scope');
    const key = typeof scope === 'string' ? scope.split('/').pop() : undefined;
    if (key && own(own(node, 'options'), 'multi') === true) keys.add(prefix + key);
    const elements = own(node, 'elements');
    if (Array.isArray(elements)) for (const e of elements) stack.push({ node: e, prefix });
    const detail = own(own(node, 'options'), 'detail');
    if (key && detail) stack.push({ node: detail, prefix: `${key}/` });
  }
  return keys;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
