import type { Definition } from '../../core/index';
import { conditionKeys, scopePath, type Rule } from './conditions';

export type JsonSchema = Record<string, unknown>;

export interface UiElement {
  type: string;
  scope?: string;
  label?: string | boolean;
  text?: string;
  elements?: UiElement[];
  rule?: Rule;
  options?: Record<string, unknown>;
}

/** One section of a categorized form (a Category), with the answer keys it shows. */
export interface Section {
  index: number;
  id: string;
  label: string;
  element: UiElement;
  pointer: string;
  keys: string[];
  /** Rules on the section and its ancestors: the gate lives here. */
  rules: Rule[];
}

export type Kind = 'text' | 'longtext' | 'number' | 'boolean' | 'choice' | 'multichoice' | 'date' | 'time' | 'group' | 'computed' | 'other';

/**
 * A definition read once into what the runtime needs per key: schema, wording (translated),
 * which rules sit above each control (to hide errors of hidden questions), which keys each
 * section shows. Built once per definition and locale; nothing here changes while typing.
 */
export interface FormModel {
  definition: Definition;
  rootSchema: JsonSchema;
  uischema: UiElement;
  properties: Record<string, JsonSchema>;
  required: Set<string>;
  sections: Section[] | null;
  /** Rules on each top-level key's control and its ancestors (all must allow it for it to show). */
  rulesByKey: Map<string, Rule[]>;
  sensitiveKeys: Set<string>;
  computedKeys: string[];
  /** Keys in the order the form shows them (error summary, check-your-answers). */
  order: string[];
  t(pointer: string, fallback: string): string;
  title(key: string): string;
  hint(key: string): string | undefined;
  kind(key: string): Kind;
}

export function keyOfScope(scope: string | undefined): string | null {
  if (!scope) return null;
  const path = scopePath(scope);
  return path && path.length === 1 ? path[0]! : null;
}

export function kindOf(schema: JsonSchema | undefined, ui?: UiElement): Kind {
  if (!schema) return 'other';
  if (schema['x-computed'] || schema.readOnly === true) return 'computed';
  const type = schema.type;
  if (type === 'boolean') return 'boolean';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'array') {
    const items = schema.items as JsonSchema | undefined;
    if (items && (items.type === 'object' || items.properties)) return 'group';
    return 'multichoice';
  }
  if (type === 'string') {
    if (Array.isArray(schema.oneOf) || Array.isArray(schema.enum)) return 'choice';
    if (schema.format === 'date') return 'date';
    if (schema.format === 'time') return 'time';
    if (ui?.options?.multi === true) return 'longtext';
    return 'text';
  }
  return 'other';
}

export function buildFormModel(definition: Definition, locale?: string): FormModel {
  const rootSchema = (definition.schema ?? {}) as JsonSchema;
  const uischema = (definition.uischema ?? { type: 'VerticalLayout', elements: [] }) as unknown as UiElement;
  const properties = ownRecord(rootSchema.properties) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(rootSchema.required) ? (rootSchema.required as string[]) : []);
  // Questions required through if/then (behind the safety gate, or after a yes) are not marked
  // "(optional)": when they show, they are usually needed.
  for (const key of conditionallyRequired(rootSchema)) required.add(key);
  const strings = (locale && definition.translations && Object.prototype.hasOwnProperty.call(definition.translations, locale))
    ? definition.translations[locale]!
    : {};
  const t = (pointer: string, fallback: string) =>
    Object.prototype.hasOwnProperty.call(strings, pointer) ? strings[pointer]! : fallback;

  const rulesByKey = new Map<string, Rule[]>();
  const uiByKey = new Map<string, UiElement>();
  const order: string[] = [];
  const sections: Section[] = [];

  const walk = (el: UiElement, pointer: string, rules: Rule[], section: Section | null) => {
    if (!el || typeof el !== 'object') return;
    const here = el.rule ? [...rules, el.rule] : rules;
    if (el.type === 'Category') {
      const s: Section = {
        index: sections.length,
        id: `section-${sections.length + 1}`,
        label: t(`${pointer}/label`, typeof el.label === 'string' ? el.label : `Section ${sections.length + 1}`),
        element: el,
        pointer,
        keys: [],
        rules: here,
      };
      sections.push(s);
      section = s;
    }
    const key = el.type === 'Control' ? keyOfScope(el.scope) : null;
    if (key && Object.prototype.hasOwnProperty.call(properties, key) && !rulesByKey.has(key)) {
      rulesByKey.set(key, here);
      uiByKey.set(key, el);
      order.push(key);
      section?.keys.push(key);
    }
    (el.elements ?? []).forEach((child, i) => walk(child, `${pointer}/elements/${i}`, here, section));
  };
  walk(uischema, '/uischema', [], null);

  const sensitiveKeys = new Set<string>();
  const computedKeys: string[] = [];
  for (const [key, schema] of Object.entries(properties)) {
    if (schema['x-sensitivity']) sensitiveKeys.add(key);
    if (schema['x-computed']) computedKeys.push(key);
  }

  return {
    definition,
    rootSchema,
    uischema,
    properties,
    required,
    sections: uischema.type === 'Categorization' ? sections : null,
    rulesByKey,
    sensitiveKeys,
    computedKeys,
    order,
    t,
    title: (key) => t(`/schema/properties/${escapePointer(key)}/title`, String(properties[key]?.title ?? key)),
    hint: (key) => {
      const d = properties[key]?.description;
      return typeof d === 'string' ? t(`/schema/properties/${escapePointer(key)}/description`, d) : undefined;
    },
    kind: (key) => kindOf(properties[key], uiByKey.get(key)),
  };
}

function conditionallyRequired(schema: JsonSchema): string[] {
  const out: string[] = [];
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 8) return;
    const n = node as JsonSchema;
    for (const branch of ['then', 'else'] as const) {
      const b = n[branch] as JsonSchema | undefined;
      if (b && Array.isArray(b.required)) out.push(...(b.required as unknown[]).filter((k): k is string => typeof k === 'string'));
      if (b) visit(b, depth + 1);
    }
    for (const kw of ['allOf', 'anyOf', 'oneOf'] as const) if (Array.isArray(n[kw])) (n[kw] as unknown[]).forEach((x) => visit(x, depth + 1));
  };
  visit(schema, 0);
  return out;
}

/** Keys every rule above the sections and controls reads: what section status depends on. */
export function ruleKeys(rules: Rule[]): string[] | null {
  const keys = new Set<string>();
  for (const r of rules) {
    const k = conditionKeys(r.condition);
    if (k === null) return null;
    k.forEach((x) => keys.add(x));
  }
  return [...keys];
}

/**
 * The answer keys any rule of a UI schema reads (null: some rule reads them all). A rule that
 * reads a hidden answer counts it as not given, so one answer can change rules that never name
 * it: every rule follows every key that any rule reads. Those are few (the safety check, a
 * handful of yes/no questions), so typing in a text field still wakes no rule.
 */
export function allRuleKeys(uischema: unknown): string[] | null {
  const rules: Rule[] = [];
  const stack: Array<{ node: unknown; depth: number }> = [{ node: uischema, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!node || typeof node !== 'object' || depth > 64) continue;
    const el = node as { rule?: Rule; elements?: unknown };
    if (el.rule && typeof el.rule === 'object') rules.push(el.rule);
    if (Array.isArray(el.elements)) for (const child of el.elements) stack.push({ node: child, depth: depth + 1 });
  }
  return ruleKeys(rules);
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function ownRecord(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!value || typeof value !== 'object') return out;
  for (const k of Object.keys(value)) {
    if (k === '__proto__') continue;
    out[k] = (value as Record<string, unknown>)[k];
  }
  return out;
}

/** A DOM id for an answer pointer: stable, unique, and safe in a URL fragment. */
export function fieldId(pointer: string): string {
  return 'as' + pointer.replace(/[^A-Za-z0-9]/g, (c) => (c === '/' ? '-' : `_${c.charCodeAt(0).toString(16)}`));
}
