import type { Definition } from '../definition/envelope';

export type Translate = (pointer: string, fallback: string) => string;

/**
 * The wording of a definition in a locale: its `translations[locale]` are keyed by the JSON
 * pointer of the text they replace (`/schema/properties/age/title`), so the question's own
 * pointers in the form model are the keys, top level and group items alike.
 */
export function translator(definition: Pick<Definition, 'translations'>, locale: string | undefined): Translate {
  const all = definition.translations;
  const strings = locale && all && Object.prototype.hasOwnProperty.call(all, locale) ? all[locale]! : undefined;
  if (!strings) return untranslated;
  return (pointer, fallback) => (Object.prototype.hasOwnProperty.call(strings, pointer) ? strings[pointer]! : fallback);
}

/** The translator of a form shown as written: callers may skip work that only feeds a translation. */
export const untranslated: Translate = (_pointer, fallback) => fallback;
