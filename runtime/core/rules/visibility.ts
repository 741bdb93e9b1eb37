import { pointerFromTokens, scopeToDataPath, tokensFromPointer, valueAt } from '../model/pointers';
import { evaluateCondition, isObject } from './condition';
import { withComputedValues } from './computed-values';

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
  tokens: readonly string[];
  pointer: string;
  /** Indexes into `rules` of the rule-bearing elements above it, itself included. */
  rules: number[];
  /** Depth below the subtree's root, to keep the 64-level bound of the walk. */
  depth: number;
  /** A repeatable group's item layout, laid out again for every item the answers hold. */
  detail?: Record<string, unknown>;
  /** The objects the answer sits in (`/riskFollowUp` for `/riskFollowUp/plan`), outermost first. */
  objects: Array<{ tokens: readonly string[]; pointer: string }>;
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
      const objects = tokens.slice(0, -1).map((_, i) => ({ tokens: tokens.slice(0, i + 1), pointer: pointerFromTokens(tokens.slice(0, i + 1)) }));
      plan.controls.push({ tokens, pointer: pointerFromTokens(tokens), rules: own, depth, detail, objects });
    }
    if (Array.isArray(element.elements)) for (const child of element.elements) walk(child, own, depth + 1);
  };
  walk(root, [], 0);
  plans.set(root, plan);
  return plan;
}

/**
 * The answer pointers hidden by rules: `/key` for a question, `/group/0/key` for a question of a
 * group item, `/object/key` and `/object` for an object's. A question is hidden when every control
 * showing it is hidden, an object when every control scoped into it is; a question no control
 * shows is not counted as hidden (lint reports it instead).
 */
export function hiddenAnswerPointers(definition: HasSchemas, answers: unknown): Set<string> {
  return new Set(hiddenAnswerPaths(definition, answers).keys());
}

/** The hidden answers' pointers, each with its data path (so callers need not parse it back). */
function hiddenAnswerPaths(definition: HasSchemas, given: unknown): Map<string, ReadonlyArray<string | number>> {
  // Rules read computed values as the answers give them (show the follow-up when the total is 8 or more).
  const answers = withComputedValues(definition, given);
  const shown = new Set<string>();
  const seen = new Map<string, ReadonlyArray<string | number>>();
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
      const dataPath = itemPath.length ? [...itemPath, ...control.tokens] : control.tokens;
      if (!seen.has(pointer)) seen.set(pointer, dataPath);
      if (visible) shown.add(pointer);
      // An object is hidden when every control scoped into it is (the risk follow-up's Group is).
      for (const object of control.objects) {
        const at = prefix + object.pointer;
        if (!seen.has(at)) seen.set(at, itemPath.length ? [...itemPath, ...object.tokens] : object.tokens);
        if (visible) shown.add(at);
      }
      if (!control.detail) continue;
      const items = valueAt(answers, dataPath);
      if (!Array.isArray(items)) continue;
      for (let i = 0; i < items.length; i++) visit(control.detail, visible, [...dataPath, i], depth + 1);
    }
  };
  visit(definition.uischema, true, [], 0);
  for (const pointer of shown) seen.delete(pointer);
  return seen;
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
  // shown), which may hide more: repeat while a removed answer is one that some rule reads. Each
  // round removes at least one answer, and rules nest only so deep, so a few rounds settle any form.
  for (let round = 0; round < 16; round++) {
    const present = presentHidden(definition, out);
    if (present.length === 0) break;
    const paths = present.map((h) => h.tokens);
    out = removeAll(out, paths);
    const read = ruleReadTokens(definition.uischema);
    if (!paths.some((path) => path.some((token) => read.has(String(token))))) break;
  }
  return out as T;
}

/** The pointers of the answers that `answers` holds although their question is hidden. */
export function hiddenAnswersPresent(definition: HasSchemas, answers: unknown): string[] {
  return presentHidden(definition, answers).map((h) => h.pointer);
}

function presentHidden(definition: HasSchemas, answers: unknown): Array<{ pointer: string; tokens: ReadonlyArray<string | number> }> {
  if (!isObject(answers)) return [];
  const hidden = hiddenAnswerPaths(definition, answers);
  if (hidden.size === 0) return [];
  const present: Array<{ pointer: string; tokens: ReadonlyArray<string | number> }> = [];
  const listed = new Set<string>();
  // Shortest first, so a hidden group is listed and its items' questions under it are not.
  for (const pointer of [...hidden.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    if (isHiddenPointer(listed, pointer)) continue;
    const tokens = hidden.get(pointer)!;
    if (valueAt(answers, tokens) === undefined) continue;
    listed.add(pointer);
    present.push({ pointer, tokens });
  }
  return present;
}

// The data-path tokens any rule's condition reads, once per UI schema: only removing one of
// those can change what else is hidden.
const readTokens = new WeakMap<object, Set<string>>();

function ruleReadTokens(uischema: Record<string, unknown>): Set<string> {
  let tokens = readTokens.get(uischema);
  if (tokens) return tokens;
  tokens = new Set<string>();
  const found = tokens;
  const condition = (c: unknown): void => {
    if (!isObject(c)) return;
    if (typeof c.scope === 'string') for (const t of scopeToDataPath(c.scope)) found.add(t);
    if (Array.isArray(c.conditions)) c.conditions.forEach(condition);
  };
  const plan = controlPlan(uischema);
  for (const element of plan.rules) condition((element.rule as Record<string, unknown>).condition);
  // Rules inside repeatable groups' item layouts are read per item.
  for (const control of plan.controls) if (control.detail) for (const t of ruleReadTokens(control.detail)) found.add(t);
  readTokens.set(uischema, found);
  return found;
}

/**
 * `node` without the values at `paths` (token lists): objects and arrays on those paths are
 * copied once each, everything else is shared; a node with nothing removed is returned as it is.
 */
function removeAll(node: unknown, paths: ReadonlyArray<ReadonlyArray<string | number>>): unknown {
  if (paths.length === 0 || node === null || typeof node !== 'object') return node;
  const byHead = new Map<string, Array<ReadonlyArray<string | number>>>();
  for (const path of paths) {
    if (path.length === 0) continue;
    const head = String(path[0]);
    const rests = byHead.get(head);
    if (rests) rests.push(path.slice(1));
    else byHead.set(head, [path.slice(1)]);
  }
  if (Array.isArray(node)) {
    let copy: unknown[] | null = null;
    for (const [head, rests] of byHead) {
      const index = Number(head);
      // An item itself is never removed here (its group is, or one of its questions).
      if (!Number.isInteger(index) || index < 0 || index >= node.length || rests.some((r) => r.length === 0)) continue;
      const child = removeAll(node[index], rests);
      if (child !== node[index]) (copy ??= node.slice())[index] = child;
    }
    return copy ?? node;
  }
  const record = node as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  let changed = false;
  for (const key of Object.keys(record)) {
    const rests = byHead.get(key);
    let value = record[key];
    if (rests) {
      if (rests.some((r) => r.length === 0)) {
        changed = true;
        continue;
      }
      const child = removeAll(value, rests);
      changed ||= child !== value;
      value = child;
    }
    // `__proto__` is defined, not assigned, so it stays data and never becomes a prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    else copy[key] = value;
  }
  return changed ? copy : node;
}
