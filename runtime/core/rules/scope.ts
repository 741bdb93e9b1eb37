import { tokensFromPointer } from '../problems/pointer';

/**
 * JSON Forms' scope → data path (`toDataPathSegments` in @jsonforms/core): every second segment
 * after `#`, with `anyOf/N`, `then`, `else` dropped. `#` is the whole data.
 */
export function scopeToDataPath(scope: string): readonly string[] {
  let path = dataPaths.get(scope);
  if (!path) {
    // A form has few scopes, each read for every rule of every response: decoded once each.
    if (dataPaths.size >= 10_000) dataPaths.clear();
    path = Object.freeze(decodeScope(scope));
    dataPaths.set(scope, path);
  }
  return path;
}

const dataPaths = new Map<string, readonly string[]>();

function decodeScope(scope: string): string[] {
  const s = scope.replace(/(anyOf|allOf|oneOf)\/\d+\//g, '').replace(/(then|else)\//g, '');
  const segments = s.split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const start = segments[0] === '#' || segments[0] === '' ? 2 : 1;
  const out: string[] = [];
  for (let i = start; i < segments.length; i += 2) out.push(segments[i]!);
  return out;
}

/** The value at a data path, reading own properties only (never `__proto__` and friends). */
export function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = data;
  for (const token of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token as string];
  }
  return node;
}

/** The schema a scope names, following local `$ref`s on the way; undefined when it names nothing. */
export function schemaAtScope(schema: unknown, scope: string, rootSchema: unknown = schema): unknown {
  if (!scope.startsWith('#')) return undefined;
  let node: unknown = schema;
  for (const token of tokensFromPointer(scope)) {
    node = followRef(node, rootSchema);
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return followRef(node, rootSchema);
}

function followRef(node: unknown, root: unknown, hops = 0): unknown {
  if (hops > 16 || node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const ref = (node as Record<string, unknown>).$ref;
  if (!Object.prototype.hasOwnProperty.call(node, '$ref') || typeof ref !== 'string' || !ref.startsWith('#')) return node;
  let target: unknown = root;
  for (const token of tokensFromPointer(ref)) {
    if (target === null || typeof target !== 'object' || !Object.prototype.hasOwnProperty.call(target, token)) return undefined;
    target = (target as Record<string, unknown>)[token];
  }
  return followRef(target, root, hops + 1);
}
