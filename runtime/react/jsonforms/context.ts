import type { CoreActions, JsonFormsCellRendererRegistryEntry, JsonFormsI18nState, JsonFormsRendererRegistryEntry, JsonSchema, UISchemaElement } from '@jsonforms/core';
import type { JsonFormsStateContext } from '@jsonforms/react';
import type { ErrorObject } from 'ajv';
import type { FormI18n } from '../model/i18n';

/** What a set of JSON Forms renderers needs besides the renderers themselves. @public */
export interface JsonFormsSetOptions {
  /** Cells, for renderers that dispatch to them (`vanillaCells` for vanilla's InputControl). */
  cells?: JsonFormsCellRendererRegistryEntry[];
  /** JSON Forms' `config`, handed to every renderer (as `<JsonForms config>`). */
  config?: Record<string, unknown>;
}

/** The set and options a bridge works with: renderers nested inside a JSON Forms renderer come from `set`. */
export interface BridgeSet extends JsonFormsSetOptions {
  set: JsonFormsRendererRegistryEntry[];
}

/**
 * The form's wording has been asked of the host's i18n already (labels, descriptions, errors), so
 * JSON Forms is given what it asks for again with the same translator, and errors as worded.
 */
export function bridgeI18n(i18n: FormI18n | undefined): JsonFormsI18nState {
  return {
    locale: i18n?.locale,
    // The host's translator came in as JSON Forms' own (FormI18n declares it without @jsonforms/core).
    translate: (i18n?.translate ?? ((_key: string, fallback?: string) => fallback)) as JsonFormsI18nState['translate'],
    translateError: (error) => error.message ?? '',
  };
}

/** The JSON Forms state one bridged renderer reads: its own data, schema and errors only. */
export function bridgeContext(
  bridge: BridgeSet,
  core: { data: unknown; schema: JsonSchema; uischema: UISchemaElement; errors: ErrorObject[] },
  i18n: JsonFormsI18nState,
  readonly: boolean,
  dispatch: (action: CoreActions) => void,
): JsonFormsStateContext {
  return {
    // Rules are decided by the form (each control subscribes to the answers its rule reads), so
    // JSON Forms never evaluates one and needs no AJV here; what it shows is what the form shows.
    core: { ...core, additionalErrors: [], validationMode: 'ValidateAndShow' },
    renderers: bridge.set,
    cells: bridge.cells ?? [],
    config: bridge.config ?? {},
    uischemas: [],
    readonly,
    i18n,
    dispatch,
  };
}

/** The UI element as a JSON Forms renderer is given it: no rule (decided already), the form's wording. */
export function withoutRule<T extends object>(element: T, wording: Record<string, unknown>): T {
  const { rule: _rule, ...rest } = element as T & { rule?: unknown };
  return { ...rest, ...wording } as T;
}
