import Ajv2020, { _, type Options } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { formats, linearRegExp } from './engine';
import { productVocabulary } from './vocabulary/index';

/** The module specifier generated (standalone) code imports the engine from; runtime/node/standalone.ts maps it to engine.ts. */
export const VALIDATOR_ENGINE_MODULE = 'assessment-studio/validator-engine';

/**
 * How strict AJV is with a schema, each flag chosen (docs/definition-format.md, docs/conformance.md):
 * - `strictSchema`: an unknown keyword (a typo such as `maxlength`, an undeclared `x-` keyword) or a
 *   keyword that can have no effect (`if` without `then`/`else`, `maxContains` without `contains`)
 *   fails to compile instead of being ignored. Our `x-` keywords are declared (vocabulary/) for this.
 * - `strictNumbers`: NaN and Infinity are not numbers (answers come from JSON, which has neither).
 * - `strictTypes` off: it wants `type` beside every type-specific keyword, also in the conditions a
 *   shipped form writes (`if: { properties: { nature: { contains … } } }` in disclosure-record), and
 *   a union `type` refused; JSON Schema gives both a meaning, and published forms cannot change.
 * - `strictTuples` off: an open tuple (`prefixItems` without `items: false` or a `maxItems`) is
 *   well-defined, and no question kind is a tuple.
 * - `strictRequired` off: conditional requirement is written `then: { required: [...] }` naming
 *   questions defined at the root (docs/definition-format.md); AJV would call each one undefined.
 * - `allowMatchingProperties`: a property also matched by a `patternProperties` pattern gets both
 *   schemas, as the specification says; not a mistake to refuse.
 */
export const STRICTNESS = {
  strictSchema: true,
  strictNumbers: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowMatchingProperties: true,
} as const satisfies Options;

/**
 * The product's one AJV configuration, used by validation, the runtime and the ahead-of-time modules.
 * - Strict as `STRICTNESS` says, with our `x-` keywords declared as a vocabulary (vocabulary/).
 * - `ownProperties` so inherited keys never count as answers.
 * - `$data` is never enabled: it lets data choose keywords' values (a static test keeps it off).
 * - Patterns run on our linear-time matcher (validate/pattern) through `code.regExp`; formats come from `engine.ts`, with
 *   `time` accepting HH:MM (docs/definition-format.md). Format assertion is on.
 * - Remote references are never fetched: there is no `loadSchema`, and unknown refs fail to compile.
 */
export function createAjv(options: { code?: { source?: boolean; esm?: boolean } } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    ...STRICTNESS,
    allErrors: true,
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
  ajv.addVocabulary(productVocabulary);
  return ajv;
}
