import { pointerFromTokens } from '../problems/pointer';
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

/**
 * The answer pointers hidden by rules: `/key` for a question, `/group/0/key` for a question of a
 * group item. A question is hidden when every control showing it is hidden; a question no
 * control shows is not counted as hidden (lint reports it instead).
 */
export function hiddenAnswerPointers(definition: HasSchemas, answers: unknown): Set<string> {
  const shown = new Set<string>();
  const seen = new Set<string>();
  const stack: Array<{ element: unknown; visible: boolean; itemPath: Array<string | number>; depth: number }> = [
    { element: definition.uischema, visible: true, itemPath: [], depth: 0 },
  ];
  while (stack.length) {
    const { element, visible: parentVisible, itemPath, depth } = stack.pop()!;
    if (!isObject(element) || depth > 64) continue;
    const visible = isVisible(element, answers, parentVisible, { rootSchema: definition.schema, itemPath });
    if (element.type === 'Control' && typeof element.scope === 'string') {
      const dataPath = [...itemPath, ...scopeToDataPath(element.scope)];
      const pointer = pointerFromTokens(dataPath);
      seen.add(pointer);
      if (visible) shown.add(pointer);
      const detail = isObject(element.options) ? element.options.detail : undefined;
      const items = valueAt(answers, dataPath);
      if (isObject(detail) && Array.isArray(items)) {
        items.forEach((_, i) => stack.push({ element: detail, visible, itemPath: [...dataPath, i], depth: depth + 1 }));
      }
    }
    if (Array.isArray(element.elements)) {
      for (const child of element.elements) stack.push({ element: child, visible, itemPath, depth: depth + 1 });
    }
  }
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
