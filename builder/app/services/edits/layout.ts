import { scopeKey } from '../../../../runtime/core/index';
import { arrayAt, isObject, objectAt, own, ownArray, ownObject, type JsonObject } from './json';
import { modelOf } from './model';
import { clone, findControl, placeRequired, propsOf, sectionAt, sectionElements, syncPropertyOrder, type ItemRef, type QuestionRef, type RawDefinition } from './questions';
import { objectGroups, objectOfGroup, scopeWithin, sectionsContainer, type ShowWhen } from './structure';
import { showRuleJson, type ShowRule } from './showRule';

/** Turns a plain root layout into a Categorization so sections can be added; its elements become the first section. */
function ensureCategorized(def: RawDefinition): unknown[] {
  const ui = own(def, 'uischema');
  if (isObject(ui) && own(ui, 'type') === 'Categorization') return arrayAt(ui, 'elements');
  const existing = isObject(ui) ? ownArray(ui, 'elements') ?? [] : [];
  const sections: unknown[] = existing.length ? [{ type: 'Category', label: 'Section 1', elements: existing }] : [];
  def.uischema = { type: 'Categorization', elements: sections };
  return sections;
}

export function addSection(input: RawDefinition, label = 'New section', at?: number): { definition: RawDefinition; section: number } {
  const def = clone(input);
  const sections = ensureCategorized(def);
  const index = at ?? sections.length;
  sections.splice(index, 0, { type: 'Category', label, elements: [] });
  return { definition: def, section: index };
}

export function renameSection(input: RawDefinition, section: number, label: string): RawDefinition {
  const def = clone(input);
  ensureCategorized(def);
  sectionAt(def, section).label = label;
  return def;
}

export function moveSection(input: RawDefinition, from: number, to: number): RawDefinition {
  const def = clone(input);
  const sections = ensureCategorized(def);
  if (from < 0 || from >= sections.length || to < 0 || to >= sections.length || from === to) return input;
  const [moved] = sections.splice(from, 1);
  sections.splice(to, 0, moved);
  syncPropertyOrder(def);
  return def;
}

/** Moves an element to another place, in its section or another; `to.index` counts after removal. */
export function moveItem(input: RawDefinition, from: ItemRef, to: ItemRef): RawDefinition {
  const def = clone(input);
  const source = sectionElements(def, from.section);
  if (from.index < 0 || from.index >= source.length) return input;
  const target = sectionElements(def, to.section);
  const [moved] = source.splice(from.index, 1);
  const index = Math.max(0, Math.min(to.index, target.length));
  target.splice(index, 0, moved);
  syncPropertyOrder(def);
  return def;
}

/**
 * Where Alt+Up / Alt+Down takes an element: one place up or down, crossing into the
 * neighbouring section at a section's edge (as VS Code moves a line). Undefined at the ends.
 */
export function neighbourPlace(def: RawDefinition, from: ItemRef, direction: -1 | 1): ItemRef | undefined {
  const { sections } = sectionsContainer(own(def, 'uischema'));
  const count = (s: number) => (ownArray(sections[s], 'elements') ?? []).length;
  const next = from.index + direction;
  if (next >= 0 && next < count(from.section)) return { section: from.section, index: next };
  const section = from.section + direction;
  if (section < 0 || section >= sections.length) return undefined;
  return { section, index: direction === 1 ? 0 : count(section) };
}

/** Removes every trace of a question: required lists, rules that watch it, the gate. */
function forgetQuestion(def: RawDefinition, ref: QuestionRef): void {
  placeRequired(def, ref, false);
  if (ref.group) {
    const control = findControl(def, ref.group);
    const detail = ownObject(ownObject(control, 'options'), 'detail');
    const elements = ownArray(detail, 'elements');
    if (elements) for (let i = elements.length - 1; i >= 0; i--) if (scopeKey(own(elements[i], 'scope')) === ref.key) elements.splice(i, 1);
    return;
  }
  if (ref.object !== undefined) {
    const path = [ref.object, ref.key];
    for (const group of objectGroups(def, ref.object)) {
      const elements = arrayAt(group, 'elements');
      for (let i = elements.length - 1; i >= 0; i--) if (scopeWithin(own(elements[i], 'scope'), path)) elements.splice(i, 1);
    }
    dropRulesOn(own(def, 'uischema'), path);
    return;
  }
  // An object's questions go with it: rules reading them are dropped too.
  dropRulesOn(own(def, 'uischema'), [ref.key]);
  // A total stops reading it (a total left reading nothing is flagged by lint, and named by the confirmation).
  for (const prop of Object.values(propsOf(def))) {
    const of = ownArray(ownObject(prop, 'x-computed'), 'of');
    if (of && of.length > 1) for (let i = of.length - 1; i >= 0; i--) if (of[i] === ref.key) of.splice(i, 1);
  }
  const safety = ownObject(def, 'safety');
  if (safety && safety.gate === ref.key) delete safety.gate;
}

/**
 * A condition without the parts that watch `key`: undefined when nothing is left. In an AND/OR
 * (a show-when of several conditions) only those conditions go, and one left stands alone.
 */
function withoutPath(condition: unknown, path: readonly string[]): unknown {
  if (!isObject(condition)) return condition;
  const parts = ownArray(condition, 'conditions');
  if (!parts) return scopeWithin(own(condition, 'scope'), path) ? undefined : condition;
  const kept = parts.map((c) => withoutPath(c, path)).filter((c) => c !== undefined);
  if (kept.length === 0) return undefined;
  return kept.length === 1 ? kept[0] : { ...condition, conditions: kept };
}

/** Drops the conditions reading the answer at `path` (or inside it) from every rule. */
function dropRulesOn(node: unknown, path: readonly string[]): void {
  if (!isObject(node)) return;
  const rule = ownObject(node, 'rule');
  if (rule && own(rule, 'condition') !== undefined) {
    const condition = withoutPath(own(rule, 'condition'), path);
    if (condition === undefined) delete node.rule;
    else rule.condition = condition;
  }
  for (const child of ownArray(node, 'elements') ?? []) dropRulesOn(child, path);
  dropRulesOn(ownObject(ownObject(node, 'options'), 'detail'), path);
}

export function deleteItem(input: RawDefinition, ref: ItemRef): RawDefinition {
  const def = clone(input);
  const elements = sectionElements(def, ref.section);
  const [removed] = elements.splice(ref.index, 1);
  const key = scopeKey(own(removed, 'scope')) ?? objectOfGroup(removed);
  if (key && !findControl(def, key) && objectGroups(def, key).length === 0 && ownObject(propsOf(def), key)) {
    forgetQuestion(def, { key });
    delete propsOf(def)[key];
  }
  return def;
}

export function deleteGroupQuestion(input: RawDefinition, group: string, key: string): RawDefinition {
  const def = clone(input);
  forgetQuestion(def, { key, group });
  const items = ownObject(ownObject(propsOf(def), group), 'items');
  const props = ownObject(items, 'properties');
  if (props) delete props[key];
  return def;
}

/** Deletes a question of an object group: its property, its entry in the object's `required`, its control and the rules reading it. */
export function deleteObjectQuestion(input: RawDefinition, object: string, key: string): RawDefinition {
  const def = clone(input);
  forgetQuestion(def, { key, object });
  const props = ownObject(ownObject(propsOf(def), object), 'properties');
  if (props) delete props[key];
  return def;
}

/** Deletes a section with everything in it. */
export function deleteSection(input: RawDefinition, section: number): RawDefinition {
  let def = input;
  const count = (ownArray(sectionAt(clone(def), section), 'elements') ?? []).length;
  for (let i = count - 1; i >= 0; i--) def = deleteItem(def, { section, index: i });
  def = clone(def);
  const sections = ensureCategorized(def);
  sections.splice(section, 1);
  return def;
}

export function setGuidanceText(input: RawDefinition, ref: ItemRef, text: string): RawDefinition {
  const def = clone(input);
  const el = sectionElements(def, ref.section)[ref.index];
  if (isObject(el)) el.text = text;
  return def;
}

/** The show-when "question is value" as a one-condition rule (null: always shown). */
const asRule = (when: ShowWhen | null): ShowRule | null => (when ? { mode: 'all', conditions: [{ key: when.key, op: 'is', value: when.value }] } : null);

/** Sets (or, with null or no condition, removes) the show-when of `target` in the copy being edited, with the kinds `before` has. */
function applyShowRule(before: RawDefinition, target: JsonObject, rule: ShowRule | null): void {
  const json = rule ? showRuleJson(before, rule) : undefined;
  if (json) target.rule = json;
  else delete target.rule;
}

/** Shows an element only when its conditions hold (all or any of them); null removes the rule. */
export function setItemShowRule(input: RawDefinition, ref: ItemRef, rule: ShowRule | null): RawDefinition {
  const def = clone(input);
  const el = sectionElements(def, ref.section)[ref.index];
  if (isObject(el)) applyShowRule(input, el, rule);
  return def;
}

export function setSectionShowRule(input: RawDefinition, section: number, rule: ShowRule | null): RawDefinition {
  const def = clone(input);
  ensureCategorized(def);
  applyShowRule(input, sectionAt(def, section), rule);
  return def;
}

/** Shows an element only when a question has a value (null removes the rule). */
export const setItemShowWhen = (input: RawDefinition, ref: ItemRef, when: ShowWhen | null): RawDefinition => setItemShowRule(input, ref, asRule(when));

export const setSectionShowWhen = (input: RawDefinition, section: number, when: ShowWhen | null): RawDefinition => setSectionShowRule(input, section, asRule(when));

/**
 * Makes a yes/no question the safety check (null removes it). Sensitive questions already
 * required move behind it, as the safety rules ask.
 */
export function setGate(input: RawDefinition, key: string | null): RawDefinition {
  const def = clone(input);
  // Questions of a level the check guards, required now, always or behind the old gate.
  const required = modelOf(input).questions.filter((q) => q.level?.gated && q.required !== 'never').map((q) => q.key);
  const safety = objectAt(def, 'safety');
  if (key) safety.gate = key;
  else delete safety.gate;
  if (Object.keys(safety).length === 0) delete def.safety;
  for (const k of required) placeRequired(def, { key: k }, true);
  syncPropertyOrder(def);
  return def;
}

export interface FormPatch {
  title?: string;
  description?: string;
  sourceDocument?: string;
  sourceSection?: string;
}

export function updateForm(input: RawDefinition, patch: FormPatch): RawDefinition {
  const def = clone(input);
  if (patch.title !== undefined) def.title = patch.title;
  if (patch.description !== undefined) {
    if (patch.description === '') delete def.description;
    else def.description = patch.description;
  }
  if (patch.sourceDocument !== undefined || patch.sourceSection !== undefined) {
    const source = objectAt(def, 'source');
    if (patch.sourceDocument !== undefined) source.document = patch.sourceDocument;
    if (patch.sourceSection !== undefined) {
      if (patch.sourceSection === '') delete source.section;
      else source.section = patch.sourceSection;
    }
  }
  return def;
}
