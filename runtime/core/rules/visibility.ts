import { pointerFromTokens, tokensFromPointer } from '../problems/pointer';
import { evaluateCondition, isObject } from './condition';
import { scopeToDataPath, valueAt } from './scope';

interface HasSchemas {
  schema: Record<string, unknown>;
  uischema: Record<string, unknown>;
}

/** Where a UI element sits: the data path of the group item it belongs to, if any. */
export interface RuleContext {
  rootSchema?: unknown;
  itemPath?: ReadonlyArray<string | number>;
}

/** Whether a UI element shows, given its parent's visibility and its own SHOW/HIDE rule. */
export function isVisible(uiElement: unknown, answers: unknown, parentVisible = true, context: RuleContext = {}): boolean {
  if (!parentVisible) return false;
  const rule = isObject(uiElement) ? uiElement.rule : undefined;
  if (!isObject(rule)) return true;
  if (rule.effect === 'SHOW') return evaluateCondition(rule.condition, answers, context.rootSchema, context.itemPath);
  if (rule.effect === 'HIDE') return !evaluateCondition(rule.condition, answers, context.rootSchema, context.itemPath);
  return true;
}

/** Whether a UI element is enabled, given its parent's state and its own ENABLE/DISABLE rule. */
export function isEnabled(uiElement: unknown, answers: unknown, parentEnabled = true, context: RuleContext = {}): boolean {
  if (!parentEnabled) return false;
  const rule = isObject(uiElement) ? uiElement.rule : undefined;
  if (!isObject(rule)) return true;
  if (rule.effect === 'ENABLE') return evaluateCondition(rule.condition, answers, context.rootSchema, context.itemPath);
  if (rule.effect === 'DISABLE') return !evaluateCondition(rule.condition, answers, context.rootSchema, context.itemPath);
  return true;
}

/** A control of a UI subtree, found once per subtree object (see `controlPlan`). */
interface PlannedControl {
  /** Data path of the control relative to the subtree's item, and its pointer. */
  tokens: string[];
  pointer: string;
  /** Indexes into `rules` of the rule-bearing elements above it, itself included. */
  rules: number[];
  /** Depth below the subtree's root, to keep the 64-level bound of the walk. */
  depth: number;
  /** A repeatable group's item layout, laid out again for every item the answers hold. */
  detail?: Record<string, unknown>;
}

interface ControlPlan {
  rules: Array<Record<string, unknown>>;
  controls: PlannedControl[];
}

const maxDepth = 64;

// Validation runs on every blur and submit; the UI schema does not change between calls, so
// which controls it holds and which rules sit above each is worked out once per object.
const plans = new WeakMap<object, ControlPlan>();

function controlPlan(root: Record<string, unknown>): ControlPlan {
  const cached = plans.get(root);
  if (cached) return cached;
  const plan: ControlPlan = { rules: [], controls: [] };
  const walk = (element: unknown, rules: number[], depth: number): void => {
    if (!isObject(element) || depth > maxDepth) return;
    let own = rules;
    if (isObject(element.rule)) {
      plan.rules.push(element);
      own = [...rules, plan.rules.length - 1];
    }
    if (element.type === 'Control' && typeof element.scope === 'string') {
      const tokens = scopeToDataPath(element.scope);
      const detail = isObject(element.options) && isObject(element.options.detail) ? element.options.detail : undefined;
      plan.controls.push({ tokens, pointer: pointerFromTokens(tokens), rules: own, depth, detail });
    }
    if (Array.isArray(element.elements)) for (const child of element.elements) walk(child, own, depth + 1);
  };
  walk(root, [], 0);
  plans.set(root, plan);
  return plan;
}

/**
 * The answer pointers hidden by rules: `/key` for a question, `/group/0/key` for a question of a
 * group item. A question is hidden when every control showing it is hidden; a question no
 * control shows is not counted as hidden (lint reports it instead).
 */
export function hiddenAnswerPointers(definition: HasSchemas, answers: unknown): Set<string> {
  const shown = new Set<string>();
  const seen = new Set<string>();
  const visit = (root: unknown, parentVisible: boolean, itemPath: Array<string | number>, baseDepth: number): void => {
    if (!isObject(root)) return;
    const plan = controlPlan(root);
    const context = { rootSchema: definition.schema, itemPath };
    // Each rule is evaluated at most once per subtree instance, and only when a control under it asks.
    const results: Array<boolean | undefined> = [];
    const ruleShows = (i: number): boolean => (results[i] ??= isVisible(plan.rules[i], answers, true, context));
    const prefix = itemPath.length ? pointerFromTokens(itemPath) : '';
    for (const control of plan.controls) {
      const depth = baseDepth + control.depth;
      if (depth > maxDepth) continue;
      // Rules above a control are never deeper than it, so all of them are within the bound.
      const visible = parentVisible && control.rules.every(ruleShows);
      const pointer = prefix + control.pointer;
      seen.add(pointer);
      if (visible) shown.add(pointer);
      if (!control.detail) continue;
      const dataPath = [...itemPath, ...control.tokens];
      const items = valueAt(answers, dataPath);
      if (!Array.isArray(items)) continue;
      for (let i = 0; i < items.length; i++) visit(control.detail, visible, [...dataPath, i], depth + 1);
    }
  };
  visit(definition.uischema, true, [], 0);
  const hidden = new Set<string>();
  for (const pointer of seen) if (!shown.has(pointer)) hidden.add(pointer);
  return hidden;
}

/** Whether an answer pointer is hidden, itself or through a hidden group or item above it. */
export function isHiddenPointer(hidden: ReadonlySet<string>, pointer: string): boolean {
  if (hidden.size === 0) return false;
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) if (hidden.has(p)) return true;
  return false;
}

/** The top-level question keys currently shown (not hidden by a rule). */
export function visibleQuestionKeys(definition: HasSchemas, answers: unknown): string[] {
  const properties = isObject(definition.schema.properties) ? definition.schema.properties : {};
  const hidden = hiddenAnswerPointers(definition, answers);
  return Object.keys(properties).filter((key) => !isHiddenPointer(hidden, pointerFromTokens([key])));
}

/**
 * The answers without those to questions hidden by a rule (the safety check's included): what a
 * response may hold, and what the runtime's rules are decided on. Copies only the objects and
 * arrays on a hidden answer's path, so
 * an answers object with nothing hidden is returned as it is. A draft may keep hidden answers (a
 * practitioner who changes their mind gets them back); a response never does.
 * @public
 */
export function withoutHiddenAnswers<T>(definition: HasSchemas, answers: T): T {
  let out: unknown = answers;
  // A rule that reads a hidden answer is decided as if that answer were not given (it was never
  // shown), which may hide more: repeat until nothing hidden is left. Each round removes at least
  // one answer, and rules nest only so deep, so a few rounds settle any real form.
  for (let round = 0; round < 16; round++) {
    const present = hiddenAnswersPresent(definition, out);
    if (present.length === 0) break;
    for (const pointer of present) out = removeAt(out, tokensFromPointer(pointer));
  }
  return out as T;
}

/** The pointers of the answers that `answers` holds although their question is hidden. */
export function hiddenAnswersPresent(definition: HasSchemas, answers: unknown): string[] {
  if (!isObject(answers)) return [];
  const hidden = hiddenAnswerPointers(definition, answers);
  const present: string[] = [];
  // Shortest first, so a hidden group is listed and its items' questions under it are not.
  for (const pointer of [...hidden].sort((a, b) => a.length - b.length)) {
    const tokens = tokensFromPointer(pointer);
    // A pointer under one already listed (an item's question in a hidden group) adds nothing.
    if (valueAt(answers, tokens) !== undefined && !present.some((p) => pointer.startsWith(p + '/'))) present.push(pointer);
  }
  return present.sort();
}

function removeAt(node: unknown, tokens: string[]): unknown {
  if (tokens.length === 0 || node === null || typeof node !== 'object') return node;
  const [head, ...rest] = tokens as [string, ...string[]];
  if (!Object.prototype.hasOwnProperty.call(node, head)) return node;
  if (Array.isArray(node)) {
    const index = Number(head);
    if (!Number.isInteger(index) || rest.length === 0) return node;
    const child = removeAt(node[index], rest);
    if (child === node[index]) return node;
    const copy = node.slice();
    copy[index] = child;
    return copy;
  }
  const record = node as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (key === head && rest.length === 0) continue;
    const value = key === head ? removeAt(record[key], rest) : record[key];
    // Defined, not assigned: a `__proto__` answer key stays data, never a prototype.
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
