import { and, rankWith, schemaMatches, uiTypeIs } from './testers';
import { FieldSet } from './Field';
import { Fragment } from 'react';
import type { ChoiceOption, ControlProps, RendererEntry } from './types';

export function CheckboxesControl(p: ControlProps) {
  const selected = Array.isArray(p.value) ? p.value : [];
  const toggle = (v: unknown, on: boolean) => {
    // GOV.UK's exclusive option: ticking "None of these" clears the others, ticking another clears it.
    const chosen = p.options.find((o) => o.value === v);
    const keep = (o: ChoiceOption) => !on || (chosen?.exclusive ? false : !o.exclusive);
    // Keep the options' order, so exports do not depend on the order of clicks.
    const next = p.options.filter((o) => (o.value === v ? on : selected.includes(o.value) && keep(o))).map((o) => o.value);
    p.onChange(next.length ? next : undefined);
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
                checked={selected.includes(o.value)}
                disabled={!p.enabled}
                onChange={(e) => toggle(o.value, e.target.checked)}
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
