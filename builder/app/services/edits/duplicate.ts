import { scopeKey, scopeOfKey } from '../../../../runtime/core/index';
import { isObject, own, ownObject, ownString } from './json';
import { codeFromLabel, keyFromLabel } from './names';
import { allCodes, clone, isRequired, placeRequired, propsOf, sectionElements, syncPropertyOrder, type ItemRef, type RawDefinition } from './questions';

/**
 * A copy of an element placed just after it (issue 17.5). A question's copy gets its own key and
 * export codes (a group's items too, as codes are unique in the form), "(copy)" after its wording,
 * the same show-when and the same requirement; option codes stay, as they are unique only within
 * the question.
 */
export function duplicateItem(input: RawDefinition, ref: ItemRef): { definition: RawDefinition; at: ItemRef } {
  const def = clone(input);
  const elements = sectionElements(def, ref.section);
  const original = elements[ref.index];
  if (!isObject(original)) throw new RangeError(`No element ${ref.index} in section ${ref.section}`);
  const copy = clone(original);
  const at = { section: ref.section, index: ref.index + 1 };
  const key = scopeKey(own(original, 'scope'));
  const schema = key !== null ? ownObject(propsOf(def), key) : undefined;
  if (key === null || !schema || own(original, 'type') !== 'Control') {
    elements.splice(at.index, 0, copy);
    return { definition: def, at };
  }
  const props = propsOf(def);
  const label = `${ownString(schema, 'title') ?? key} (copy)`;
  const newKey = keyFromLabel(label, Object.keys(props));
  const newSchema = clone(schema);
  newSchema.title = label;
  newSchema['x-code'] = codeFromLabel(label, allCodes(def));
  props[newKey] = newSchema;
  const items = ownObject(ownObject(newSchema, 'items'), 'properties');
  for (const item of Object.values(items ?? {})) {
    if (isObject(item)) item['x-code'] = codeFromLabel(ownString(item, 'title') ?? 'item', allCodes(def));
  }
  copy.scope = scopeOfKey(newKey);
  elements.splice(at.index, 0, copy);
  if (isRequired(input, { key })) placeRequired(def, { key: newKey }, true);
  syncPropertyOrder(def);
  return { definition: def, at };
}
