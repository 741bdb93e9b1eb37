import { useState } from 'react';
import { and, isEnumControl, isOneOfEnumControl, optionIs, or, rankWith } from './testers';
import { describedBy, Field } from './Field';
import type { ControlProps, RendererEntry } from './types';
import { chosenPosition } from './optionPositions';

export function SelectControl(p: ControlProps) {
  // Which option was chosen, so that of two options of one value the chosen one shows.
  const [picked, setPicked] = useState<number>();
  const index = chosenPosition(p.options, p.value, picked);
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
        onChange={(e) => {
          const at = e.target.value === '' ? undefined : Number(e.target.value);
          setPicked(at);
          p.onChange(at === undefined ? undefined : p.options[at]?.value);
        }}
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
