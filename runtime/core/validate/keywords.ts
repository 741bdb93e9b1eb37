import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv/dist/2020';
import { escapePointerToken } from '../problems/pointer';
import type { Problem } from '../problems/problem';
import { walkSchema } from '../lint/schema-walk';
import { EXTENSION_KEYWORDS } from './vocabulary/index';

/**
 * Every keyword `createAjv()` knows: AJV's draft 2020-12 vocabularies, ajv-formats' format
 * limits, `$anchor` and our `x-` vocabulary. Strict mode refuses any other key in a schema object.
 * Written out rather than read from an AJV instance because lint runs in the builder under a CSP
 * without eval, where creating that instance (it compiles the keywords' meta-schemas) is refused;
 * a unit test holds this list equal to the instance's.
 */
export const AJV_KEYWORDS: ReadonlySet<string> = new Set([
  '$async', '$dynamicAnchor', '$dynamicRef', '$recursiveAnchor', '$recursiveRef', '$schema', '$id', '$defs',
  '$vocabulary', '$comment', 'definitions', 'id', '$ref', '$anchor',
  'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'maxLength', 'minLength', 'pattern',
  'maxProperties', 'minProperties', 'required', 'maxItems', 'minItems', 'uniqueItems', 'type', 'nullable', 'const',
  'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', 'propertyNames', 'additionalProperties',
  'dependencies', 'properties', 'patternProperties', 'prefixItems', 'items', 'contains', 'format', 'title',
  'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples', 'contentMediaType',
  'contentEncoding', 'contentSchema', 'dependentRequired', 'dependentSchemas', 'maxContains', 'minContains',
  'unevaluatedProperties', 'unevaluatedItems',
  'formatMaximum', 'formatMinimum', 'formatExclusiveMaximum', 'formatExclusiveMinimum',
  ...EXTENSION_KEYWORDS,
]);

export interface UnknownKeyword {
  keyword: string;
  /** Pointer of the keyword itself (`at` + the schema object's path + the keyword). */
  pointer: string;
}

/**
 * Keys of schema objects that are not keywords: a typo (`maxlength`), or an `x-` keyword the
 * product does not declare. AJV's strict mode refuses them too, but says neither where nor how
 * many; this says both, so lint and the compiler report each at its pointer.
 */
export function unknownKeywords(schema: unknown, at = ''): UnknownKeyword[] {
  const found: UnknownKeyword[] = [];
  walkSchema(schema, at, (node, pointer) => {
    for (const keyword of Object.keys(node)) {
      if (!AJV_KEYWORDS.has(keyword)) found.push({ keyword, pointer: `${pointer}/${escapePointerToken(keyword)}` });
    }
  });
  return found;
}

export interface IneffectiveKeyword extends UnknownKeyword {
  /** Why it can have no effect, or can never be met: the end of a sentence naming the keyword. */
  why: string;
}

/**
 * Keywords AJV's strict mode refuses because they can have no effect or never be met (an `if`
 * without `then`/`else`; `minContains` without `contains` …): found here with their pointers, so
 * lint reports what the compiler would refuse, at the place. AJV's vocabularies if.ts, thenElse.ts,
 * limitContains.ts and contains.ts are the rules this follows.
 */
export function ineffectiveKeywords(schema: unknown, at = ''): IneffectiveKeyword[] {
  const found: IneffectiveKeyword[] = [];
  walkSchema(schema, at, (node, pointer) => {
    const has = (keyword: string) => Object.hasOwn(node, keyword);
    const add = (keyword: string, why: string) => found.push({ keyword, pointer: `${pointer}/${keyword}`, why });
    if (has('if') && !has('then') && !has('else')) add('if', 'has no "then" or "else" beside it, so it can have no effect');
    for (const keyword of ['then', 'else']) if (has(keyword) && !has('if')) add(keyword, 'has no "if" beside it, so it can have no effect');
    for (const keyword of ['minContains', 'maxContains']) if (has(keyword) && !has('contains')) add(keyword, 'has no "contains" beside it, so it can have no effect');
    if (!has('contains')) return;
    const min = has('minContains') ? node.minContains : 1;
    const max = has('maxContains') ? node.maxContains : undefined;
    if (max === undefined && min === 0) add('minContains', 'is 0 with no "maxContains", so "contains" accepts every array');
    if (typeof max === 'number' && typeof min === 'number' && min > max) add('minContains', 'is above "maxContains", so no array can pass');
  });
  return found;
}

/** Checks one `x-` keyword's value against its meta-schema: the errors, or none. */
export type ExtensionValueCheck = (keyword: string, value: unknown) => ErrorObject[];

/** The meta-schema checks `createAjv` compiled for the vocabulary, read back from the instance. */
export function extensionValueCheck(ajv: Ajv2020): ExtensionValueCheck {
  return (keyword, value) => {
    const definition = ajv.getKeyword(keyword);
    const validate = typeof definition === 'object' ? definition.validateSchema : undefined;
    if (!validate || validate(value)) return [];
    return validate.errors ?? [];
  };
}

/**
 * What strict mode and the vocabulary's meta-schemas refuse in a schema, as problems at their
 * pointers: unknown keywords (`extension-unknown` for an `x-` one, `schema-invalid` otherwise),
 * keywords that can have no effect (`schema-invalid`) and `x-` values of the wrong shape
 * (`extension-invalid`). AJV would throw at the first, without a place.
 */
export function keywordProblems(schema: unknown, at: string, checkValue: ExtensionValueCheck): Problem[] {
  const problems: Problem[] = unknownKeywords(schema, at).map(({ keyword, pointer }) => {
    const where = pointer.slice(0, pointer.lastIndexOf('/')) || '/';
    return keyword.startsWith('x-')
      ? { code: 'extension-unknown', severity: 'error', message: `Unknown keyword "${keyword}" at ${where}: the known x- keywords are ${EXTENSION_KEYWORDS.join(', ')}.`, path: pointer, source: 'validate', params: { keyword } }
      : { code: 'schema-invalid', severity: 'error', message: `Unknown keyword "${keyword}" at ${where}: not a JSON Schema draft 2020-12 keyword.`, path: pointer, source: 'validate', params: { keyword } };
  });
  for (const { keyword, pointer, why } of ineffectiveKeywords(schema, at)) {
    problems.push({ code: 'schema-invalid', severity: 'error', message: `"${keyword}" at ${pointer.slice(0, pointer.lastIndexOf('/')) || '/'} ${why} (strict mode).`, path: pointer, source: 'validate', params: { keyword } });
  }
  walkSchema(schema, at, (node, pointer) => {
    for (const keyword of EXTENSION_KEYWORDS) {
      if (!Object.hasOwn(node, keyword)) continue;
      const errors = checkValue(keyword, node[keyword]);
      if (errors.length === 0) continue;
      const why = errors.slice(0, 3).map((e) => `${keyword}${e.instancePath} ${e.message ?? 'is invalid'}${allowed(e)}`).join('; ');
      problems.push({ code: 'extension-invalid', severity: 'error', message: `"${keyword}" at ${pointer} has the wrong shape: ${why}.`, path: `${pointer}/${keyword}`, source: 'validate', params: { keyword } });
    }
  });
  return problems;
}

function allowed(error: ErrorObject): string {
  const values = (error.params as { allowedValues?: unknown[] }).allowedValues;
  return Array.isArray(values) ? ` (${values.map((v) => JSON.stringify(v)).join(', ')})` : '';
}
