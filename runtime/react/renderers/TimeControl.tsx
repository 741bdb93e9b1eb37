import { isTimeControl, rankWith } from './testers';
import { describedBy, Field } from './Field';
import type { ControlProps, RendererEntry } from './types';

/** A time as typed (HH:MM, 24-hour clock): a text box behaves the same in every browser. */
export function TimeControl(props: ControlProps) {
  const p = { ...props, hint: props.hint ?? 'Use the 24-hour clock, for example 14:30' };
  return Field({
    p,
    children: (
      <input
        id={p.id}
        name={p.id}
        type="text"
        className={p.error ? 'as-input as-input--time as-input--error' : 'as-input as-input--time'}
        value={typeof p.value === 'string' ? p.value : ''}
        disabled={!p.enabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        autoComplete="off"
        onChange={(e) => p.onChange(e.target.value.trim() === '' ? undefined : e.target.value.trim())}
        onBlur={p.onBlur}
      />
    ),
  });
}

export const timeControlEntry: RendererEntry = {
  name: 'TimeControl',
  tester: rankWith(4, isTimeControl),
  renderer: TimeControl,
};
