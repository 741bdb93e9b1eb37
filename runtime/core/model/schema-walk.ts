import { escapePointerToken, tokensFromPointer } from './pointers';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own property only: definitions come from files and must never reach Object.prototype. */
export function own(node: unknown, key: string): unknown {
  return isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

const singleSchemaKeywords = [
  'not', 'if', 'then', 'else', 'items', 'contains', 'additionalProperties', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'additionalItems',
] as const;
const arraySchemaKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const mapSchemaKeywords = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;

/**
 * Every subschema of a JSON Schema with its JSON pointer, following only the keywords whose
 * values are schemas (so the data in `const`, `enum`, `default` or `x-*` is never mistaken for a
 * schema, and a property named `x-foo` is not a keyword). Iterative, so depth cannot overflow.
 */
export function walkSchema(root: unknown, rootPointer: string, visit: (node: JsonObject, pointer: string) => void): void {
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: root, pointer: rootPointer }];
  while (stack.length) {
    const { node, pointer } = stack.pop()!;
    if (!isObject(node)) continue;
    visit(node, pointer);
    const children: Array<{ node: unknown; pointer: string }> = [];
    for (const key of singleSchemaKeywords) {
      if (Object.hasOwn(node, key)) children.push({ node: node[key], pointer: `${pointer}/${key}` });
    }
    for (const key of arraySchemaKeywords) {
      const list = own(node, key);
      if (Array.isArray(list)) list.forEach((child, i) => children.push({ node: child, pointer: `${pointer}/${key}/${i}` }));
    }
    for (const key of mapSchemaKeywords) {
      const map = own(node, key);
      if (isObject(map)) {
        for (const name of Object.keys(map)) children.push({ node: map[name], pointer: `${pointer}/${key}/${escapePointerToken(name)}` });
      }
    }
    // Reverse so the walk visits in document order, which keeps problem lists in reading order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Is a `$ref` value local to the document (`#…`)? Anything else would need fetching. */
export function isLocalRef(ref: string): boolean {
  return ref.startsWith('#');
}

/**
 * The node a local `$ref` names inside `root` (a JSON pointer fragment, or a plain-name
 * `$anchor`), or undefined. Never fetches anything.
 */
export function resolveLocalRef(root: unknown, ref: string, anchors: AnchorLookup): { node: unknown; pointer: string } | undefined {
  if (!isLocalRef(ref)) return undefined;
  const fragment = ref.slice(1);
  if (fragment !== '' && !fragment.startsWith('/')) {
    const pointer = anchors.get(fragment);
    return pointer === undefined ? undefined : { node: atPointer(root, pointer), pointer };
  }
  let tokens: string[];
  try {
    tokens = tokensFromPointer(ref);
  } catch {
    return undefined; // malformed percent-encoding
  }
  let node: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) >= node.length) return undefined;
      node = node[Number(token)];
    } else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return { node, pointer: tokens.map((t) => '/' + escapePointerToken(t)).join('') };
}

export function atPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of tokensFromPointer(pointer)) {
    if (Array.isArray(node)) node = /^\d+$/.test(token) ? node[Number(token)] : undefined;
    else node = own(node, token);
    if (node === undefined) return undefined;
  }
  return node;
}

/** Plain-name `$anchor` → pointer inside the schema. */
export interface AnchorLookup {
  get(name: string): string | undefined;
}

/** The anchors of a schema, collected on the first lookup: most forms have none and never ask. */
export function lazyAnchors(schema: unknown): AnchorLookup {
  let anchors: Map<string, string> | undefined;
  return { get: (name) => (anchors ??= collectAnchors(schema)).get(name) };
}

/** `$anchor` names → pointer (relative to the schema root), for plain-name fragments. */
export function collectAnchors(schema: unknown): Map<string, string> {
  const anchors = new Map<string, string>();
  walkSchema(schema, '', (node, pointer) => {
    const anchor = own(node, '$anchor');
    if (typeof anchor === 'string' && !anchors.has(anchor)) anchors.set(anchor, pointer);
  });
  return anchors;
}
