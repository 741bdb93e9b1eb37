import { tokensFromPointer } from '../../core/index';
import type { FieldError } from './validation';

type Listener = () => void;

/**
 * Errors and "may this error show yet" state, with per-key listeners like the answers store, so
 * validating on blur repaints only the controls whose message changed. Errors show after a field
 * is left or after a submit attempt, never while the first characters are typed (GOV.UK).
 */
export class UiState {
  private errors = new Map<string, FieldError>();
  private touched = new Set<string>();
  private submitted = false;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly summaryListeners = new Set<Listener>();
  private summaryVersion = 0;

  /** The message to show at a pointer, or undefined. */
  shownError(pointer: string): string | undefined {
    if (!this.submitted && !this.touched.has(pointer)) return undefined;
    return this.errors.get(pointer)?.message;
  }

  /** All current errors that may show (the error summary lists these after a submit attempt). */
  shownErrors(): FieldError[] {
    return [...this.errors.values()].filter((e) => this.submitted || this.touched.has(e.pointer));
  }

  allErrors(): FieldError[] {
    return [...this.errors.values()];
  }

  hasSubmitted(): boolean {
    return this.submitted;
  }

  getSummaryVersion(): number {
    return this.summaryVersion;
  }

  touch(pointer: string): void {
    if (this.touched.has(pointer)) return;
    this.touched.add(pointer);
    this.emit(topKey(pointer));
  }

  markSubmitted(): void {
    if (this.submitted) return;
    this.submitted = true;
    for (const key of this.listeners.keys()) this.emit(key);
  }

  /** Replaces the error list; notifies only keys whose errors changed. */
  setErrors(list: FieldError[]): void {
    const next = new Map(list.map((e) => [e.pointer, e]));
    const changed = new Set<string>();
    for (const [p, e] of next) if (this.errors.get(p)?.message !== e.message) changed.add(topKey(p));
    for (const p of this.errors.keys()) if (!next.has(p)) changed.add(topKey(p));
    this.errors = next;
    changed.forEach((k) => this.emit(k));
    if (changed.size > 0 || this.submitted) this.emitSummary();
  }

  subscribe(key: string, l: Listener): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(l);
    return () => set!.delete(l);
  }

  subscribeSummary(l: Listener): () => void {
    this.summaryListeners.add(l);
    return () => this.summaryListeners.delete(l);
  }

  private emit(key: string): void {
    const set = this.listeners.get(key);
    if (set) for (const l of [...set]) l();
    this.emitSummary();
  }

  private emitSummary(): void {
    this.summaryVersion++;
    for (const l of [...this.summaryListeners]) l();
  }
}

/** The top-level answer key of an answer pointer (`/children/0/name` → `children`). */
export function topKey(pointer: string): string {
  return pointer.startsWith('/') ? tokensFromPointer(pointer)[0]! : '';
}
