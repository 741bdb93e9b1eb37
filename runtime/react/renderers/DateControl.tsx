import { isDateControl, rankWith } from '@jsonforms/core';
import { describedBy, Field } from './Field';
import type { ControlProps, RendererEntry } from './types';

/** The browser's date input: a keyboard-friendly day/month/year field with a picker, ISO value. */
export function DateControl(p: ControlProps) {
  return (
    <Field p={p}>
      <input
        id={p.id}
        name={p.id}
        type="date"
        className={p.error ? 'as-input as-input--date as-input--error' : 'as-input as-input--date'}
        value={typeof p.value === 'string' ? p.value : ''}
        disabled={!p.enabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
        onBlur={p.onBlur}
      />
    </Field>
  );
}

export const dateControlEntry: RendererEntry = {
  name: 'DateControl',
  tester: rankWith(4, isDateControl),
  renderer: DateControl,
};
