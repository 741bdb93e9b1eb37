/**
 * The one place JSON pointers and UI scopes are decoded. Three spellings meet in a definition:
 * - RFC 6901 pointers (`/schema/properties/a~1b`): problems, translations, answer paths;
 * - `$ref` values, which are URI fragments (`#/$defs/a%20b`): percent-decoded, as AJV reads them;
 * - UI scopes (`#/properties/a`), read as JSON Forms reads them: split on `/`, `~1` and `~0`
 *   unescaped, never percent-decoded. `#/properties/rate%20pct` therefore names a property
 *   called `rate%20pct`, for our runtime, lint and exports exactly as for any JSON Forms renderer.
 */

export function escapePointerToken(token: string | number): string {
  const text = String(token);
  // Nearly every key needs no escaping, and the form model escapes every question's key several times.
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

function unescapeToken(token: string): string {
  // Most tokens hold no `~`: a scope is decoded for every control of a form on its first render.
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

export function pointerFromTokens(tokens: ReadonlyArray<string | number>): string {
  return tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

/**
 * Tokens of an RFC 6901 pointer, or of a `#…` URI fragment (a `$ref`), percent-decoded.
 * Throws URIError on malformed percent-encoding in a fragment; `refTokens` answers undefined instead.
 */
export function tokensFromPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? decodeURIComponent(pointer.slice(1)) : pointer;
  if (!body.startsWith('/')) return [body];
  return body.slice(1).split('/').map(unescapeToken);
}

/** Tokens of a local `$ref` (`#/…`), or undefined when it is not one or its percent-encoding is malformed. */
export function refTokens(ref: string): string[] | undefined {
  if (!ref.startsWith('#') || (ref.length > 1 && ref[1] !== '/')) return undefined;
  try {
    return tokensFromPointer(ref);
  } catch {
    return undefined;
  }
}

/** Schema-path tokens of a UI scope (`#/properties/a` → ['properties', 'a']); undefined unless it starts with `#`. */
export function scopeTokens(scope: string): string[] | undefined {
  if (scope === '#') return [];
  if (!scope.startsWith('#/')) return undefined;
  return scope.slice(2).split('/').map(unescapeToken);
}

/**
 * The scope a URI-fragment spelling (`#/properties/rate%20pct`) was meant as: each token
 * percent-decoded, then written back as JSON Forms reads scopes (a decoded `/` becomes `~1`).
 * Undefined when nothing decodes, or the encoding is malformed. Only for suggesting a fix:
 * scopes themselves are never read decoded.
 */
export function percentDecodedScope(scope: string): string | undefined {
  const tokens = scopeTokens(scope);
  if (!tokens || !/%[0-9A-Fa-f]{2}/.test(scope)) return undefined;
  try {
    return '#' + pointerFromTokens(tokens.map((t) => decodeURIComponent(t)));
  } catch {
    return undefined; // malformed percent-encoding: nothing sensible to suggest
  }
}

const dataPaths = new Map<string, readonly string[]>();

/**
 * JSON Forms' scope → data path (`toDataPathSegments` in @jsonforms/core): every second segment
 * after `#`, with `anyOf/N`, `allOf/N`, `oneOf/N`, `then`, `else` dropped. `#` is the whole data.
 * (JSON Forms unescapes only the first `~0` of a segment; we unescape all, as RFC 6901 says.)
 */
export function scopeToDataPath(scope: string): readonly string[] {
  let path = dataPaths.get(scope);
  if (!path) {
    // A form has few scopes, each read for every rule of every response: decoded once each.
    if (dataPaths.size >= 10_000) dataPaths.clear();
    const s = scope.replace(/(anyOf|allOf|oneOf)\/\d+\//g, '').replace(/(then|else)\//g, '');
    const segments = s.split('/').map(unescapeToken);
    const start = segments[0] === '#' || segments[0] === '' ? 2 : 1;
    const out: string[] = [];
    for (let i = start; i < segments.length; i += 2) out.push(segments[i]!);
    path = Object.freeze(out);
    dataPaths.set(scope, path);
  }
  return path;
}

/**
 * The property path a plain scope names (`#/properties/a/properties/b` → ['a', 'b'], `#` → []),
 * or null when the scope goes through anything but `properties` (it names no answer we follow).
 */
export function scopePropertyPath(scope: string): string[] | null {
  const tokens = scopeTokens(scope);
  if (!tokens) return null;
  const path: string[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    if (tokens[i] !== 'properties' || tokens[i + 1] === undefined) return null;
    path.push(tokens[i + 1]!);
  }
  return path;
}

/** The key a scope of one property names (`#/properties/a` → 'a'), else null. */
export function scopeKey(scope: unknown): string | null {
  if (typeof scope !== 'string') return null;
  const path = scopePropertyPath(scope);
  return path && path.length === 1 ? path[0]! : null;
}

/** The scope JSON Forms writes for a property. */
export function scopeOfKey(key: string): string {
  return `#/properties/${escapePointerToken(key)}`;
}

/** The value at a data path, reading own properties only (never `__proto__` and friends). */
export function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = data;
  for (let i = 0; i < path.length; i++) {
    const token = path[i]!;
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token as string];
  }
  return node;
}

/**
 * `data` (an object of answers) with `value` at `path`, copying only the objects on the way;
 * `undefined` removes the value, and an object left empty by that goes too (an answer grouped in an
 * object that is cleared leaves no `{}` behind). Own properties only.
 */
export function withValueAt(data: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const base = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const [head, ...rest] = path as [string, ...string[]];
  const inner = withValueAt(valueAt(base, [head]), rest, value);
  const out: Record<string, unknown> = { ...base };
  const empty = inner !== null && typeof inner === 'object' && !Array.isArray(inner) && Object.keys(inner).length === 0;
  if (inner === undefined || (empty && rest.length > 0)) delete out[head];
  else out[head] = inner;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Reads the value at an RFC 6901 pointer (or `#` fragment) without walking into inherited properties. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let tokens: string[];
  try {
    tokens = tokensFromPointer(pointer);
  } catch {
    return undefined;
  }
  return valueAt(root, tokens);
}

/** The schema a scope names, following local `$ref`s on the way; undefined when it names nothing. */
export function schemaAtScope(schema: unknown, scope: string, rootSchema: unknown = schema): unknown {
  const tokens = scopeTokens(scope);
  if (!tokens) return undefined;
  let node: unknown = schema;
  for (const token of tokens) {
    node = followRef(node, rootSchema);
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return followRef(node, rootSchema);
}

function followRef(node: unknown, root: unknown, hops = 0): unknown {
  if (hops > 16 || node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  if (!Object.prototype.hasOwnProperty.call(node, '$ref')) return node;
  const ref = (node as Record<string, unknown>).$ref;
  const tokens = typeof ref === 'string' ? refTokens(ref) : undefined;
  if (!tokens) return node;
  return followRef(valueAt(root, tokens), root, hops + 1);
}
