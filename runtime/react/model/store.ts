import type { Answers } from '../../core/index';

type Listener = () => void;

/**
 * Answers kept outside React, with one listener set per answer key. A control subscribes to its
 * own key (useSyncExternalStore), so a keystroke notifies one control and whatever declared a
 * dependency on that key (a rule, a computed value, a section's status), never the whole form.
 * That is the design the performance issue asks for: JSON Forms' own dispatch re-renders every
 * control on each change.
 */
export class AnswersStore {
  private values: Answers;
  private readonly keyListeners = new Map<string, Set<Listener>>();
  private readonly anyListeners = new Set<(key: string) => void>();
  private version = 0;

  constructor(initial: Answers = {}) {
    this.values = safeCopy(initial);
  }

  get(key: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.values, key) ? this.values[key] : undefined;
  }

  /** A fresh object each time it changes (cheap: shallow), so callers may keep it. */
  snapshot(): Answers {
    return this.values;
  }

  /** Increments on every change; lets whole-form readers use useSyncExternalStore cheaply. */
  getVersion(): number {
    return this.version;
  }

  set(key: string, value: unknown): void {
    if (isForbiddenKey(key)) return;
    if (Object.is(this.get(key), value)) return;
    const next = { ...this.values };
    if (value === undefined) delete next[key];
    else next[key] = value;
    this.values = next;
    this.version++;
    this.emit(key);
  }

  /** Replaces every answer (restore, host-driven reset): every subscriber hears it. */
  replace(answers: Answers): void {
    const before = this.values;
    this.values = safeCopy(answers);
    this.version++;
    const keys = new Set([...Object.keys(before), ...Object.keys(this.values)]);
    for (const key of keys) this.emit(key);
  }

  subscribe(key: string, listener: Listener): () => void {
    let set = this.keyListeners.get(key);
    if (!set) this.keyListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0) this.keyListeners.delete(key);
    };
  }

  /** Subscribes to several keys at once (rules, computed values, section status). */
  subscribeKeys(keys: readonly string[], listener: Listener): () => void {
    const offs = keys.map((k) => this.subscribe(k, listener));
    return () => offs.forEach((off) => off());
  }

  /** Every change, with its key: drafts and host onChange listen here, never a control. */
  subscribeAll(listener: (key: string) => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  private emit(key: string): void {
    const set = this.keyListeners.get(key);
    if (set) for (const l of [...set]) l();
    for (const l of [...this.anyListeners]) l(key);
  }
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN.has(key);
}

/** Copies own enumerable keys only, dropping prototype-polluting ones (hostile drafts, hosts). */
export function safeCopy(answers: unknown): Answers {
  const out: Answers = {};
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return out;
  for (const key of Object.keys(answers)) {
    if (isForbiddenKey(key)) continue;
    out[key] = (answers as Record<string, unknown>)[key];
  }
  return out;
}
