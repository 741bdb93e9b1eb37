import type { ValidationMode } from '../jsonFormsShapes';
import { tokensFromPointer } from '../../core/index';
import type { FieldError } from './validation';

type Listener = () => void;

/**
 * Errors and "may this error show yet" state, with per-key listeners like the answers store, so
 * validating on blur repaints only the controls whose message changed. Errors show after a field
 * is left or after a submit attempt, never while the first characters are typed (GOV.UK).
 */
export class UiState {
  /** The validator's errors by the field that shows them: an answer may break several rules. */
  private errors = new Map<string, FieldError[]>();
  private touched = new Set<string>();
  private submitted = false;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly summaryListeners = new Set<Listener>();
  private summaryVersion = 0;
  /**
   * JSON Forms' validationMode: the validator's errors show only under ValidateAndShow; a host's
   * additional errors show in every mode, and at once (the host chose to raise them).
   */
  mode: ValidationMode = 'ValidateAndShow';
  private extra = new Map<string, FieldError[]>();

  /** The message to show at a field, or undefined: one line for each of its problems (GOV.UK). */
  shownError(pointer: string): string | undefined {
    const own = this.mode === 'ValidateAndShow' && (this.submitted || this.touched.has(pointer)) ? messages(this.errors.get(pointer)) : undefined;
    const extra = messages(this.extra.get(pointer));
    return own && extra ? `${own}\n${extra}` : (own ?? extra);
  }

  /** All current errors that may show (the error summary lists these after a submit attempt). */
  shownErrors(): FieldError[] {
    return this.withExtra(this.mode === 'ValidateAndShow' ? this.ownErrors().filter((e) => this.submitted || this.touched.has(fieldOf(e))) : []);
  }

  allErrors(): FieldError[] {
    return this.withExtra(this.ownErrors());
  }

  /** The validator's errors, shown or not, without the host's. */
  ownErrors(): FieldError[] {
    return [...this.errors.values()].flat();
  }

  /** A host's error at a pointer joins the last of ours there, as JSON Forms joins them (a line each). */
  private withExtra(own: FieldError[]): FieldError[] {
    if (!this.extra.size) return own;
    const out = [...own];
    const last = new Map(own.map((e, i) => [e.pointer, i]));
    for (const e of [...this.extra.values()].flat()) {
      const i = last.get(e.pointer);
      if (i === undefined) out.push(e);
      else out[i] = { ...out[i]!, message: `${out[i]!.message}\n${e.message}` };
    }
    return out;
  }

  setMode(mode: ValidationMode | undefined): void {
    this.mode = mode === 'ValidateAndHide' || mode === 'NoValidation' ? mode : 'ValidateAndShow';
    for (const key of this.listeners.keys()) this.emit(key);
  }

  /** A host's errors, one per pointer (hostErrors.ts): every key they name, before or now, hears it. */
  setAdditional(list: FieldError[]): void {
    const keys = new Set([...this.extra.keys(), ...list.map((e) => e.pointer)].map(topKey));
    this.extra = byField(list);
    keys.forEach((k) => this.emit(k));
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
    const next = byField(list);
    const changed = new Set<string>();
    for (const [p, e] of next) if (messages(this.errors.get(p)) !== messages(e)) changed.add(topKey(p));
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

/** The pointer of the field that shows an error: its own, or its question's for an item inside an answer. */
export function fieldOf(e: FieldError): string {
  return e.field ?? e.pointer;
}

function byField(list: readonly FieldError[]): Map<string, FieldError[]> {
  const out = new Map<string, FieldError[]>();
  for (const e of list) {
    const there = out.get(fieldOf(e));
    if (there) there.push(e);
    else out.set(fieldOf(e), [e]);
  }
  return out;
}

/** A field's messages, a line each (`.as-error-message` keeps the lines). */
function messages(list: readonly FieldError[] | undefined): string | undefined {
  return list && (list.length === 1 ? list[0]!.message : list.map((e) => e.message).join('\n'));
}

/** The top-level answer key of an answer pointer (`/children/0/name` → `children`). */
export function topKey(pointer: string): string {
  return pointer.startsWith('/') ? tokensFromPointer(pointer)[0]! : '';
}
