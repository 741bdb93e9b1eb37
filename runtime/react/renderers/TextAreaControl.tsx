import { isMultiLineControl, rankWith } from './testers';
import { CharacterCount } from './CharacterCount';
import { describedBy, Field } from './Field';
import type { ControlProps, RendererEntry } from './types';

export function TextAreaControl(p: ControlProps) {
  const max = typeof p.schema.maxLength === 'number' ? p.schema.maxLength : undefined;
  const value = typeof p.value === 'string' ? p.value : '';
  return Field({
    p,
    children: [
      <textarea
        key="input"
        id={p.id}
        name={p.id}
        rows={5}
        className={p.error ? 'as-textarea as-input--error' : 'as-textarea'}
        value={value}
        disabled={!p.enabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p, max !== undefined ? `${p.id}-info` : undefined)}
        onChange={(e) => p.onChange(e.target.value === '' ? undefined : e.target.value)}
        onBlur={p.onBlur}
      />,
      max !== undefined ? <CharacterCount key="count" id={p.id} value={value} max={max} /> : null,
    ],
  });
}

export const textAreaControlEntry: RendererEntry = {
  name: 'TextAreaControl',
  tester: rankWith(3, isMultiLineControl),
  renderer: TextAreaControl,
};
