/**
 * A schema-aware walk: visits every subschema of a JSON Schema (draft 2020-12, plus the older
 * `definitions`/`additionalItems`/array `items`), never values such as `const`, `enum` or `x-*`.
 * Iterative, so a deep schema cannot overflow the stack.
 */
export type SchemaPath = Array<string | number>;

const SINGLE = ['not', 'if', 'then', 'else', 'contains', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems', 'items', 'contentSchema'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

export function isSchemaObject(node: unknown): node is Record<string, unknown> {
  return node !== null && typeof node === 'object' && !Array.isArray(node);
}

export function ownValue(node: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
}

/** Calls `visit` for each object subschema with its path from the root; `visit` returning false stops the walk. */
export function walkSchema(root: unknown, visit: (schema: Record<string, unknown>, path: SchemaPath) => void | boolean): void {
  const stack: Array<{ node: unknown; path: SchemaPath }> = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (!isSchemaObject(node)) continue;
    if (visit(node, path) === false) return;
    for (const key of SINGLE) {
      const child = ownValue(node, key);
      if (isSchemaObject(child)) stack.push({ node: child, path: [...path, key] });
    }
    for (const key of LIST) {
      const child = ownValue(node, key);
      if (Array.isArray(child)) child.forEach((c, i) => stack.push({ node: c, path: [...path, key, i] }));
    }
    for (const key of MAP) {
      const child = ownValue(node, key);
      if (isSchemaObject(child)) for (const name of Object.keys(child)) stack.push({ node: child[name], path: [...path, key, name] });
    }
  }
}

/** The subschemas applied to the same instance location (no data consumed): the edges a `$ref` cycle runs along. */
export function inPlaceChildren(node: Record<string, unknown>): SchemaPath[] {
  const out: SchemaPath[] = [];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = ownValue(node, key);
    if (Array.isArray(list)) list.forEach((_, i) => out.push([key, i]));
  }
  for (const key of ['not', 'if', 'then', 'else']) if (isSchemaObject(ownValue(node, key))) out.push([key]);
  const dependent = ownValue(node, 'dependentSchemas');
  if (isSchemaObject(dependent)) for (const name of Object.keys(dependent)) out.push(['dependentSchemas', name]);
  return out;
}

/** How many object subschemas a schema has, counting no further than `max + 1`. */
export function countSchemas(root: unknown, max: number): number {
  let count = 0;
  walkSchema(root, () => ++count <= max);
  return count;
}
