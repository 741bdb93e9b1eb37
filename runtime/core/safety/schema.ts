import type { Problem } from '../problems/problem';
import { pointerFromTokens } from '../model/pointers';
import { checkValueLimits, limits } from './limits';
import { checkPatterns } from './patterns';
import { checkRefs } from './refs';
import { countSchemas, isSchemaObject, ownValue, walkSchema } from './walk';

/** A root `$id` is an absolute URI without spaces, quotes or a non-empty fragment. */
const ROOT_ID = /^(?:https?|urn|tag):[^\s#"'<>\\{}|^`]{1,500}#?$/;
const ANCHOR = /^[A-Za-z_][-A-Za-z0-9._]*$/;

/**
 * Every check a schema passes before AJV sees it, in order: prototype-polluting keys and depth,
 * `$id` and anchor shapes, references, patterns. Lint's schema rule and `validateResponse` both
 * call it; `at` prefixes the pointers (lint passes `/schema`).
 */
export function checkSchemaSafety(schema: unknown, at = ''): Problem[] {
  const refused = checkValueLimits(schema).map((p) => ({ ...p, path: at + p.path }));
  if (refused.length) return refused;
  if (typeof schema === 'boolean') return [];
  if (!isSchemaObject(schema)) {
    return [{ code: 'schema-invalid', severity: 'error', message: 'The schema must be a JSON object.', path: at, source: 'safety' }];
  }
  if (countSchemas(schema, limits.schemaNodes) > limits.schemaNodes) {
    return [
      {
        code: 'too-large',
        severity: 'error',
        message: `The schema has more than ${limits.schemaNodes.toLocaleString('en-GB')} parts (subschemas); split the form.`,
        path: at,
        source: 'safety',
        params: { limit: limits.schemaNodes },
      },
    ];
  }
  const ids = checkIds(schema, at);
  if (ids.length) return ids;
  const unsupported = checkUnsupportedKeywords(schema, at);
  if (unsupported.length) return unsupported;
  return [...checkRefs(schema, at), ...checkPatterns(schema, at)];
}

const DYNAMIC = 'dynamic references cannot be validated reliably. Use `$ref` to a shape under `$defs`.';

/**
 * Keywords AJV knows (so strict mode lets them through) that the product refuses, and why.
 * Dynamic references: AJV's implementation is incomplete and can recurse until the stack overflows.
 * `$async`: the validator would return a Promise, which every caller would read as "valid".
 */
const UNSUPPORTED_KEYWORDS: Record<string, string> = {
  $dynamicRef: DYNAMIC,
  $dynamicAnchor: DYNAMIC,
  $recursiveRef: DYNAMIC,
  $recursiveAnchor: DYNAMIC,
  $async: 'answers are checked at once; an asynchronous validator would pass any answers before checking them.',
};

/** Keywords the validator refuses rather than run wrongly or overflow on (`validator-unsupported`). */
export function checkUnsupportedKeywords(schema: unknown, at = ''): Problem[] {
  const problems: Problem[] = [];
  walkSchema(schema, (node, path) => {
    for (const [keyword, why] of Object.entries(UNSUPPORTED_KEYWORDS)) {
      if (Object.prototype.hasOwnProperty.call(node, keyword)) {
        problems.push({
          code: 'validator-unsupported',
          severity: 'error',
          message: `\`${keyword}\` is not supported: ${why}`,
          path: at + pointerFromTokens([...path, keyword]),
          source: 'safety',
          params: { keyword },
        });
      }
    }
  });
  return problems;
}

/**
 * `$id` changes what every reference below it means, and odd shapes reach AJV's URI handling;
 * a definition is one document, so only its root may name itself, with a plain absolute URI.
 */
export function checkIds(schema: unknown, at = ''): Problem[] {
  const problems: Problem[] = [];
  walkSchema(schema, (node, path) => {
    if (Object.prototype.hasOwnProperty.call(node, '$id')) {
      const id = node.$id;
      const pointer = at + pointerFromTokens([...path, '$id']);
      if (path.length > 0) {
        problems.push({ code: 'id-invalid', severity: 'error', message: 'Only the root of the schema may have an `$id`: a definition is one document.', path: pointer, source: 'safety' });
      } else if (typeof id !== 'string' || !ROOT_ID.test(id)) {
        problems.push({
          code: 'id-invalid',
          severity: 'error',
          message: 'The `$id` must be an absolute https:, http:, urn: or tag: URI without spaces or a fragment.',
          path: pointer,
          source: 'safety',
          params: { id: typeof id === 'string' ? id.slice(0, 200) : id },
        });
      }
    }
    for (const key of ['$anchor', '$dynamicAnchor']) {
      const anchor = ownValue(node, key);
      if (anchor !== undefined && (typeof anchor !== 'string' || !ANCHOR.test(anchor) || anchor.length > 200)) {
        problems.push({ code: 'id-invalid', severity: 'error', message: `The \`${key}\` must be a plain name (letters, digits, - . _).`, path: at + pointerFromTokens([...path, key]), source: 'safety' });
      }
    }
  });
  return problems;
}
