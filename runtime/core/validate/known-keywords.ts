import { EXTENSION_KEYWORDS } from './vocabulary/index';

/**
 * Every keyword `createAjv()` knows: AJV's draft 2020-12 vocabularies, ajv-formats' format
 * limits, `$anchor` and our `x-` vocabulary. Written out for lint, which runs in the builder under a
 * CSP without eval, where building that AJV (it compiles the keywords' meta-schemas) is refused; a
 * unit test holds this list equal to the instance's. The compiler asks its AJV instead.
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
  // JSON Forms' translation key (vocabulary/jsonforms-i18n.ts).
  'i18n',
  ...EXTENSION_KEYWORDS,
]);

export const isKnownKeyword = (keyword: string): boolean => AJV_KEYWORDS.has(keyword);
