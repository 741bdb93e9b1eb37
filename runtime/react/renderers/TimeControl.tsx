import { isTimeControl, rankWith } from '@jsonforms/core';
import { describedBy, Field } from './Field';
import type { ControlProps, RendererEntry } from './types';

export function TimeControl(props: ControlProps) {
  const p = { ...props, hint: props.hint ?? 'Use the 24-hour clock, for example 14:30' };
  return (
    <Field p={p}>
      <input
        id={p.id}
        name={p.id}
        type="time"
        className={p.error ? 'as-input as-input--time as-input--error' : 'as-input as-input--time'}
        value={typeof p.value === 'string' ? p.value.slice(0, 5) : ''}
        disabled={!p.enabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
        onBlur={p.onBlur}
      />
    </Field>
  );
}

export const timeControlEntry: RendererEntry = {
  name: 'TimeControl',
  tester: rankWith(4, isTimeControl),
  renderer: TimeControl,
};
