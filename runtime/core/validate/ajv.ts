import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The product's one AJV configuration, used by lint, validation, the runtime and JSON Forms.
 * `ownProperties` so inherited keys never count as answers; `$data` is never enabled
 * (it lets data choose keywords' values, and has carried ReDoS advisories).
 */
export function createAjv(options: { code?: { source?: boolean; esm?: boolean } } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    ownProperties: true,
    validateFormats: true,
    // Remote references are never fetched: there is no loadSchema, and unknown refs fail to compile.
    ...(options.code ? { code: options.code } : {}),
  });
  addFormats(ajv);
  return ajv;
}
