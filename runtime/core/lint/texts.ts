import type { Definition } from '../definition/envelope';
import { escapePointerToken } from '../model/pointers';
import { isObject, own } from '../model/schema-walk';
import type { FormModel } from '../model/types';
import { schemaNodes } from './schema-nodes';

/**
 * Where the strings a person reads or a system keys on sit in a definition, each with its pointer:
 * what the rules about text (length, invisible characters, look-alikes) and keys read, so each walks
 * the same places.
 */
export interface PlacedText {
  text: string;
  pointer: string;
  /** What the string is, for messages: `property name`, `option value`… */
  what?: string;
}

/** Titles, descriptions and help in the schema (option titles among them), UI labels and texts, translations. */
export function shownTexts(definition: Pick<Definition, 'translations'>, model: FormModel): PlacedText[] {
  const out: PlacedText[] = [];
  const add = (value: unknown, pointer: string) => {
    if (typeof value === 'string') out.push({ text: value, pointer });
  };
  for (const { node, pointer } of schemaNodes(model)) {
    for (const key of ['title', 'description', 'x-help']) add(own(node, key), `${pointer}/${key}`);
  }
  for (const { node, pointer } of model.ui.elements) {
    const label = own(node, 'label');
    // JSON Forms also takes a label as `{ "text": … }`.
    if (isObject(label)) add(own(label, 'text'), `${pointer}/label/text`);
    else add(label, `${pointer}/label`);
    add(own(node, 'text'), `${pointer}/text`);
  }
  const translations: unknown = definition.translations;
  if (isObject(translations)) {
    for (const [locale, strings] of Object.entries(translations)) {
      if (!isObject(strings)) continue;
      for (const [key, value] of Object.entries(strings)) add(value, `/translations/${escapePointerToken(locale)}/${escapePointerToken(key)}`);
    }
  }
  return out;
}

/** The form's own title and description, shown in lists and on the first page. */
export function envelopeTexts(definition: Pick<Definition, 'title' | 'description'>): PlacedText[] {
  const out: PlacedText[] = [];
  if (typeof definition.title === 'string') out.push({ text: definition.title, pointer: '/title' });
  if (typeof definition.description === 'string') out.push({ text: definition.description, pointer: '/description' });
  return out;
}

/** Maps of the schema whose keys are names people and systems key on: property names and shared shapes. */
const NAMED_MAPS = ['properties', '$defs', 'definitions'] as const;

/** Every property name (at any depth: group items, `$defs` shapes…) and `$defs` name, at the pointer of its declaration. */
export function schemaKeys(model: FormModel): PlacedText[] {
  const out: PlacedText[] = [];
  for (const { node, pointer } of schemaNodes(model)) {
    for (const map of NAMED_MAPS) {
      const names = own(node, map);
      if (isObject(names)) for (const name of Object.keys(names)) out.push({ text: name, pointer: `${pointer}/${map}/${escapePointerToken(name)}`, what: map === 'properties' ? 'property name' : 'shape name' });
    }
  }
  return out;
}

/** Option values written as text: string `const`s and `enum` entries anywhere in the schema (what answers hold and exports write). */
export function optionValues(model: FormModel): PlacedText[] {
  const out: PlacedText[] = [];
  for (const { node, pointer } of schemaNodes(model)) {
    const value = own(node, 'const');
    if (typeof value === 'string') out.push({ text: value, pointer: `${pointer}/const`, what: 'option value' });
    const values = own(node, 'enum');
    if (Array.isArray(values)) values.forEach((v, i) => typeof v === 'string' && out.push({ text: v, pointer: `${pointer}/enum/${i}`, what: 'option value' }));
  }
  return out;
}

/** Everything of the form people read: its own title and description, then shownTexts. Worked out once per definition. */
export function readableTexts(definition: Pick<Definition, 'title' | 'description' | 'translations'>, model: FormModel): PlacedText[] {
  let texts = readableCache.get(definition);
  if (!texts) readableCache.set(definition, (texts = [...envelopeTexts(definition), ...shownTexts(definition, model)]));
  return texts;
}

/** Names answers are keyed on and values they hold: schemaKeys, then optionValues. Worked out once per model. */
export function namesAndValues(model: FormModel): PlacedText[] {
  let names = namesCache.get(model);
  if (!names) namesCache.set(model, (names = [...schemaKeys(model), ...optionValues(model)]));
  return names;
}

// Three rules each read the texts and the names: at the question limit these are tens of thousands of entries.
const readableCache = new WeakMap<object, PlacedText[]>();
const namesCache = new WeakMap<FormModel, PlacedText[]>();
