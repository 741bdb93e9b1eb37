import { scopeKey, scopePropertyPath, type ComputedSpec, type Question } from '../../../../runtime/core/index';
import { isObject, own, ownArray, ownObject, ownString, type JsonObject } from './json';
import { kindLabels, kindOf, optionsHolder, readOptions, type ChoiceOption, type QuestionKind } from './kinds';
import { modelOf } from './model';
import { readShowRule, type ShowRule } from './showRule';

/**
 * The outline a policy lead sees: sections (UI `Category`s) holding questions and guidance.
 * Read from a definition, never stored: the definition is the one source of truth.
 * A uischema whose root is not a `Categorization` is shown as one unnamed section.
 */
export interface ShowWhen {
  key: string;
  value: unknown;
}

export interface OutlineQuestion {
  kind: QuestionKind | 'object' | 'unknown';
  key: string;
  /** Set for a question inside a repeatable group. */
  group?: string;
  /** Set for a question inside an object group: the object's (top-level) key. */
  object?: string;
  label: string;
  /** The question's `description`. */
  hint?: string;
  /** A choice's options; empty for other questions. */
  options: ChoiceOption[];
  /** False when the options come from a shared shape (`$ref`): the JSON view changes those. */
  optionsEditable: boolean;
  /** Always, or under a condition (behind the safety check, after an answer). */
  required: boolean;
  sensitivity?: string;
  /** Its level is shown (and required) only behind the safety check. */
  gated?: boolean;
  code?: string;
  /** JSON pointer of the property in the definition (for a group item behind `$ref`, where it is written). */
  schemaPath: string;
  /** Set for a value the runtime works out (`x-computed`): nobody types it. */
  computed?: ComputedSpec;
  /** The help behind the question's "Help" disclosure (`x-help`). */
  help?: string;
  /** Answer limits as written: `minimum`, `maximum`, `maxLength`; `integer` for whole numbers. */
  limits: { minimum?: number; maximum?: number; maxLength?: number; integer: boolean };
  /** A single choice shown as a drop-down list. */
  dropdown: boolean;
}

/** The edit reference of an outline question: top level, a repeatable group's item, or an object group's question. */
export function questionRef(q: Pick<OutlineQuestion, 'key' | 'group' | 'object'>): { key: string; group?: string; object?: string } {
  if (q.group !== undefined) return { key: q.key, group: q.group };
  return q.object !== undefined ? { key: q.key, object: q.object } : { key: q.key };
}

/** How a question's kind is named to a policy lead (a computed value is no kind of answer: a total or a band). */
export function questionKindLabel(q: Pick<OutlineQuestion, 'kind' | 'computed'>): string {
  if (q.computed) return q.computed.op === 'band' ? 'Band' : 'Total';
  return kindLabels[q.kind];
}

export interface OutlineItem {
  type: 'question' | 'guidance' | 'other';
  section: number;
  index: number;
  /** JSON pointer of the UI element in the definition. */
  uiPath: string;
  label: string;
  showWhen?: ShowWhen;
  /** Its show-when, when every condition is one the Design view edits. */
  showRule?: ShowRule;
  hasRule: boolean;
  question?: OutlineQuestion;
  /** For a repeatable group: its item questions; for an object group: its questions, in the order shown. */
  children?: OutlineQuestion[];
}

export interface OutlineSection {
  index: number;
  label: string;
  uiPath: string;
  /** False when the uischema root is a plain layout shown as one section. */
  categorized: boolean;
  showWhen?: ShowWhen;
  showRule?: ShowRule;
  hasRule: boolean;
  items: OutlineItem[];
}

export interface Outline {
  sections: OutlineSection[];
  gate?: string;
}

export function sectionsContainer(uischema: unknown): { categorized: boolean; sections: JsonObject[] } {
  if (!isObject(uischema)) return { categorized: false, sections: [] };
  if (own(uischema, 'type') === 'Categorization') {
    return { categorized: true, sections: (ownArray(uischema, 'elements') ?? []).filter(isObject) };
  }
  return { categorized: false, sections: [uischema] };
}

export function readShowWhen(rule: unknown): ShowWhen | undefined {
  if (!isObject(rule) || own(rule, 'effect') !== 'SHOW') return undefined;
  const condition = ownObject(rule, 'condition');
  const key = scopeKey(own(condition, 'scope'));
  const schema = ownObject(condition, 'schema');
  if (!key || !schema) return undefined;
  if (Object.prototype.hasOwnProperty.call(schema, 'const')) return { key, value: schema.const };
  const contains = ownObject(schema, 'contains');
  if (contains && Object.prototype.hasOwnProperty.call(contains, 'const')) return { key, value: contains.const };
  return undefined;
}

/** Whether a UI scope names an answer at or inside `path` (`#/properties/a/properties/b` is inside `['a']`). */
export function scopeWithin(scope: unknown, path: readonly string[]): boolean {
  const at = typeof scope === 'string' ? scopePropertyPath(scope) : null;
  return !!at && at.length >= path.length && path.every((k, i) => at[i] === k);
}

/** The property path of each control directly in a layout (`[object, key]` for a question of an object). */
function controlPaths(layout: unknown): Array<string[] | null> {
  return (ownArray(layout, 'elements') ?? []).map((el) => (own(el, 'type') === 'Control' && typeof own(el, 'scope') === 'string' ? scopePropertyPath(own(el, 'scope') as string) : null));
}

/**
 * The top-level object a JSON Forms `Group` shows, when it is an object group as the builder makes
 * them: every control directly in it is scoped one level into the same object
 * (`#/properties/riskFollowUp/properties/plan`). Undefined for any other element.
 */
export function objectOfGroup(el: unknown): string | undefined {
  if (own(el, 'type') !== 'Group') return undefined;
  const paths = controlPaths(el).filter((p) => p !== null);
  const head = paths[0]?.[0];
  return head !== undefined && paths.every((p) => p.length === 2 && p[0] === head) ? head : undefined;
}

/** The `Group` elements (directly in a section) showing an object's questions. */
export function objectGroups(def: JsonObject, object: string): JsonObject[] {
  return sectionsContainer(own(def, 'uischema')).sections.flatMap((s) => (ownArray(s, 'elements') ?? []).filter((el): el is JsonObject => isObject(el) && objectOfGroup(el) === object));
}

/** The keys of an object group's questions, in the order its layout shows them. */
export function memberKeys(el: unknown): string[] {
  return controlPaths(el).flatMap((p) => (p && p.length === 2 ? [p[1]!] : []));
}

/** The outline's view of a question of core's form model. */
function outlineQuestion(q: Question): OutlineQuestion {
  const object = !q.group && q.parent && !q.parent.parent ? q.parent : undefined;
  return {
    kind: kindOf(q),
    key: q.key,
    ...(q.group ? { group: q.group.key } : {}),
    ...(object ? { object: object.key } : {}),
    label: q.title ?? q.key,
    ...(q.description !== undefined ? { hint: q.description } : {}),
    options: readOptions(q),
    optionsEditable: optionsHolder(q.schema, kindOf(q)) !== undefined,
    // Inside an object, as the object's own `required` says (core's model adds "once the object is answered").
    required: object ? (ownArray(object.schema, 'required') ?? []).includes(q.key) : q.required !== 'never',
    ...(q.sensitivity ? { sensitivity: q.sensitivity } : {}),
    ...(q.level?.gated ? { gated: true } : {}),
    ...(q.code !== undefined ? { code: q.code } : {}),
    schemaPath: q.pointer,
    ...(q.computed ? { computed: q.computed } : {}),
    ...(q.help !== undefined ? { help: q.help } : {}),
    limits: limitsOf(q.schema),
    dropdown: own(ownObject(q.control?.element, 'options'), 'format') === 'select',
  };
}

function limitsOf(schema: JsonObject): OutlineQuestion['limits'] {
  const num = (k: string) => (typeof own(schema, k) === 'number' ? { [k]: own(schema, k) as number } : {});
  return { ...num('minimum'), ...num('maximum'), ...num('maxLength'), integer: own(schema, 'type') === 'integer' };
}

export function readOutline(definition: JsonObject): Outline {
  const gate = ownString(ownObject(definition, 'safety'), 'gate');
  const model = modelOf(definition);
  const { categorized, sections } = sectionsContainer(own(definition, 'uischema'));
  return {
    ...(gate ? { gate } : {}),
    sections: sections.map((section, s) => {
      const uiPath = categorized ? `/uischema/elements/${s}` : '/uischema';
      const items = (ownArray(section, 'elements') ?? []).map((el, i): OutlineItem => {
        const itemPath = `${uiPath}/elements/${i}`;
        const base = { section: s, index: i, uiPath: itemPath, hasRule: isObject(own(el, 'rule')) };
        const showWhen = readShowWhen(own(el, 'rule'));
        const showRule = readShowRule(own(el, 'rule'));
        const withRule = { ...base, ...(showWhen ? { showWhen } : {}), ...(showRule ? { showRule } : {}) };
        if (own(el, 'type') === 'Label') return { ...withRule, type: 'guidance', label: ownString(el, 'text') ?? '' };
        const object = objectOfGroup(el);
        const objectQ = object !== undefined ? model.byKey.get(object) : undefined;
        if (objectQ?.kind === 'object') {
          const members = memberKeys(el).flatMap((k) => objectQ.children?.find((c) => c.key === k) ?? []);
          const q = outlineQuestion(objectQ);
          return { ...withRule, type: 'question', label: ownString(el, 'label') ?? q.label, question: q, children: members.map(outlineQuestion) };
        }
        const key = scopeKey(own(el, 'scope'));
        const found = own(el, 'type') === 'Control' && key !== null ? model.byKey.get(key) : undefined;
        if (!found) return { ...withRule, type: 'other', label: ownString(el, 'label') ?? String(own(el, 'type') ?? 'element') };
        const q = outlineQuestion(found);
        const item: OutlineItem = { ...withRule, type: 'question', label: q.label, question: q };
        if (q.kind === 'group') item.children = (found.items ?? []).map(outlineQuestion);
        return item;
      });
      const showWhen = readShowWhen(own(section, 'rule'));
      const showRule = readShowRule(own(section, 'rule'));
      return {
        index: s,
        label: categorized ? ownString(section, 'label') ?? `Section ${s + 1}` : 'Questions',
        uiPath,
        categorized,
        hasRule: isObject(own(section, 'rule')),
        ...(showWhen ? { showWhen } : {}),
        ...(showRule ? { showRule } : {}),
        items,
      };
    }),
  };
}

/** Every question of the outline, groups' item questions included, in order. */
export function allQuestions(outline: Outline): OutlineQuestion[] {
  return outline.sections.flatMap((s) => s.items.flatMap((i) => (i.question ? [i.question, ...(i.children ?? [])] : [])));
}
