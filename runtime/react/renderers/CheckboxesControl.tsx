import { and, rankWith, schemaMatches, uiTypeIs } from './testers';
import { FieldSet } from './Field';
import type { ControlProps, RendererEntry } from './types';

export function CheckboxesControl(p: ControlProps) {
  const selected = Array.isArray(p.value) ? p.value : [];
  const toggle = (v: unknown, on: boolean) => {
    // Keep the options' order, so exports do not depend on the order of clicks.
    const next = p.options.map((o) => o.value).filter((x) => (x === v ? on : selected.includes(x)));
    p.onChange(next.length ? next : undefined);
  };
  return FieldSet({
    p: { ...p, hint: p.hint ?? 'Select all that apply.' },
    children: (
      <div className="as-checkboxes">
        {p.options.map((o, i) => {
          const id = i === 0 ? p.id : `${p.id}-${i}`;
          return (
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
