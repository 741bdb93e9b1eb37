import { isObject, keyOfScope, own, ownArray, ownObject, ownString, type JsonObject } from './json';
import { kindOf, type QuestionKind } from './kinds';

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
  kind: QuestionKind | 'unknown';
  key: string;
  /** Set for a question inside a repeatable group. */
  group?: string;
  label: string;
  required: boolean;
  sensitivity?: string;
  code?: string;
  /** JSON pointer of the property in the definition. */
  schemaPath: string;
}

export interface OutlineItem {
  type: 'question' | 'guidance' | 'other';
  section: number;
  index: number;
  /** JSON pointer of the UI element in the definition. */
  uiPath: string;
  label: string;
  showWhen?: ShowWhen;
  hasRule: boolean;
  question?: OutlineQuestion;
  /** For a repeatable group: its item questions. */
  children?: OutlineQuestion[];
}

export interface OutlineSection {
  index: number;
  label: string;
  uiPath: string;
  /** False when the uischema root is a plain layout shown as one section. */
  categorized: boolean;
  showWhen?: ShowWhen;
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
  const key = keyOfScope(own(condition, 'scope'));
  const schema = ownObject(condition, 'schema');
  if (!key || !schema) return undefined;
  if (Object.prototype.hasOwnProperty.call(schema, 'const')) return { key, value: schema.const };
  const contains = ownObject(schema, 'contains');
  if (contains && Object.prototype.hasOwnProperty.call(contains, 'const')) return { key, value: contains.const };
  return undefined;
}

function requiredSet(schema: unknown, gate: string | undefined): Set<string> {
  const out = new Set<string>((ownArray(schema, 'required') ?? []).filter((k): k is string => typeof k === 'string'));
  // Sensitive questions are required through `if` the gate `then` required (definition-format "Safety gate").
  for (const clause of ownArray(schema, 'allOf') ?? []) {
    const ifKeys = Object.keys(ownObject(ownObject(clause, 'if'), 'properties') ?? {});
    if (gate && ifKeys.length === 1 && ifKeys[0] === gate) {
      for (const k of ownArray(ownObject(clause, 'then'), 'required') ?? []) if (typeof k === 'string') out.add(k);
    }
  }
  return out;
}

function question(props: JsonObject, key: string, required: Set<string>, basePath: string, control: unknown, group?: string): OutlineQuestion {
  const schema = ownObject(props, key) ?? {};
  return {
    kind: kindOf(schema, control),
    key,
    ...(group ? { group } : {}),
    label: ownString(schema, 'title') ?? key,
    required: required.has(key),
    ...(ownString(schema, 'x-sensitivity') ? { sensitivity: ownString(schema, 'x-sensitivity') } : {}),
    ...(ownString(schema, 'x-code') ? { code: ownString(schema, 'x-code') } : {}),
    schemaPath: `${basePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
  };
}

export function readOutline(definition: JsonObject): Outline {
  const gate = ownString(ownObject(definition, 'safety'), 'gate');
  const props = ownObject(own(definition, 'schema'), 'properties') ?? {};
  const required = requiredSet(own(definition, 'schema'), gate);
  const { categorized, sections } = sectionsContainer(own(definition, 'uischema'));
  return {
    ...(gate ? { gate } : {}),
    sections: sections.map((section, s) => {
      const uiPath = categorized ? `/uischema/elements/${s}` : '/uischema';
      const items = (ownArray(section, 'elements') ?? []).map((el, i): OutlineItem => {
        const itemPath = `${uiPath}/elements/${i}`;
        const base = { section: s, index: i, uiPath: itemPath, hasRule: isObject(own(el, 'rule')) };
        const showWhen = readShowWhen(own(el, 'rule'));
        const withRule = showWhen ? { ...base, showWhen } : base;
        if (own(el, 'type') === 'Label') return { ...withRule, type: 'guidance', label: ownString(el, 'text') ?? '' };
        const key = keyOfScope(own(el, 'scope'));
        if (own(el, 'type') !== 'Control' || !key || !ownObject(props, key)) {
          return { ...withRule, type: 'other', label: ownString(el, 'label') ?? String(own(el, 'type') ?? 'element') };
        }
        const q = question(props, key, required, '/schema/properties', el);
        const item: OutlineItem = { ...withRule, type: 'question', label: q.label, question: q };
        if (q.kind === 'group') {
          const items = ownObject(ownObject(props, key), 'items') ?? {};
          const itemProps = ownObject(items, 'properties') ?? {};
          const itemRequired = requiredSet(items, undefined);
          item.children = Object.keys(itemProps).map((k) => question(itemProps, k, itemRequired, `${q.schemaPath}/items/properties`, undefined, key));
        }
        return item;
      });
      const showWhen = readShowWhen(own(section, 'rule'));
      return {
        index: s,
        label: categorized ? ownString(section, 'label') ?? `Section ${s + 1}` : 'Questions',
        uiPath,
        categorized,
        hasRule: isObject(own(section, 'rule')),
        ...(showWhen ? { showWhen } : {}),
        items,
      };
    }),
  };
}

/** Every question of the outline, groups' item questions included, in order. */
export function allQuestions(outline: Outline): OutlineQuestion[] {
  return outline.sections.flatMap((s) => s.items.flatMap((i) => (i.question ? [i.question, ...(i.children ?? [])] : [])));
}
