import type { FormI18n as JsonFormsI18n } from '../jsonFormsShapes';
import { escapePointerToken, getAtPointer, scopeKey, tokensFromPointer } from '../../core/index';
import type { FormModel, JsonSchema, UiElement } from './formModel';
import { isMissing, toErrorObject } from './hostErrors';
import type { FieldError } from './validation';

/**
 * JSON Forms' `i18n` option with its meaning: `translate(key, defaultMessage, context)` is asked
 * for the keys JSON Forms asks, the prefix being the Control's `i18n`, else its schema's, else the
 * data path without indices; `translateError(error, translate, uischema)` words errors instead of
 * the error keys. What it leaves unanswered keeps our own wording (the definition's translations,
 * our practitioner messages).
 * @public
 */
export type FormI18n = JsonFormsI18n;

type Loose = Record<string, unknown>;
type Translate = (id: string, defaultMessage: string | undefined, values?: unknown) => string | undefined;

/** JSON Forms' `getI18nKeyPrefix`: the element's `i18n`, the schema's, or the data path without indices. */
export function i18nPrefix(schema: JsonSchema | undefined, uischema: UiElement | undefined, pointer: string): string {
  const own = (uischema as unknown as Loose | undefined)?.i18n ?? schema?.i18n;
  return typeof own === 'string' ? own : tokensFromPointer(pointer).filter((s) => !/^\d+$/.test(s)).join('.') || 'root';
}

/** The form's wording with the host's `i18n` asked first: the model it reads, and its errors. */
export interface HostWording {
  model: FormModel;
  errors(list: FieldError[]): FieldError[];
}

/**
 * Everything the form shows reads the model (`t`, `title`, `hint`, section labels), so one wrapper
 * words questions, options, layouts, sections and check your answers alike: each definition
 * pointer the model words is turned into the key JSON Forms asks for the same text. A copy: the
 * model itself may be shared.
 */
export function hostWording(model: FormModel, i18n: FormI18n | undefined): HostWording {
  const t = i18n?.translate as Translate | undefined;
  if (typeof t !== 'function') return { model, errors: (list) => list };
  const { definition } = model;
  // The Control that shows each top-level question: its `i18n` key names the question's wording.
  const controlOf = (key: string) => model.question(key)?.control?.element as UiElement | undefined;
  const prefixOf = (key: string, schema: JsonSchema | undefined = model.question(key)?.schema) => i18nPrefix(schema, controlOf(key), `/${escapePointerToken(key)}`);

  /** The key JSON Forms asks for the text at a definition pointer. */
  const keyFor = (pointer: string): unknown => {
    const cut = pointer.lastIndexOf('/');
    const last = pointer.slice(cut + 1);
    const owner = getAtPointer(definition, pointer.slice(0, cut)) as Loose | undefined;
    const own = owner?.i18n;
    const [area, kind, key, option] = tokensFromPointer(pointer);
    if (area === 'schema') {
      if (kind !== 'properties' || !owner) return undefined;
      // The question's own title or description, or an option's title (`oneOf/2`, `items/anyOf/0`).
      if (option === 'title' || option === 'description') return `${prefixOf(key!)}.${option === 'title' ? 'label' : option}`;
      // An `enum` value (of the question or of its items), as JSON Forms' enumToEnumOptionMapper asks.
      if (Array.isArray(owner) && pointer.slice(0, cut).endsWith('/enum')) {
        const value = owner[Number(last)];
        return `${prefixOf(key!)}.${typeof value === 'string' ? value : JSON.stringify(value)}`;
      }
      return last === 'title' ? (own ?? `${prefixOf(key!)}.${String(owner.title ?? owner.const)}`) : undefined;
    }
    if (owner?.type === 'Control') return last === 'label' && `${prefixOf(scopeKey(owner.scope) ?? '')}.label`;
    // A layout's label or a Label's text: `<i18n>.label`, else the wording itself is the key.
    return typeof own === 'string' ? `${own}.${last}` : owner?.[last];
  };
  const word = (pointer: string, ours: string): string => {
    const key = keyFor(pointer);
    const answer = typeof key === 'string' ? t(key, ours) : undefined;
    return typeof answer === 'string' ? answer : ours;
  };
  const property = (key: string, name: string) => `/schema/properties/${escapePointerToken(key)}/${name}`;

  /**
   * As JSON Forms' `getCombinedErrorMessage` and `defaultErrorTranslator`: `<prefix>.error.custom`,
   * then (or the host's `translateError`) `<prefix>.error.<keyword>`, `error.<keyword>`, the message
   * itself as a key; a missing answer's keyword key takes no prefix from the question's schema (JSON
   * Forms takes it from the object that misses it). A group item field has the path's prefix only.
   */
  const errorMessage = (e: FieldError): string => {
    const error = toErrorObject(e);
    const nested = e.pointer.indexOf('/', 1) > 0;
    const prefix = (schema?: JsonSchema) => (nested ? i18nPrefix(undefined, undefined, e.pointer) : prefixOf(e.key, schema));
    const keys = [`${prefix()}.error.custom`];
    if (!i18n!.translateError) keys.push(`${prefix(isMissing(error.keyword) ? {} : undefined)}.error.${error.keyword}`, `error.${error.keyword}`, e.message);
    const found = keys.map((key) => t(key, undefined, { error })).find((m) => typeof m === 'string');
    // JSON Forms hands translateError the host's own translator.
    return found ?? i18n!.translateError?.(error, i18n!.translate!, (nested ? undefined : controlOf(e.key)) as never) ?? e.message;
  };

  return {
    model: {
      ...model,
      t: (pointer, fallback) => word(pointer, model.t(pointer, fallback)),
      title: (key) => word(property(key, 'title'), model.title(key)),
      hint: (key) => word(property(key, 'description'), model.hint(key) ?? '') || undefined,
      sections: model.sections && model.sections.map((s) => ({ ...s, label: word(`${s.pointer}/label`, s.label) })),
    },
    errors: (list) => list.map((e) => ({ ...e, message: errorMessage(e) })),
  };
}
