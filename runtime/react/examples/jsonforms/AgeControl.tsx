import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { rankWith, scopeEndsWith } from '../../index';

/**
 * A host's own JSON Forms renderer, written for `@jsonforms/react` as any JSON Forms app writes one
 * (`withJsonFormsControlProps`): an age typed or stepped with − and +. It knows nothing of the
 * assessment form; the props JSON Forms gives it are all it reads and `handleChange` all it writes.
 */
function AgeStepper({ data, path, handleChange, errors, visible, enabled, label, description, id, required }: ControlProps) {
  if (!visible) return null;
  const age = typeof data === 'number' ? data : undefined;
  const input = `${id}-input`;
  const described = [description ? `${id}-hint` : '', errors ? `${id}-errors` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="age-stepper">
      <label className="as-label" htmlFor={input}>
        {label}
        {required ? null : ' (optional)'}
      </label>
      {description ? (
        <div className="as-hint" id={`${id}-hint`}>
          {description}
        </div>
      ) : null}
      {errors ? (
        <p className="as-error-message" id={`${id}-errors`}>
          {errors}
        </p>
      ) : null}
      <div className="age-stepper__row">
        <button type="button" className="as-button as-button--secondary" disabled={!enabled || age === undefined || age <= 0} onClick={() => handleChange(path, (age ?? 1) - 1)}>
          −<span className="as-visually-hidden"> one year</span>
        </button>
        <input
          id={input}
          className="as-input as-input--width-2"
          type="text"
          inputMode="numeric"
          value={typeof data === 'number' || typeof data === 'string' ? String(data) : ''}
          disabled={!enabled}
          aria-describedby={described}
          onChange={(e) => {
            const text = e.target.value.trim();
            // A number once it is one; anything else as typed, so validation says what is wrong.
            handleChange(path, text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : text);
          }}
        />
        <button type="button" className="as-button as-button--secondary" disabled={!enabled} onClick={() => handleChange(path, (age ?? -1) + 1)}>
          +<span className="as-visually-hidden"> one year</span>
        </button>
      </div>
    </div>
  );
}

export const ageStepper = withJsonFormsControlProps(AgeStepper);
/** Above any of ours (they rank 2 to 20) for the one question it is for. */
export const ageStepperTester = rankWith(50, scopeEndsWith('childAge'));
