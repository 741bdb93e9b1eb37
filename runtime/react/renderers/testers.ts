import type { JsonSchema, RankedTester, Tester, TesterContext, UISchemaElement } from '../jsonFormsShapes';

/**
 * JSON Forms' tester vocabulary (`rankWith`, `and`, `isEnumControl`, …), with its semantics, for the
 * testers our renderers use. Why not import them from `@jsonforms/core`: its module imports AJV and
 * 280 lodash modules at the top, which a host's bundler cannot drop (CommonJS), so every embedding
 * app paid about 55 KiB gzip for 18 one-line predicates; and its lodash `isEmpty` over a large root
 * schema made first render quadratic. The types are JSON Forms' own, so any JSON Forms tester still
 * plugs in, and test/unit/react/renderers/testers-parity.test.ts checks each predicate against
 * `@jsonforms/core`'s on generated schemas.
 */

type Loose = Record<string, unknown>;

/** lodash `isEmpty`, which JSON Forms' predicates are written in terms of. */
function isEmpty(value: unknown): boolean {
  if (value == null) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (typeof value !== 'object') return true;
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}

/** lodash `get` for one path segment: a key the object has wins over a dotted path. */
function getSegment(value: unknown, segment: string): unknown {
  if (value == null) return undefined;
  const object = Object(value) as Loose;
  if (segment in object || !/[.[]/.test(segment)) return object[segment];
  let current: unknown = value;
  for (const part of segment.split(/[.[\]]/).filter(Boolean)) {
    if (current == null) return undefined;
    current = (Object(current) as Loose)[part.replace(/^["']|["']$/g, '')];
  }
  return current;
}

function deriveTypes(schema: JsonSchema | undefined): string[] {
  if (isEmpty(schema)) return [];
  const s = schema as Loose;
  if (!isEmpty(s.type) && typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  if (!isEmpty(s.properties) || !isEmpty(s.additionalProperties)) return ['object'];
  if (!isEmpty(s.items)) return ['array'];
  if (!isEmpty(s.enum)) {
    const types = new Set<string>();
    for (const e of s.enum as unknown[]) {
      if (typeof e === 'string') types.add('string');
      else for (const t of deriveTypes(e as JsonSchema)) types.add(t);
    }
    return [...types];
  }
  if (!isEmpty(s.allOf)) {
    const typed = (s.allOf as JsonSchema[]).find((sub) => deriveTypes(sub).length !== 0);
    if (typed) return deriveTypes(typed);
  }
  return [];
}

function hasType(schema: JsonSchema | undefined, expected: string): boolean {
  // Ranking asks this of every control about twenty times: a schema with its own non-empty string
  // `type` (nearly every one) answers without building deriveTypes' list.
  const type = schema !== null && typeof schema === 'object' && Object.hasOwn(schema, 'type') ? (schema as Loose).type : undefined;
  if (typeof type === 'string' && type !== '') return type === expected;
  return deriveTypes(schema).includes(expected);
}

const decode = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/, '~');

/**
 * JSON Forms' `resolveSchema`: walk the scope's segments, following `$ref` (from the root) at each
 * step and falling back to `oneOf`/`allOf`/`anyOf`/`then`/`else` where a segment is not found.
 * `seen` breaks reference cycles, as JSON Forms' resolution map does.
 */
function resolveSchema(schema: JsonSchema | undefined, path: string, root: JsonSchema, seen: Seen = new Map()): JsonSchema | undefined {
  let resolved: JsonSchema | undefined;
  const ref = (schema as Loose | undefined)?.$ref;
  if (schema && typeof ref === 'string') {
    const base = resolvePath(root, ref, root, seen);
    if (base !== undefined) resolved = resolvePath(base, path, root, seen);
  }
  return resolved ?? resolvePath(schema, path, root, seen);
}

function resolvePath(schema: JsonSchema | undefined, path: string, root: JsonSchema, seen: Seen): JsonSchema | undefined {
  let visited = seen.get(schema);
  if (!visited) seen.set(schema, (visited = new Set()));
  if (visited.has(path)) return undefined;
  visited.add(path);
  const result = withCombinators(schema, path.split('/').map(decode), root, seen);
  visited.delete(path);
  return result;
}

/**
 * Far more than any real form needs. JSON Forms itself overflows the stack on
 * `oneOf: [{ $ref: itself }]`, and branching combinators under cycles are exponential: a budget of
 * steps per resolution keeps a hostile schema from hanging the page.
 */
const MAX_RESOLUTION_DEPTH = 64;
const MAX_RESOLUTION_STEPS = 10_000;
type Seen = Map<unknown, Set<string>> & { steps?: number };

function withCombinators(schema: JsonSchema | undefined, segments: string[], root: JsonSchema, seen: Seen, depth = 0): JsonSchema | undefined {
  if (segments.length === 0) return schema;
  seen.steps = (seen.steps ?? 0) + 1;
  if (isEmpty(schema) || depth > MAX_RESOLUTION_DEPTH || seen.steps > MAX_RESOLUTION_STEPS) return undefined;
  const direct = walk(schema, segments, root, seen);
  if (direct !== undefined) return direct;
  const s = schema as Loose;
  const alternatives = ([] as unknown[]).concat(s.oneOf ?? [], s.allOf ?? [], s.anyOf ?? [], s.then ?? [], s.else ?? []) as JsonSchema[];
  for (const alternative of alternatives) {
    const sub = alternative && typeof (alternative as Loose).$ref === 'string' ? resolveSchema(root, (alternative as Loose).$ref as string, root, seen) : alternative;
    const found = withCombinators(sub, segments, root, seen, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function walk(schema: JsonSchema | undefined, segments: string[], root: JsonSchema, seen: Seen): JsonSchema | undefined {
  if (segments.length === 0) return schema;
  if (isEmpty(schema)) return undefined;
  const step = singleStep(schema, segments);
  const ref = (step.schema as Loose | undefined)?.$ref;
  if (step.schema && typeof ref === 'string') step.schema = resolveSchema(root, ref, root, seen);
  return withCombinators(step.schema, step.rest, root, seen);
}

/** One segment, skipping the empty and `#` ones as JSON Forms does. */
function singleStep(schema: JsonSchema | undefined, segments: string[]): { schema: JsonSchema | undefined; rest: string[] } {
  if (segments.length === 0) return { schema, rest: [] };
  if (isEmpty(schema)) return { schema: undefined, rest: segments };
  const [segment, ...rest] = segments as [string, ...string[]];
  if (segment === '#' || segment === '') return singleStep(schema, rest);
  return { schema: getSegment(schema, segment) as JsonSchema | undefined, rest };
}

/**
 * Ranking one control asks about twenty predicates, each resolving the same scope in the same
 * schema: the last resolution is kept, so a control resolves its scope once (schemas are not
 * mutated while a form is shown). JSON Forms resolves twenty times; the answer is the same.
 */
let lastScope: { schema: JsonSchema; scope: string; root: JsonSchema | undefined; resolved: JsonSchema | undefined } | undefined;
function resolveScope(schema: JsonSchema, scope: string, root: JsonSchema | undefined): JsonSchema | undefined {
  if (lastScope && lastScope.schema === schema && lastScope.scope === scope && lastScope.root === root) return lastScope.resolved;
  const resolved = directProperty(schema, scope) ?? resolveSchema(schema, scope, root as JsonSchema);
  lastScope = { schema, scope, root, resolved };
  return resolved;
}

/**
 * `#/properties/key` naming an own property with no `$ref` of its own, in a schema without a
 * top-level `$ref`: what resolveSchema would find in its first, direct walk, without splitting and
 * decoding the scope. Anything else (undefined) takes the full resolution.
 */
function directProperty(schema: JsonSchema, scope: string): JsonSchema | undefined {
  if (!scope.startsWith('#/properties/')) return undefined;
  const key = scope.slice(13);
  if (key === '' || key.includes('/') || key.includes('~')) return undefined;
  const s = schema as Loose;
  if (typeof s.$ref === 'string') return undefined;
  const props = s.properties as Loose | undefined;
  if (props === null || typeof props !== 'object' || typeof props.$ref === 'string' || !Object.hasOwn(props, key)) return undefined;
  const found = props[key] as Loose | undefined;
  if (found === null || typeof found !== 'object' || typeof found.$ref === 'string') return undefined;
  return found as JsonSchema;
}

export const isControl = (uischema: unknown): boolean => !isEmpty(uischema) && (uischema as Loose).scope !== undefined;

export const schemaMatches =
  (predicate: (schema: JsonSchema, rootSchema: JsonSchema) => boolean): Tester =>
  (uischema, schema, context) => {
    if (isEmpty(uischema) || !isControl(uischema) || isEmpty(schema)) return false;
    const scope = (uischema as unknown as Loose).scope as string;
    if (isEmpty(scope)) return false;
    const resolved = hasType(schema, 'object') ? resolveScope(schema, scope, context?.rootSchema) : schema;
    return resolved === undefined ? false : predicate(resolved, context?.rootSchema);
  };

function schemaSubPathMatches(subPath: string, predicate: (schema: JsonSchema, rootSchema: JsonSchema) => boolean): Tester {
  return (uischema, schema, context) => {
    if (isEmpty(uischema) || !isControl(uischema)) return false;
    const resolved = hasType(schema, 'object') ? resolveScope(schema, (uischema as unknown as Loose).scope as string, context?.rootSchema) : schema;
    const sub = getSegment(resolved, subPath) as JsonSchema | undefined;
    return sub === undefined ? false : predicate(sub, context?.rootSchema);
  };
}

const schemaTypeIs = (expected: string): Tester => schemaMatches((s) => !isEmpty(s) && hasType(s, expected));
const formatIs = (expected: string): Tester => schemaMatches((s) => !isEmpty(s) && (s as Loose).format === expected && hasType(s, 'string'));

export const uiTypeIs =
  (expected: string): Tester =>
  (uischema) =>
    !isEmpty(uischema) && uischema.type === expected;

export const optionIs =
  (name: string, value: unknown): Tester =>
  (uischema) => {
    if (isEmpty(uischema)) return false;
    const options = uischema.options as Loose | undefined;
    return !isEmpty(options) && options![name] === value;
  };

/** A Control whose scope ends with `expected` (how a host singles out one question for its renderer). */
export const scopeEndsWith =
  (expected: string): Tester =>
  (uischema) =>
    !isEmpty(expected) && isControl(uischema) && String((uischema as unknown as Loose).scope).endsWith(expected);

export const and =
  (...testers: Tester[]): Tester =>
  (uischema, schema, context) => {
    for (const t of testers) if (!t(uischema, schema, context)) return false;
    return true;
  };

export const or =
  (...testers: Tester[]): Tester =>
  (uischema, schema, context) => {
    for (const t of testers) if (t(uischema, schema, context)) return true;
    return false;
  };

export const not =
  (tester: Tester): Tester =>
  (uischema, schema, context) =>
    !tester(uischema, schema, context);

export const rankWith =
  (rank: number, tester: Tester): RankedTester =>
  (uischema, schema, context) =>
    tester(uischema, schema, context) ? rank : -1;

const isEnumSchema = (s: JsonSchema) => !!s && typeof s === 'object' && (Object.prototype.hasOwnProperty.call(s, 'enum') || Object.prototype.hasOwnProperty.call(s, 'const'));
const isOneOfEnumSchema = (s: JsonSchema) =>
  !!s && Object.prototype.hasOwnProperty.call(s, 'oneOf') && !!(s as Loose).oneOf && ((s as Loose).oneOf as Loose[]).every((o) => o.const !== undefined);

export const isBooleanControl = and(uiTypeIs('Control'), schemaTypeIs('boolean'));
export const isEnumControl = and(uiTypeIs('Control'), schemaMatches(isEnumSchema));
export const isOneOfEnumControl = and(uiTypeIs('Control'), schemaMatches(isOneOfEnumSchema));
export const isIntegerControl = and(uiTypeIs('Control'), schemaTypeIs('integer'));
export const isNumberControl = and(uiTypeIs('Control'), schemaTypeIs('number'));
export const isStringControl = and(uiTypeIs('Control'), schemaTypeIs('string'));
export const isMultiLineControl = and(uiTypeIs('Control'), optionIs('multi', true));
export const isDateControl = and(uiTypeIs('Control'), or(formatIs('date'), optionIs('format', 'date')));
export const isTimeControl = and(uiTypeIs('Control'), or(formatIs('time'), optionIs('format', 'time')));
export const isDateTimeControl = and(uiTypeIs('Control'), or(formatIs('date-time'), optionIs('format', 'date-time')));
export const isObjectArrayControl = and(
  uiTypeIs('Control'),
  and(
    schemaMatches((s, root) => hasType(s, 'array') && !Array.isArray(resolveSchema(s, 'items', root))),
    schemaSubPathMatches('items', (s, root) => {
      const ref = (s as Loose).$ref;
      return hasType(typeof ref === 'string' ? resolveSchema(root, ref, root) : s, 'object');
    }),
  ),
);

export type { RankedTester, Tester, TesterContext, UISchemaElement };
