import { isIntegerControl, isNumberControl, or, rankWith } from './testers';
import { useState } from 'react';
import { describedBy, Field } from './Field';
import type { ControlProps, RendererEntry } from './types';

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * GOV.UK asks for type="text" with inputmode="numeric" (number inputs change on scroll). The raw
 * text is kept while it is not a number, so validation can say "Enter a whole number".
 */
export function NumberControl(p: ControlProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (p.value === undefined ? '' : String(p.value));
  return Field({
    p,
    children: (
      <input
        id={p.id}
        name={p.id}
        type="text"
        inputMode={p.schema.type === 'integer' ? 'numeric' : 'decimal'}
        className={p.error ? 'as-input as-input--width-5 as-input--error' : 'as-input as-input--width-5'}
        value={shown}
        disabled={!p.enabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        autoComplete="off"
        onChange={(e) => {
          const text = e.target.value;
          const trimmed = text.trim();
          setDraft(text);
          p.onChange(trimmed === '' ? undefined : NUMBER.test(trimmed) ? Number(trimmed) : text);
        }}
        onBlur={() => {
          setDraft(null);
          p.onBlur();
        }}
      />
    ),
  });
}

export const numberControlEntry: RendererEntry = {
  name: 'NumberControl',
  tester: rankWith(2, or(isIntegerControl, isNumberControl)),
  renderer: NumberControl,
};
