import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { FormController } from './model/controller';
import { evaluateCondition, ruleOutcome, type Rule } from './model/conditions';
import { topKey } from './model/uiState';

export const FormContext = createContext<FormController | null>(null);

export function useController(): FormController {
  const c = useContext(FormContext);
  if (!c) throw new Error('Assessment form components must sit inside <AssessmentForm>');
  return c;
}

/** One answer, subscribed by key: a change to another answer does not render this component. */
export function useAnswer(key: string): unknown {
  const { store } = useController();
  const subscribe = useCallback((cb: () => void) => store.subscribe(key, cb), [store, key]);
  return useSyncExternalStore(subscribe, () => store.get(key));
}

/** The error that may show at a pointer (after blur or a submit attempt). */
export function useShownError(pointer: string): string | undefined {
  const { ui } = useController();
  const key = topKey(pointer);
  const subscribe = useCallback((cb: () => void) => ui.subscribe(key, cb), [ui, key]);
  return useSyncExternalStore(subscribe, () => ui.shownError(pointer));
}

const ALWAYS = 3;

/** A rule's outcome, subscribed only to the answers its condition reads. Bit 1 visible, bit 0 enabled. */
export function useRule(rule: Rule | undefined): { visible: boolean; enabled: boolean } {
  const c = useController();
  const { store } = c;
  const subscribe = useCallback(
    (cb: () => void) => {
      if (!rule) return () => {};
      // A rule is decided on the shown answers, which any rule-read key can change.
      const keys = c.ruleReadKeys();
      return keys === null ? store.subscribeAll(cb) : store.subscribeKeys(keys, cb);
    },
    [c, store, rule],
  );
  const bits = useSyncExternalStore(subscribe, () => {
    if (!rule) return ALWAYS;
    const o = ruleOutcome(rule, evaluateCondition(rule.condition, c.shownAnswers()));
    return (o.visible ? 2 : 0) | (o.enabled ? 1 : 0);
  });
  return { visible: (bits & 2) !== 0, enabled: (bits & 1) !== 0 };
}

/** Several keys at once, reduced to a primitive snapshot (section status, computed values). */
export function useDerived<T extends string | number | boolean | undefined>(keys: readonly string[] | null, read: () => T): T {
  const { store } = useController();
  const subscribe = useCallback(
    (cb: () => void) => (keys === null ? store.subscribeAll(cb) : store.subscribeKeys(keys, cb)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, keys && keys.join('\u0000')],
  );
  return useSyncExternalStore(subscribe, read);
}

export function useViewVersion(): number {
  const c = useController();
  return useSyncExternalStore(
    useCallback((cb: () => void) => c.subscribeView(cb), [c]),
    () => c.getViewVersion(),
  );
}

export function useSummaryVersion(): number {
  const { ui } = useController();
  return useSyncExternalStore(
    useCallback((cb: () => void) => ui.subscribeSummary(cb), [ui]),
    () => ui.getSummaryVersion(),
  );
}

/**
 * Counts control renders when the form runs with `debug`: the CI guard types one key in a large
 * form and asserts that only a handful of controls rendered.
 */
export function countRender(debug: boolean): void {
  if (!debug) return;
  const w = window as unknown as { __asRenderCount?: number };
  w.__asRenderCount = (w.__asRenderCount ?? 0) + 1;
}
