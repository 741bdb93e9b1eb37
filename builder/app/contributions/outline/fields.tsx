import { useId, type ReactNode } from 'react';
import { useFieldProblems } from './FieldProblems';
import type { FieldId } from './problemFields';

/** The ids a control is described by: its hint and the problems listed beside it. */
const describedBy = (...ids: Array<string | undefined | false>) => ids.filter(Boolean).join(' ') || undefined;

/** Small labelled form controls for the properties form (GOV.UK-style: label, hint, control). */
export function TextField(props: { id?: string; label: string; hint?: string; value: string; onChange: (v: string) => void; disabled?: boolean; multiline?: boolean; testId?: string; field?: FieldId }) {
  const auto = useId();
  const id = props.id ?? auto;
  const hintId = `${id}-hint`;
  const problems = useFieldProblems(props.field);
  const aria = { 'aria-describedby': describedBy(props.hint && hintId, problems.id), 'aria-invalid': problems.invalid || undefined };
  return (
    <div className={`field${problems.list ? ' field-with-problems' : ''}`} data-field={props.field}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="field-hint" id={hintId}>{props.hint}</p>}
      {problems.list}
      {props.multiline ? (
        <textarea id={id} value={props.value} disabled={props.disabled} {...aria} onChange={(e) => props.onChange(e.target.value)} rows={3} data-testid={props.testId} />
      ) : (
        <input id={id} type="text" value={props.value} disabled={props.disabled} {...aria} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId} />
      )}
    </div>
  );
}

export function SelectField(props: { label: string; hint?: string; value: string; options: Array<{ value: string; label: string }>; onChange: (v: string) => void; disabled?: boolean; testId?: string; field?: FieldId }) {
  const id = useId();
  const problems = useFieldProblems(props.field);
  return (
    <div className={`field${problems.list ? ' field-with-problems' : ''}`} data-field={props.field}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="field-hint" id={`${id}-hint`}>{props.hint}</p>}
      {problems.list}
      <select id={id} value={props.value} disabled={props.disabled} aria-describedby={describedBy(props.hint && `${id}-hint`, problems.id)} aria-invalid={problems.invalid || undefined} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckField(props: { label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; testId?: string; hint?: string; field?: FieldId }) {
  const id = useId();
  const problems = useFieldProblems(props.field);
  return (
    <div className={`field field-check${problems.list ? ' field-with-problems' : ''}`} data-field={props.field}>
      <input id={id} type="checkbox" checked={props.checked} disabled={props.disabled} onChange={(e) => props.onChange(e.target.checked)} data-testid={props.testId} aria-describedby={describedBy(props.hint && `${id}-hint`, problems.id)} aria-invalid={problems.invalid || undefined} />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="field-hint" id={`${id}-hint`}>{props.hint}</p>}
      {problems.list}
    </div>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A number or nothing: an empty box removes the limit it sets. */
export function NumberField(props: { label: string; hint?: string; value: number | undefined; onChange: (v: number | null) => void; disabled?: boolean; testId?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="field-hint" id={`${id}-hint`}>{props.hint}</p>}
      <input
        id={id}
        type="number"
        className="number-input"
        value={props.value === undefined ? '' : String(props.value)}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        data-testid={props.testId}
        onChange={(e) => {
          const v = e.target.value;
          if (v === '') props.onChange(null);
          else if (Number.isFinite(Number(v))) props.onChange(Number(v));
        }}
      />
    </div>
  );
}
