import { useId, type ReactNode } from 'react';
import type { ConditionChoice } from './model';
import type { ShowWhen } from '../../services/edits/index';

/** Small labelled form controls for the properties form (GOV.UK-style: label, hint, control). */
export function TextField(props: { id?: string; label: string; hint?: string; value: string; onChange: (v: string) => void; disabled?: boolean; multiline?: boolean; testId?: string }) {
  const auto = useId();
  const id = props.id ?? auto;
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="field-hint" id={hintId}>{props.hint}</p>}
      {props.multiline ? (
        <textarea id={id} value={props.value} disabled={props.disabled} aria-describedby={props.hint ? hintId : undefined} onChange={(e) => props.onChange(e.target.value)} rows={3} data-testid={props.testId} />
      ) : (
        <input id={id} type="text" value={props.value} disabled={props.disabled} aria-describedby={props.hint ? hintId : undefined} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId} />
      )}
    </div>
  );
}

export function SelectField(props: { label: string; hint?: string; value: string; options: Array<{ value: string; label: string }>; onChange: (v: string) => void; disabled?: boolean; testId?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="field-hint" id={`${id}-hint`}>{props.hint}</p>}
      <select id={id} value={props.value} disabled={props.disabled} aria-describedby={props.hint ? `${id}-hint` : undefined} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckField(props: { label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; testId?: string; hint?: string }) {
  const id = useId();
  return (
    <div className="field field-check">
      <input id={id} type="checkbox" checked={props.checked} disabled={props.disabled} onChange={(e) => props.onChange(e.target.checked)} data-testid={props.testId} aria-describedby={props.hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="field-hint" id={`${id}-hint`}>{props.hint}</p>}
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

/** "Show only when [question] is [value]": picks, never typed, so the rule is always well-formed. */
export function ShowWhenField({ choices, value, onChange, disabled }: { choices: ConditionChoice[]; value: ShowWhen | undefined; onChange: (v: ShowWhen | null) => void; disabled?: boolean }) {
  const questionId = useId();
  const valueId = useId();
  const current = value ? choices.find((c) => c.key === value.key) : undefined;
  const encode = (v: unknown) => JSON.stringify(v);
  return (
    <Fieldset legend="Show when">
      <div className="field">
        <label htmlFor={questionId}>Show only when this question…</label>
        <select
          id={questionId}
          value={value?.key ?? ''}
          disabled={disabled}
          data-testid="showwhen-question"
          onChange={(e) => {
            const choice = choices.find((c) => c.key === e.target.value);
            onChange(choice && choice.values[0] ? { key: choice.key, value: choice.values[0].value } : null);
          }}
        >
          <option value="">Always show</option>
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {value && current && (
        <div className="field">
          <label htmlFor={valueId}>…has the answer</label>
          <select id={valueId} value={encode(value.value)} disabled={disabled} data-testid="showwhen-value" onChange={(e) => onChange({ key: value.key, value: JSON.parse(e.target.value) as unknown })}>
            {current.values.map((v) => (
              <option key={encode(v.value)} value={encode(v.value)}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {value && !current && <p className="field-hint">Shown when “{value.key}” is {encode(value.value)} (set in the JSON).</p>}
    </Fieldset>
  );
}
