import type { ErrorObject } from 'ajv';

/** The draft 2020-12 meta-schema, compiled ahead of time (scripts/gen-meta-validator.mjs). */
export interface MetaSchemaValidate {
  (schema: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export declare const validate: MetaSchemaValidate;
export default validate;
