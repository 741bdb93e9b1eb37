import { useState } from 'react';
import { and, isBooleanControl, isEnumControl, isOneOfEnumControl, not, optionIs, or, rankWith } from './testers';
import { FieldSet } from './Field';
import type { ControlProps, RendererEntry } from './types';
import { chosenPosition } from './optionPositions';

/** Radios in a fieldset with the question as legend; Yes/No questions are two inline radios. */
export function RadioControl(p: ControlProps) {
  const inline = p.options.length <= 2;
  // Which option was clicked, so that of two options of one value the clicked one shows chosen.
  const [picked, setPicked] = useState<number>();
  const chosen = chosenPosition(p.options, p.value, picked);
  return FieldSet({
    p,
    children: (
      <div className={inline ? 'as-radios as-radios--inline' : 'as-radios'}>
        {p.options.map((o, i) => {
          const id = i === 0 ? p.id : `${p.id}-${i}`;
          return (
            <label className="as-radios__item" htmlFor={id} key={i}>
              <input
                className="as-radios__input"
                id={id}
                name={p.id}
                type="radio"
                checked={i === chosen}
                disabled={!p.enabled}
                onChange={() => {
                  setPicked(i);
                  p.onChange(o.value);
                  // A chosen radio is a finished answer: check it now, so a stale error goes at once.
                  // A click re-checks through the blur it causes; Space and the arrow keys change
                  // the answer without leaving the question, so nothing else would.
                  p.onBlur();
                }}
                onBlur={p.onBlur}
              />
              {o.label}
            </label>
          );
        })}
      </div>
    ),
  });
}

export const radioControlEntry: RendererEntry = {
  name: 'RadioControl',
  tester: rankWith(4, or(isBooleanControl, and(or(isOneOfEnumControl, isEnumControl), not(optionIs('format', 'select'))))),
  renderer: RadioControl,
};
