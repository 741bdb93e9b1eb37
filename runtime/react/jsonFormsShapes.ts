import type { ErrorObject } from 'ajv';

/**
 * JSON Forms' public shapes (testers, UI schema elements, `ValidationMode`, the `i18n` option) as
 * our own declarations. The runtime takes JSON Forms' vocabulary, but its published types must
 * not import `@jsonforms/core`: its declarations need redux's `Symbol.observable` (so a host
 * needs `skipLibCheck`), and installing it brings lodash for nothing, since the runtime only needs
 * its types. These are structurally compatible both ways (checked in
 * test/unit/react/jsonforms-shapes.test.ts): a tester written for JSON Forms plugs in here, and
 * ours into JSON Forms. `assessment-studio/jsonforms` still speaks `@jsonforms/core` itself.
 */

/** A JSON Schema as a tester sees it (JSON Forms' `JsonSchema`, the keys testers read). @public */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: { [property: string]: JsonSchema };
  items?: JsonSchema | JsonSchema[];
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

/** A UI schema element (JSON Forms' `UISchemaElement`: a Control has `scope`, a layout `elements`). @public */
export interface UISchemaElement {
  type: string;
  scope?: string;
  label?: string | boolean | { text?: string; show?: boolean };
  elements?: UISchemaElement[];
  options?: { [key: string]: unknown };
  i18n?: string;
}

/** What a tester is given besides the element and its schema. @public */
export interface TesterContext {
  rootSchema: JsonSchema;
  config: unknown;
}

/** JSON Forms' tester: does this renderer apply? @public */
export type Tester = (uischema: UISchemaElement, schema: JsonSchema, context: TesterContext) => boolean;
/** JSON Forms' ranked tester: -1 when it does not apply, else its rank (the highest wins). @public */
export type RankedTester = (uischema: UISchemaElement, schema: JsonSchema, context: TesterContext) => number;

/** JSON Forms' `validationMode`. @public */
export type ValidationMode = 'ValidateAndShow' | 'ValidateAndHide' | 'NoValidation';

/**
 * JSON Forms' `i18n` option. Methods, so JSON Forms' own overloaded `Translator` is accepted as it is.
 * @public
 */
export interface FormI18n {
  locale?: string;
  translate?(id: string, defaultMessage?: string, values?: unknown): string | undefined;
  translateError?(error: ErrorObject, translate: (id: string, defaultMessage?: string, values?: unknown) => string | undefined, uischema?: UISchemaElement): string;
}
