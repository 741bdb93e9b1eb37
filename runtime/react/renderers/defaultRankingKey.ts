import type { JsonSchema, UiElement } from '../model/formModel';

type Loose = Record<string, unknown>;

/**
 * Everything the default renderers' testers read of a top-level question's Control and schema, as
 * a string: two questions with the same key are ranked alike, so a form using the default set ranks
 * each kind of question once. Ranking ran twelve testers of nested closures per Control, 40 ms of a
 * 1000-question form's first render (issue 15's bench); the key costs a few property reads.
 *
 * Undefined, so ranked by the testers themselves, wherever a tester would look further than this
 * reads: a `$ref` or combinator to resolve, a type to derive rather than read, options or items of
 * an unusual shape, a scope other than `#/properties/<key>`. Written against the testers in
 * testers.ts and the default entries (renderers/index.ts); test/unit/react/default-ranking-key.property.test.ts
 * holds it to them on generated questions, so a tester that starts reading something else fails there.
 */
export function defaultRankingKey(uischema: UiElement, path: string | readonly string[], property: JsonSchema | undefined): string | undefined {
  // A top-level question: its key, or a path of that key alone (what the question plan passes).
  const key = typeof path === 'string' ? path : path.length === 1 ? path[0]! : undefined;
  if (key === undefined || uischema.type !== 'Control' || uischema.scope !== `#/properties/${key}`) return undefined;
  if (key === '' || key.includes('/') || key.includes('~')) return undefined;
  const options = optionsKey(uischema.options);
  const schema = schemaKey(property);
  // Text in a type or format is written as JSON, which delimits itself: no two different questions read alike.
  return options === undefined || schema === undefined ? undefined : `${options}|${schema}`;
}

/*
 * The parts are strings, not lists turned to JSON: the key is worked out for every Control of a
 * form before its first render, and a few small lists each cost more than the ranking they save.
 */

function optionsKey(options: unknown): string | undefined {
  if (options === undefined) return '';
  if (!isPlainObject(options)) return undefined;
  const format = options.format;
  if (format !== undefined && typeof format !== 'string') return undefined;
  return `${JSON.stringify(format ?? null)},${options.multi === true ? 1 : 0}`;
}

function schemaKey(s: JsonSchema | undefined): string | undefined {
  if (!isPlainObject(s)) return undefined;
  const type = Object.hasOwn(s, 'type') ? s.type : undefined;
  if (typeof type !== 'string' || type === '') return undefined;
  if (Object.hasOwn(s, '$ref') || Object.hasOwn(s, 'allOf') || Object.hasOwn(s, 'if') || Object.hasOwn(s, 'then') || Object.hasOwn(s, 'else')) return undefined;
  const format = s.format;
  if (format !== undefined && typeof format !== 'string') return undefined;
  const oneOf = oneOfKey(s);
  if (oneOf === undefined) return undefined;
  const items = type === 'array' ? itemsKey(s.items) : '-';
  if (items === undefined) return undefined;
  const flags = `${bit(Object.hasOwn(s, 'enum'))}${bit(Object.hasOwn(s, 'const'))}${bit(Array.isArray(s.enum))}${bit(!!s['x-computed'] || s.readOnly === true)}`;
  return `${JSON.stringify(type)},${JSON.stringify(format ?? null)},${flags},${oneOf},${items}`;
}

function bit(b: boolean): string {
  return b ? '1' : '0';
}

/** A oneOf the option testers can read: absent, or a list of objects (each with a `const` or not). */
function oneOfKey(s: Loose): string | undefined {
  if (!Object.hasOwn(s, 'oneOf')) return s.oneOf === undefined ? '-' : undefined;
  const list = s.oneOf;
  if (!Array.isArray(list) || !list.every(isPlainObject)) return undefined;
  return list.every((o) => o.const !== undefined) ? 'consts' : 'other';
}

/** An array question's items: read only through their own type and their option lists. */
function itemsKey(items: unknown): string | undefined {
  if (!isPlainObject(items) || Object.hasOwn(items, '$ref')) return undefined;
  const type = Object.hasOwn(items, 'type') ? items.type : undefined;
  if (typeof type !== 'string' || type === '') return undefined;
  return `${JSON.stringify(type)}:${bit(Array.isArray(items.oneOf))}${bit(Array.isArray(items.enum))}${bit(Array.isArray(items.anyOf))}`;
}

function isPlainObject(v: unknown): v is Loose {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}
