import type { ReactNode } from 'react';
import type { ControlProps } from './types';

/** ids of the hint and error, for aria-describedby on the input(s). */
export function describedBy(p: ControlProps, extra?: string): string | undefined {
  const ids = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : '', extra ?? ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

// Plain functions, not components: each question would otherwise carry four more fibers, most
// rendering nothing, and first render at 1000 questions pays for every one.
function hint(p: ControlProps) {
  return p.hint ? (
    <div id={`${p.id}-hint`} className="as-hint">
      {p.hint}
    </div>
  ) : null;
}

function errorMessage(p: ControlProps) {
  return p.error ? (
    <p id={`${p.id}-error`} className="as-error-message">
      <span className="as-visually-hidden">Error:</span> {p.error}
    </p>
  ) : null;
}

function help(p: ControlProps) {
  return p.help ? (
    <details className="as-details">
      <summary className="as-details__summary">Help with this question</summary>
      <div className="as-details__text">{p.help}</div>
    </details>
  ) : null;
}

function optional(p: ControlProps) {
  return p.required ? null : <span className="as-optional"> (optional)</span>;
}

/**
 * A single-input question: label, hint, error, input (GOV.UK form group). Renderers call it as a
 * function (`Field({ p, children })`), not as `<Field>`: one fiber less per question.
 */
export function Field({ p, children }: { p: ControlProps; children: ReactNode }) {
  return (
    <div className={p.error ? 'as-form-group as-form-group--error' : 'as-form-group'}>
      <label className="as-label" htmlFor={p.id}>
        {p.label}
        {optional(p)}
      </label>
      {hint(p)}
      {help(p)}
      {errorMessage(p)}
      {children}
    </div>
  );
}

/** A multi-input question (radios, checkboxes, dates): fieldset with the question as legend. Called as a function too. */
export function FieldSet({ p, children }: { p: ControlProps; children: ReactNode }) {
  return (
    <div className={p.error ? 'as-form-group as-form-group--error' : 'as-form-group'}>
      <fieldset className="as-fieldset" aria-describedby={describedBy(p)}>
        <legend className="as-fieldset__legend">
          {p.label}
          {optional(p)}
        </legend>
        {hint(p)}
        {help(p)}
        {errorMessage(p)}
        {children}
      </fieldset>
    </div>
  );
}
