import { dateMessage } from '../../core/index';
import { joinDate, splitDate } from '../renderers/DateControl';

/**
 * A date and time as a practitioner types it (day, month, year, and a 24-hour time) and as the
 * answer holds it: an RFC 3339 date-time with the offset of the practitioner's own clock on that
 * day (`2026-11-25T14:30:00+00:00`), which is what the `date-time` format and FHIR `dateTime` need.
 * Anything partial or wrong is kept as typed (`2026-11-T9`), so validation says what is missing
 * and a reload shows the boxes as they were.
 */
export interface DateTimeParts {
  day: string;
  month: string;
  year: string;
  time: string;
}

const EMPTY: DateTimeParts = { day: '', month: '', year: '', time: '' };
const FULL = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:[zZ]|[+-]\d{2}:\d{2})$/;

/** `9:05`, `09:05` or `9.05` as `09:05`; undefined when it is not a time on the 24-hour clock. */
export function normaliseTime(text: string): string | undefined {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** Whether day, month and year name a day that exists. */
export function isRealDate(parts: Pick<DateTimeParts, 'day' | 'month' | 'year'>): boolean {
  const iso = joinDate(parts);
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Minutes east of UTC of the local clock at that wall time (British Summer Time: 60). */
export function localOffset(year: number, month: number, day: number, hours: number, minutes: number): number {
  return -new Date(year, month - 1, day, hours, minutes).getTimezoneOffset();
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function joinDateTime(parts: DateTimeParts, offset: typeof localOffset = localOffset): string | undefined {
  const date = joinDate(parts);
  const time = parts.time.trim();
  if (date === undefined && !time) return undefined;
  const hhmm = normaliseTime(time);
  if (date && hhmm && isRealDate(parts)) {
    const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
    const [h, mi] = hhmm.split(':').map(Number) as [number, number];
    return `${date}T${hhmm}:00${offsetText(offset(y, mo, d, h, mi))}`;
  }
  return `${date ?? '--'}T${time}`;
}

/** The boxes back from an answer: a full date-time on the local clock, anything else as it was typed. */
export function splitDateTime(value: unknown): DateTimeParts {
  if (typeof value !== 'string') return EMPTY;
  if (FULL.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) {
      const two = (n: number) => String(n).padStart(2, '0');
      return { day: String(at.getDate()), month: String(at.getMonth() + 1), year: String(at.getFullYear()), time: `${two(at.getHours())}:${two(at.getMinutes())}` };
    }
  }
  const t = value.indexOf('T');
  const date = t < 0 ? value : value.slice(0, t);
  return { ...splitDate(date), time: t < 0 ? '' : value.slice(t + 1) };
}

/** What `dateMessage` needs to know of the question. */
type Subject = Parameters<typeof dateMessage>[0];

/**
 * A date-time answer that is not one, worded in the terms of the boxes the practitioner typed in
 * (the date as core's date wording says it, then the time), never the stored format. Undefined when
 * the boxes look right, so the validator's own message stands.
 */
export function dateTimeMessage(q: Subject, value: unknown): string | undefined {
  const parts = splitDateTime(value);
  const title = `“${q.title}”`;
  if (!parts.day.trim() && !parts.month.trim() && !parts.year.trim()) return parts.time.trim() ? `Enter the date for ${title}` : undefined;
  if (!isRealDate(parts)) return dateMessage(q, joinDate(parts));
  if (!parts.time.trim()) return `Enter the time for ${title}`;
  if (!normaliseTime(parts.time)) return `Enter the time for ${title} on the 24-hour clock, for example 14:30`;
  return undefined;
}
