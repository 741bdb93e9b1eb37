import { and, rankWith, schemaMatches, uiTypeIs } from './testers';
import { FieldSet } from './Field';
import { Fragment, useState } from 'react';
import type { ControlProps, RendererEntry } from './types';
import { tickedPositions, toggledPositions } from './optionPositions';

const NONE: ReadonlySet<number> = new Set();

export function CheckboxesControl(p: ControlProps) {
  const selected = Array.isArray(p.value) ? p.value : [];
  // The boxes the practitioner ticked, so that of two options of one value only the ticked one shows ticked.
  const [picked, setPicked] = useState<ReadonlySet<number>>(NONE);
  const ticked = tickedPositions(p.options, selected, picked);
  const toggle = (at: number, on: boolean) => {
    const next = toggledPositions(p.options, ticked, at, on);
    setPicked(next.ticked);
    p.onChange(next.value);
  };
  return FieldSet({
    p: { ...p, hint: p.hint ?? 'Select all that apply.' },
    children: (
      <div className="as-checkboxes">
        {p.options.map((o, i) => {
          const id = i === 0 ? p.id : `${p.id}-${i}`;
          const item = (
            <label className="as-checkboxes__item" htmlFor={id} key={i}>
              <input
                className="as-checkboxes__input"
                id={id}
                name={p.id}
                type="checkbox"
                checked={ticked.has(i)}
                disabled={!p.enabled}
                onChange={(e) => toggle(i, e.target.checked)}
                onBlur={p.onBlur}
              />
              {o.label}
            </label>
          );
          // The "or" divider before an exclusive option that follows others (GOV.UK checkboxes).
          return o.exclusive && i > 0 ? (
            <Fragment key={i}>
              <div className="as-checkboxes__divider">or</div>
              {item}
            </Fragment>
          ) : (
            item
          );
        })}
      </div>
    ),
  });
}

const isChoiceArray = schemaMatches((s) => {
  const items = s.type === 'array' ? (s.items as Record<string, unknown> | undefined) : undefined;
  return !!items && !Array.isArray(items) && (Array.isArray(items.oneOf) || Array.isArray(items.enum) || Array.isArray(items.anyOf));
});

export const checkboxesControlEntry: RendererEntry = {
  name: 'CheckboxesControl',
  tester: rankWith(5, and(uiTypeIs('Control'), isChoiceArray)),
  renderer: CheckboxesControl,
};
