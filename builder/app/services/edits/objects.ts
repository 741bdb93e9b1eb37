import { pointerFromTokens } from '../../../../runtime/core/index';
import { arrayAt, isObject, own, ownObject, reorderKeys, type JsonObject } from './json';
import { controlForKind, schemaForKind, type QuestionKind } from './kinds';
import { codeFromLabel, keyFromLabel } from './names';
import { allCodes, clone, propsOf, sectionElements, syncPropertyOrder, type ItemRef, type RawDefinition } from './questions';
import { relabelQuestion } from './rekey';
import { memberKeys, objectGroups, scopeWithin } from './structure';

/**
 * Object groups (issue 18.6): a titled block of questions answered together, one object answer
 * (`riskFollowUp: { plan, referred }`). Written as docs/definition-format.md "Answers grouped in
 * objects" says: an object property with `properties`, shown by a JSON Forms `Group` whose
 * controls are scoped into it (`#/properties/riskFollowUp/properties/plan`).
 */

/** The kinds an object group's question can be (a repeatable group is made at the top level). */
export type MemberKind = Exclude<QuestionKind, 'group'>;

/** The scope of a question of an object: `#/properties/<object>/properties/<key>`. */
export function memberScope(object: string, key: string): string {
  return '#' + pointerFromTokens(['properties', object, 'properties', key]);
}

/** Keeps an object's `properties` in the order its group shows them, as the top level is kept. */
function syncMemberOrder(def: RawDefinition, object: string): void {
  const schema = ownObject(propsOf(def), object);
  const props = ownObject(schema, 'properties');
  const group = objectGroups(def, object)[0];
  if (schema && props && group) schema.properties = reorderKeys(props, memberKeys(group));
}

/** Adds a question to an object's `properties` and a control for it at the end of the object's group (`group`, when it shows nothing yet). */
function addMember(def: RawDefinition, object: string, kind: MemberKind, label: string, group = objectGroups(def, object)[0]): string {
  const schema = ownObject(propsOf(def), object);
  if (!schema) throw new RangeError(`No object ${object}`);
  const props = ownObject(schema, 'properties') ?? (schema.properties = {});
  const key = keyFromLabel(label, Object.keys(props));
  (props as JsonObject)[key] = schemaForKind(kind, label, codeFromLabel(label, allCodes(def)));
  if (group) arrayAt(group, 'elements').push(controlForKind(kind, memberScope(object, key)));
  syncMemberOrder(def, object);
  return key;
}

/** A new object group at a place in a section, holding one text question, titled `label`. */
export function addObjectGroup(input: RawDefinition, options: { section: number; index?: number; label?: string }): { definition: RawDefinition; key: string } {
  const def = clone(input);
  const label = options.label ?? 'New object group';
  const props = propsOf(def);
  const key = keyFromLabel(label, Object.keys(props));
  props[key] = { type: 'object', title: label, 'x-code': codeFromLabel(label, allCodes(def)), properties: {} };
  const elements = sectionElements(def, options.section);
  const group: JsonObject = { type: 'Group', label, elements: [] };
  elements.splice(options.index ?? elements.length, 0, group);
  addMember(def, key, 'text', 'New text question', group);
  syncPropertyOrder(def);
  return { definition: def, key };
}

/** Adds a question inside an object group, at the end of the group. */
export function addObjectQuestion(input: RawDefinition, object: string, kind: MemberKind, label = 'New question'): { definition: RawDefinition; key: string } {
  const def = clone(input);
  const key = addMember(def, object, kind, label);
  return { definition: def, key };
}

/** Moves a question one place up or down in its object group; the definition as it was at either end. */
export function moveObjectQuestion(input: RawDefinition, object: string, key: string, direction: -1 | 1): RawDefinition {
  const def = clone(input);
  const group = objectGroups(def, object)[0];
  const elements = group ? arrayAt(group, 'elements') : [];
  const from = elements.findIndex((el) => scopeWithin(own(el, 'scope'), [object, key]));
  const to = from + direction;
  if (from < 0 || to < 0 || to >= elements.length) return input;
  [elements[from], elements[to]] = [elements[to], elements[from]];
  syncMemberOrder(def, object);
  return def;
}

/**
 * Renames an object group: its heading and the object's title together; while new, its key and
 * export code follow (the scopes of its questions with it), as a question's do.
 */
export function relabelObjectGroup(input: RawDefinition, ref: ItemRef, object: string, label: string, locked: boolean): { definition: RawDefinition; key: string } {
  const r = relabelQuestion(input, { key: object }, label, locked);
  const el = sectionElements(r.definition, ref.section)[ref.index];
  if (isObject(el)) el.label = label;
  return r;
}
