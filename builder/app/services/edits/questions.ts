import { levelOf, levelTable, scopeKey, scopeOfKey } from '../../../../runtime/core/index';
import { arrayAt, isObject, objectAt, own, ownArray, ownObject, ownString, reorderKeys, type JsonObject } from './json';
import { controlForKind, kindOf, schemaForKind, writeOptions, type ChoiceOption, type QuestionKind } from './kinds';
import { modelOf, questionOf } from './model';
import { codeFromLabel, keyFromLabel } from './names';
import { objectOfGroup, scopeWithin, sectionsContainer } from './structure';
import { applyLimits, type LimitsPatch } from './limits';

/**
 * Pure edit operations on a raw definition (the JSON as written, not the zod output, so no
 * defaults creep into the file). Each returns a new object and keeps the JSON Schema and the
 * UI schema consistent with each other.
 */
export type RawDefinition = JsonObject;

export interface ItemRef {
  section: number;
  index: number;
}

export interface QuestionRef {
  key: string;
  /** The repeatable group whose items hold it. */
  group?: string;
  /** The (top-level) object whose `properties` hold it: a question of an object group. */
  object?: string;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function schemaOf(def: RawDefinition): JsonObject {
  const schema = objectAt(def, 'schema');
  if (own(schema, 'type') === undefined) schema.type = 'object';
  return schema;
}

export function propsOf(def: RawDefinition): JsonObject {
  return objectAt(schemaOf(def), 'properties');
}

/** The section (UI `Category`, or the root layout) at an index; the root becomes a Categorization if there is none. */
export function sectionAt(def: RawDefinition, index: number): JsonObject {
  const { sections } = sectionsContainer(own(def, 'uischema'));
  const section = sections[index];
  if (!section) throw new RangeError(`No section ${index}`);
  return section;
}

export function sectionElements(def: RawDefinition, index: number): unknown[] {
  return arrayAt(sectionAt(def, index), 'elements');
}

export function gateOf(def: RawDefinition): string | undefined {
  return ownString(ownObject(def, 'safety'), 'gate');
}

/** Every export code written in the schema: questions, groups' items and objects' questions, at any depth. */
export function allCodes(def: RawDefinition): string[] {
  const codes: string[] = [];
  const read = (props: JsonObject | undefined, depth: number): void => {
    for (const prop of Object.values(props ?? {})) {
      const code = ownString(prop, 'x-code');
      if (code) codes.push(code);
      if (depth < 8) read(ownObject(prop, 'properties') ?? ownObject(ownObject(prop, 'items'), 'properties'), depth + 1);
    }
  };
  read(ownObject(ownObject(def, 'schema'), 'properties'), 0);
  return codes;
}

/** The schema node holding a question's property and its `required` list. */
export function holderOf(def: RawDefinition, ref: QuestionRef): JsonObject {
  if (ref.object !== undefined) {
    const object = ownObject(propsOf(def), ref.object);
    if (!object || !ownObject(object, 'properties')) throw new RangeError(`No object ${ref.object}`);
    return object;
  }
  if (!ref.group) return schemaOf(def);
  const group = ownObject(propsOf(def), ref.group);
  const items = group && ownObject(group, 'items');
  if (!items) throw new RangeError(`No repeatable group ${ref.group}`);
  return items;
}

export function questionSchema(def: RawDefinition, ref: QuestionRef): JsonObject {
  const prop = ownObject(ownObject(holderOf(def, ref), 'properties'), ref.key);
  if (!prop) throw new RangeError(`No question ${ref.object ?? ref.group ?? ''}/${ref.key}`);
  return prop;
}

/** Keeps `schema.properties` in the order the questions appear in the UI, so both read alike. */
export function syncPropertyOrder(def: RawDefinition): void {
  const { sections } = sectionsContainer(own(def, 'uischema'));
  const order: string[] = [];
  for (const s of sections) for (const el of ownArray(s, 'elements') ?? []) {
    const key = scopeKey(own(el, 'scope')) ?? objectOfGroup(el);
    if (key) order.push(key);
  }
  const schema = schemaOf(def);
  // The gate is answered first, whatever the layout says.
  const gate = gateOf(def);
  schema.properties = reorderKeys(propsOf(def), gate ? [gate, ...order.filter((k) => k !== gate)] : order);
}

/**
 * The gate's yes as the form model reads it (`true`, or a yes/no choice's yes code). Read through a
 * fresh object: `def` is being edited in place, and the model is kept per object.
 */
function gateYes(def: RawDefinition): unknown {
  return modelOf({ schema: def.schema, uischema: def.uischema, safety: own(def, 'safety') } as RawDefinition).gate?.yes;
}

function gateClause(schema: JsonObject, gate: string, create: boolean, yes: unknown = true): JsonObject | undefined {
  const allOf = ownArray(schema, 'allOf');
  for (const clause of allOf ?? []) {
    const ifProps = ownObject(ownObject(clause, 'if'), 'properties');
    if (ifProps && Object.keys(ifProps).length === 1 && Object.prototype.hasOwnProperty.call(ifProps, gate) && isObject(clause)) return clause;
  }
  if (!create) return undefined;
  // `yes` as the form model reads the gate: `true`, or a yes/no choice's yes code.
  const clause: JsonObject = { if: { properties: { [gate]: { const: yes } }, required: [gate] }, then: { required: [] } };
  arrayAt(schema, 'allOf').push(clause);
  return clause;
}

function removeFromList(list: unknown[] | undefined, key: string): void {
  if (!list) return;
  for (let i = list.length - 1; i >= 0; i--) if (list[i] === key) list.splice(i, 1);
}

/**
 * Puts a question's requirement where the safety rules want it: a top-level question of a level
 * the safety check guards (all but `personal`) is required only once the gate is answered yes
 * (definition-format "Safety gate").
 */
export function placeRequired(def: RawDefinition, ref: QuestionRef, required: boolean): void {
  placeOwnRequired(def, ref, required);
  if (ref.object !== undefined) requireObjectWithItsQuestions(def, ref.object);
}

/**
 * A question required inside an object is asked for only once the object has an answer, and a
 * hidden object is never required: so the object is required (behind the safety check if its level
 * says so) while any of its questions is, and only then; a hidden group asks for nothing.
 */
function requireObjectWithItsQuestions(def: RawDefinition, object: string): void {
  const any = (ownArray(holderOf(def, { key: object, object }), 'required') ?? []).length > 0;
  const top = schemaOf(def);
  const lists = [ownArray(top, 'required'), ...(ownArray(top, 'allOf') ?? []).map((c) => ownArray(ownObject(c, 'then'), 'required'))];
  const already = lists.some((l) => l?.includes(object));
  if (any && !already) placeOwnRequired(def, { key: object }, true);
  // Only the plain entry goes: an `if`/`then` written for the object (required when the risk is above 0) is the author's.
  if (!any) removeFromList(ownArray(top, 'required'), object);
}

function placeOwnRequired(def: RawDefinition, ref: QuestionRef, required: boolean): void {
  const holder = holderOf(def, ref);
  removeFromList(ownArray(holder, 'required'), ref.key);
  for (const clause of ownArray(holder, 'allOf') ?? []) removeFromList(ownArray(ownObject(clause, 'then'), 'required'), ref.key);
  dropEmptyGateClauses(holder);
  if (!required) return;
  const gate = gateOf(def);
  // Read from the edited text itself (the model of `def` may be cached from before this edit): levels the safety check guards.
  const gated = levelOf(levelTable(own(def, 'sensitivityLevels')), own(questionSchema(def, ref), 'x-sensitivity'))?.gated === true;
  if (!ref.group && ref.object === undefined && gate && gated && ref.key !== gate) {
    arrayAt(objectAt(gateClause(holder, gate, true, gateYes(def))!, 'then'), 'required').push(ref.key);
  } else {
    arrayAt(holder, 'required').push(ref.key);
  }
}

function dropEmptyGateClauses(holder: JsonObject): void {
  const allOf = ownArray(holder, 'allOf');
  if (!allOf) return;
  for (let i = allOf.length - 1; i >= 0; i--) {
    const then = ownObject(allOf[i], 'then');
    const req = ownArray(then, 'required');
    if (then && req && req.length === 0 && Object.keys(then).length === 1) allOf.splice(i, 1);
  }
  if (allOf.length === 0) delete holder.allOf;
}

/** Whether a question is required, always or under a condition (core's form model says). */
export function isRequired(def: RawDefinition, ref: QuestionRef): boolean {
  return (questionOf(def, ref)?.required ?? 'never') !== 'never';
}

export interface AddQuestionOptions {
  section: number;
  /** Position in the section; the end when absent. */
  index?: number;
  label?: string;
}

export function addQuestion(input: RawDefinition, kind: QuestionKind, options: AddQuestionOptions): { definition: RawDefinition; key: string } {
  const def = clone(input);
  const label = options.label ?? 'New question';
  const props = propsOf(def);
  const key = keyFromLabel(label, Object.keys(props));
  props[key] = schemaForKind(kind, label, codeFromLabel(label, allCodes(def)));
  const elements = sectionElements(def, options.section);
  elements.splice(options.index ?? elements.length, 0, controlForKind(kind, scopeOfKey(key)));
  syncPropertyOrder(def);
  return { definition: def, key };
}

/** Adds a question inside a repeatable group (its item schema and its detail layout). */
export function addGroupQuestion(input: RawDefinition, group: string, kind: Exclude<QuestionKind, 'group'>, label = 'New question'): { definition: RawDefinition; key: string } {
  const def = clone(input);
  const items = holderOf(def, { key: '', group });
  const props = objectAt(items, 'properties');
  const key = keyFromLabel(label, Object.keys(props));
  props[key] = schemaForKind(kind, label, codeFromLabel(label, allCodes(def)));
  const control = findControl(def, group);
  if (control) {
    const detail = objectAt(objectAt(control, 'options'), 'detail');
    if (own(detail, 'type') === undefined) detail.type = 'VerticalLayout';
    arrayAt(detail, 'elements').push(controlForKind(kind, scopeOfKey(key)));
  }
  return { definition: def, key };
}

export function addGuidance(input: RawDefinition, options: { section: number; index?: number; text?: string }): RawDefinition {
  const def = clone(input);
  const elements = sectionElements(def, options.section);
  elements.splice(options.index ?? elements.length, 0, { type: 'Label', text: options.text ?? 'Guidance for the practitioner.' });
  return def;
}

/** The Control showing a question of an object group (`#/properties/<object>/properties/<key>`), wherever it sits. */
export function findMemberControl(def: RawDefinition, object: string, key: string): JsonObject | undefined {
  const { sections } = sectionsContainer(own(def, 'uischema'));
  for (const s of sections) for (const el of ownArray(s, 'elements') ?? []) {
    for (const c of objectOfGroup(el) === object ? ownArray(el, 'elements') ?? [] : []) {
      if (isObject(c) && scopeWithin(own(c, 'scope'), [object, key])) return c;
    }
  }
  return undefined;
}

/** The top-level Control showing a question, wherever it sits. */
export function findControl(def: RawDefinition, key: string): JsonObject | undefined {
  const { sections } = sectionsContainer(own(def, 'uischema'));
  for (const s of sections) for (const el of ownArray(s, 'elements') ?? []) {
    if (isObject(el) && scopeKey(own(el, 'scope')) === key) return el;
  }
  return undefined;
}

export interface QuestionPatch extends LimitsPatch {
  label?: string;
  hint?: string;
  required?: boolean;
  /** A sensitivity level's name (built in or the form's own); null removes it. */
  sensitivity?: string | null;
  code?: string;
  options?: ChoiceOption[];
  multiline?: boolean;
}

export function updateQuestion(input: RawDefinition, ref: QuestionRef, patch: QuestionPatch): RawDefinition {
  const def = clone(input);
  const schema = questionSchema(def, ref);
  const wasRequired = isRequired(input, ref);
  if (patch.label !== undefined) schema.title = patch.label;
  if (patch.hint !== undefined) {
    if (patch.hint === '') delete schema.description;
    else schema.description = patch.hint;
  }
  if (patch.code !== undefined) schema['x-code'] = patch.code;
  if (patch.sensitivity !== undefined) {
    if (patch.sensitivity === null) delete schema['x-sensitivity'];
    else schema['x-sensitivity'] = patch.sensitivity;
  }
  if (patch.options) writeOptions(schema, kindOf(questionOf(input, ref)), patch.options);
  applyLimits(def, ref, schema, patch);
  if (patch.required !== undefined || patch.sensitivity !== undefined) placeRequired(def, ref, patch.required ?? wasRequired);
  return def;
}
