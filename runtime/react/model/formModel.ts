import { formModel as coreFormModel, translator, type Definition, type FormModel as CoreFormModel, type Question, type Translate } from '../../core/index';
import type { Rule } from './conditions';
import { questionHint, questionTitle } from './wording';

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

/**
 * A layout's children as the runtime renders them: only an array of objects. Every surface checks a
 * definition first (lint refuses such a UI schema), but a renderer must not throw on one that
 * slipped through (`elements: {}` threw a TypeError mid-render).
 */
export function childElements(element: UiElement): UiElement[] {
  const elements: unknown = element.elements;
  return Array.isArray(elements) ? (elements as UiElement[]) : [];
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

/**
 * What the runtime adds to core's form model (which decides every question's kind, options,
 * requirement, sensitivity, section and rules): wording in the form's locale, and per top-level
 * key what the renderers, rules and check-your-answers ask for. Built once per definition and
 * locale; nothing here changes while typing.
 */
export interface FormModel {
  definition: Definition;
  /** Core's model of the definition: every question, read once. */
  questions: CoreFormModel;
  uischema: UiElement;
  required: ReadonlySet<string>;
  sections: Section[] | null;
  /** Rules on each top-level key's control and its ancestors (all must allow it for it to show). */
  rulesByKey: Map<string, Rule[]>;
  sensitiveKeys: ReadonlySet<string>;
  computedKeys: string[];
  /** A computed value anywhere: at the top level, in an object or in a group's item. */
  hasComputed: boolean;
  /** Keys in the order the form shows them (error summary, check-your-answers). */
  order: string[];
  /** Top-level answer keys some rule reads; null when a rule reads all of them (see core `ruleReads`). */
  ruleReads: string[] | null;
  t: Translate;
  /** The top-level question answered at `key`. */
  question(key: string): Question | undefined;
  title(key: string): string;
  hint(key: string): string | undefined;
  kind(key: string): Question['kind'] | undefined;
}

export function buildFormModel(definition: Definition, locale?: string): FormModel {
  const questions = coreFormModel(definition);
  const t = translator(definition, locale);
  // Top-level answers in reading order: an object's (`riskFollowUp`) where its first question shows,
  // under that question's rules (the Group around them).
  const top = topLevelShown(questions.shown);
  // Most questions carry no rule: they share one empty list.
  const rulesOf = (placed: ReadonlyArray<{ rule: unknown }>): Rule[] => (placed.length ? placed.map((p) => p.rule as unknown as Rule) : NO_RULES);
  const rulesByKey = new Map<string, Rule[]>();
  for (const { key, first } of top) rulesByKey.set(key, rulesOf(first.control!.rules));
  const sections = questions.sections?.map((s) => ({
    index: s.index,
    id: `section-${s.index + 1}`,
    label: t(`${s.pointer}/label`, s.label),
    element: s.element as unknown as UiElement,
    pointer: s.pointer,
    keys: topLevelShown(s.questions).map((t) => t.key),
    rules: rulesOf(s.rules),
  })) ?? null;
  const question = (key: string) => questions.byKey.get(key);
  // One pass over the top-level questions for what the runtime keeps by key.
  const required = new Set<string>();
  const sensitiveKeys = new Set<string>();
  const computedKeys: string[] = [];
  for (const q of questions.questions) {
    if (q.required !== 'never') required.add(q.key);
    if (q.sensitivity) sensitiveKeys.add(q.key);
    if (q.computed) computedKeys.push(q.key);
  }
  return {
    definition,
    questions,
    uischema: questions.uischema as unknown as UiElement,
    required,
    sections,
    rulesByKey,
    sensitiveKeys,
    computedKeys,
    hasComputed: questions.all.some((q) => q.computed),
    order: top.map((t) => t.key),
    ruleReads: questions.ruleReads ? [...questions.ruleReads] : null,
    t,
    question,
    title: (key) => questionTitle(t, question(key), key),
    hint: (key) => questionHint(t, question(key)),
    kind: (key) => question(key)?.kind,
  };
}

const NO_RULES: Rule[] = Object.freeze([]) as unknown as Rule[];

/** The top-level answers some of `shown` belong to, once each, with the first question shown of each. */
function topLevelShown(shown: readonly Question[]): Array<{ key: string; first: Question }> {
  const seen = new Map<string, Question>();
  for (const q of shown) if (!q.group && !seen.has(q.path[0]!)) seen.set(q.path[0]!, q);
  return [...seen].map(([key, first]) => ({ key, first }));
}

/** A DOM id for an answer pointer: stable, unique, and safe in a URL fragment. */
export function fieldId(pointer: string): string {
  // Most answers are a plain key (`/q0001`): their id needs no per-character replacement.
  if (PLAIN_KEY.test(pointer)) return 'as-' + pointer.slice(1);
  return 'as' + pointer.replace(/[^A-Za-z0-9]/g, (c) => (c === '/' ? '-' : `_${c.charCodeAt(0).toString(16)}`));
}
const PLAIN_KEY = /^\/[A-Za-z0-9]+$/;
