import { isObject } from '../rules/condition';

/** What a question asks for, as far as wording a problem needs to know. */
export type QuestionKind = 'yes-no' | 'choice' | 'multiple-choice' | 'group' | 'number' | 'whole-number' | 'date' | 'time' | 'date-time' | 'email' | 'text';

export interface QuestionInfo {
  /** Pointer of the answer: `/key` or `/group/0/key`. */
  pointer: string;
  key: string;
  title: string;
  kind: QuestionKind;
  schema: Record<string, unknown>;
}

/**
 * The question an answer pointer (or a pointer inside an answer) belongs to: top-level
 * properties are questions, and so are the item properties of a repeatable group.
 */
export function questionAt(rootSchema: Record<string, unknown>, tokens: readonly string[]): QuestionInfo | undefined {
  if (tokens.length === 0) return undefined;
  const key = tokens[0]!;
  const own = property(rootSchema, key, rootSchema);
  if (!own) return undefined;
  const resolved = resolve(own, rootSchema);
  const top: QuestionInfo = { pointer: '/' + escape(key), key, title: titleOf(own, key), kind: kindOf(resolved, rootSchema), schema: resolved };
  if (top.kind !== 'group' || tokens.length < 3 || !/^\d+$/.test(tokens[1]!)) return top;
  const items = resolve(resolved.items, rootSchema);
  const itemKey = tokens[2]!;
  const inner = property(items, itemKey, rootSchema);
  if (!inner) return top;
  const innerResolved = resolve(inner, rootSchema);
  return {
    pointer: `${top.pointer}/${tokens[1]}/${escape(itemKey)}`,
    key: itemKey,
    title: titleOf(inner, itemKey),
    kind: kindOf(innerResolved, rootSchema),
    schema: innerResolved,
  };
}

function property(schema: Record<string, unknown>, key: string, root: Record<string, unknown>): Record<string, unknown> | undefined {
  const props = resolve(schema, root).properties;
  if (!isObject(props) || !Object.prototype.hasOwnProperty.call(props, key)) return undefined;
  const p = props[key];
  return isObject(p) ? p : undefined;
}

/** Follows local `$ref`s a few hops, keeping the referring schema's own keywords on top. */
function resolve(schema: unknown, root: Record<string, unknown>): Record<string, unknown> {
  let node = isObject(schema) ? schema : {};
  for (let hops = 0; hops < 8 && typeof node.$ref === 'string' && node.$ref.startsWith('#/'); hops++) {
    let target: unknown = root;
    for (const token of node.$ref.slice(2).split('/').map((t) => decodeToken(t))) {
      target = isObject(target) && Object.prototype.hasOwnProperty.call(target, token) ? target[token] : undefined;
    }
    if (!isObject(target)) break;
    const { $ref: _ref, ...rest } = node;
    node = { ...target, ...rest };
  }
  return node;
}

function kindOf(schema: Record<string, unknown>, root: Record<string, unknown>): QuestionKind {
  const type = schema.type;
  if (type === 'boolean') return 'yes-no';
  if (type === 'array') {
    const items = resolve(schema.items, root);
    return isObject(items.properties) ? 'group' : 'multiple-choice';
  }
  if (Array.isArray(schema.enum) || Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return 'choice';
  if (type === 'integer') return 'whole-number';
  if (type === 'number') return 'number';
  if (schema.format === 'date' || schema.format === 'time' || schema.format === 'date-time' || schema.format === 'email') return schema.format;
  return 'text';
}

function titleOf(schema: Record<string, unknown>, key: string): string {
  if (typeof schema.title === 'string' && schema.title.trim()) return schema.title.trim();
  // camelCase or snake_case key → "child age"
  return key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function decodeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
