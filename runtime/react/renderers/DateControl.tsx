import { isDateControl, rankWith } from './testers';
import { useState } from 'react';
import { describedBy, FieldSet } from './Field';
import type { ControlProps, RendererEntry } from './types';

interface Parts {
  day: string;
  month: string;
  year: string;
}

/** The boxes back from a stored value, partial ones included (`2026--9` keeps its 9). */
export function splitDate(value: unknown): Parts {
  const m = typeof value === 'string' ? /^([^-]*)-([^-]*)-([^-]*)$/.exec(value) : null;
  if (!m) return { day: '', month: '', year: '' };
  const trim = (x: string) => (/^\d{2}$/.test(x) ? String(Number(x)) : x);
  return { day: trim(m[3]!), month: trim(m[2]!), year: m[1]! };
}

/** Day, month and year as an ISO date; anything partial stays invalid so validation says so. */
export function joinDate(p: Parts): string | undefined {
  const day = p.day.trim();
  const month = p.month.trim();
  const year = p.year.trim();
  if (!day && !month && !year) return undefined;
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return `${year}-${month}-${day}`;
}

/** One box of a date input: what it holds, its visible label and its width class. */
export interface DateBox<K extends string> {
  key: K;
  label: string;
  width: string;
  inputMode?: 'numeric';
}

const DATE_BOXES: Array<DateBox<keyof Parts>> = [
  { key: 'day', label: 'Day', width: 'as-input--width-2', inputMode: 'numeric' },
  { key: 'month', label: 'Month', width: 'as-input--width-2', inputMode: 'numeric' },
  { key: 'year', label: 'Year', width: 'as-input--width-4', inputMode: 'numeric' },
];

/**
 * GOV.UK date input: three labelled boxes (day, month, year) in a fieldset. Research behind the
 * pattern found them easier than a date picker, and they behave the same in every browser.
 */
export function DateControl(props: ControlProps) {
  const p = { ...props, hint: props.hint ?? 'For example, 27 3 2026' };
  return FieldSet({ p, children: DateBoxes({ p, boxes: DATE_BOXES, split: splitDate, join: joinDate }) });
}

/**
 * The boxes of a date input in one row, holding what was typed while the field is being filled
 * (a partial date stays as typed) and writing the joined value on every change. Leaving the whole
 * row, not moving between its boxes, counts as leaving the field. Called as a function inside the
 * control's fieldset; the state hook is the control's own.
 */
export function DateBoxes<K extends string>({ p, boxes, split, join }: {
  p: ControlProps;
  boxes: Array<DateBox<K>>;
  split(value: unknown): Record<K, string>;
  join(parts: Record<K, string>): string | undefined;
}) {
  const [parts, setParts] = useState<Record<K, string> | null>(null);
  const shown = parts ?? split(p.value);
  const update = (key: K, text: string) => {
    const next = { ...shown, [key]: text };
    setParts(next);
    p.onChange(join(next));
  };
  return (
    <div className="as-date-input" onBlur={(e) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) {
        setParts(null);
        p.onBlur();
      }
    }}>
      {boxes.map((f, i) => {
        const id = i === 0 ? p.id : `${p.id}-${f.key}`;
        return (
          <div className="as-date-input__item" key={f.key}>
            <label className="as-label as-date-input__label" htmlFor={id}>
              {f.label}
            </label>
            <input
              id={id}
              name={`${p.id}-${f.key}`}
              type="text"
              inputMode={f.inputMode}
              className={`as-input as-date-input__input as-date-input__${f.key} ${f.width}${p.error ? ' as-input--error' : ''}`}
              value={shown[f.key]}
              disabled={!p.enabled}
              aria-invalid={p.error ? true : undefined}
              aria-describedby={i === 0 ? describedBy(p) : undefined}
              autoComplete="off"
              onChange={(e) => update(f.key, e.target.value)}
            />
          </div>
        );
      })}
    </div>
  );
}

export const dateControlEntry: RendererEntry = {
  name: 'DateControl',
  tester: rankWith(4, isDateControl),
  renderer: DateControl,
};
