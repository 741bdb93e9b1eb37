import { and, isEnumControl, isOneOfEnumControl, optionIs, or, rankWith } from './testers';
import { describedBy, Field } from './Field';
import type { ControlProps, RendererEntry } from './types';

export function SelectControl(p: ControlProps) {
  const index = p.options.findIndex((o) => o.value === p.value);
  return Field({
    p,
    children: (
      <select
        id={p.id}
        name={p.id}
        className={p.error ? 'as-select as-input--error' : 'as-select'}
        value={index < 0 ? '' : String(index)}
        disabled={!p.enabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : p.options[Number(e.target.value)]?.value)}
        onBlur={p.onBlur}
      >
        <option value="">Select an option</option>
        {p.options.map((o, i) => (
          <option key={i} value={String(i)}>
            {o.label}
          </option>
        ))}
      </select>
    ),
  });
}

export const selectControlEntry: RendererEntry = {
  name: 'SelectControl',
  tester: rankWith(5, and(or(isOneOfEnumControl, isEnumControl), optionIs('format', 'select'))),
  renderer: SelectControl,
};
