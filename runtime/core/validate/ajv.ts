import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { _ } from 'ajv/dist/compile/codegen';
import { formats, linearRegExp } from './engine';

/** The module specifier generated (standalone) code imports the engine from; runtime/node/standalone.ts maps it to engine.ts. */
export const VALIDATOR_ENGINE_MODULE = 'assessment-studio/validator-engine';

/**
 * The product's one AJV configuration, used by lint, validation, the runtime and JSON Forms.
 * - `ownProperties` so inherited keys never count as answers.
 * - `$data` is never enabled: it lets data choose keywords' values (a static test keeps it off).
 * - Patterns run on our linear-time matcher (validate/pattern) through `code.regExp`; formats come from `engine.ts`, with
 *   `time` accepting HH:MM (docs/definition-format.md). Format assertion is on.
 * - Remote references are never fetched: there is no `loadSchema`, and unknown refs fail to compile.
 */
export function createAjv(options: { code?: { source?: boolean; esm?: boolean } } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    ownProperties: true,
    validateFormats: true,
    code: {
      ...options.code,
      regExp: linearRegExp,
      formats: _`require(${VALIDATOR_ENGINE_MODULE}).formats`,
    },
  });
  addFormats(ajv);
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  return ajv;
}
