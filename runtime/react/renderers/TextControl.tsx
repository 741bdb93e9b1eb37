import { and, isStringControl, not, or, isMultiLineControl, isDateControl, isTimeControl, rankWith, schemaMatches } from './testers';
import { describedBy, Field } from './Field';
import type { ControlProps, RendererEntry } from './types';

export function TextControl(p: ControlProps) {
  // No character count on one-line answers (GOV.UK keeps it for text areas); the limit is
  // still checked, and reported after the field is left.
  const value = typeof p.value === 'string' ? p.value : '';
  return Field({
    p,
    children: (
      <input
        id={p.id}
        name={p.id}
        type="text"
        className={p.error ? 'as-input as-input--error' : 'as-input'}
        value={value}
        disabled={!p.enabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
        onBlur={p.onBlur}
      />
    ),
  });
}

const isChoice = schemaMatches((s) => Array.isArray(s.oneOf) || Array.isArray(s.enum));

export const textControlEntry: RendererEntry = {
  name: 'TextControl',
  tester: rankWith(2, and(isStringControl, not(or(isMultiLineControl, isDateControl, isTimeControl, isChoice)))),
  renderer: TextControl,
};
