import { isDateTimeControl, rankWith } from './testers';
import { DateBoxes, type DateBox } from './DateControl';
import { FieldSet } from './Field';
import { joinDateTime, splitDateTime, type DateTimeParts } from '../model/dateTime';
import type { ControlProps, RendererEntry } from './types';

const BOXES: Array<DateBox<keyof DateTimeParts>> = [
  { key: 'day', label: 'Day', width: 'as-input--width-2', inputMode: 'numeric' },
  { key: 'month', label: 'Month', width: 'as-input--width-2', inputMode: 'numeric' },
  { key: 'year', label: 'Year', width: 'as-input--width-4', inputMode: 'numeric' },
  // No numeric keypad: it has no colon on most phones.
  { key: 'time', label: 'Time', width: 'as-input--time' },
];

/**
 * A date and time: GOV.UK's date input (day, month, year) with a fourth box for the time on the
 * 24-hour clock, in one fieldset. GOV.UK has no date-time pattern; separate boxes keep each part
 * as easy to type and to correct as the date pattern is, where a native date-time picker differs
 * in every browser and is hard to use with a screen reader.
 */
export function DateTimeControl(props: ControlProps) {
  const p = { ...props, hint: props.hint ?? 'For example, 27 3 2026 and 14:30 (24-hour clock)' };
  return FieldSet({ p, children: DateBoxes({ p, boxes: BOXES, split: splitDateTime, join: joinDateTime }) });
}

export const dateTimeControlEntry: RendererEntry = {
  name: 'DateTimeControl',
  tester: rankWith(4, isDateTimeControl),
  renderer: DateTimeControl,
};
