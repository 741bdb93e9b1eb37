import type { ErrorObject } from 'ajv';

/** The definition envelope's JSON Schema, compiled ahead of time (scripts/gen-envelope-validator.mjs). */
export interface EnvelopeValidate {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export declare const validate: EnvelopeValidate;
export default validate;
