import { and, isStringControl, not, or, isMultiLineControl, isDateControl, isTimeControl, rankWith, schemaMatches } from '@jsonforms/core';
import { CharacterCount } from './CharacterCount';
import { describedBy, Field } from './Field';
import type { ControlProps, RendererEntry } from './types';

export function TextControl(p: ControlProps) {
  const max = typeof p.schema.maxLength === 'number' ? p.schema.maxLength : undefined;
  const value = typeof p.value === 'string' ? p.value : '';
  return (
    <Field p={p}>
      <input
        id={p.id}
        name={p.id}
        type="text"
        className={p.error ? 'as-input as-input--error' : 'as-input'}
        value={value}
        disabled={!p.enabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p, max !== undefined ? `${p.id}-info` : undefined)}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
        onBlur={p.onBlur}
      />
      {max !== undefined && max <= 2000 ? <CharacterCount id={p.id} value={value} max={max} /> : null}
    </Field>
  );
}

const isChoice = schemaMatches((s) => Array.isArray(s.oneOf) || Array.isArray(s.enum));

export const textControlEntry: RendererEntry = {
  name: 'TextControl',
  tester: rankWith(2, and(isStringControl, not(or(isMultiLineControl, isDateControl, isTimeControl, isChoice)))),
  renderer: TextControl,
};
