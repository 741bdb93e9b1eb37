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

const pad = (n: number | string) => String(n).padStart(2, '0');

/** `9:05`, `09:05` or `9.05` as `09:05`; undefined when it is not a time on the 24-hour clock. */
export function normaliseTime(text: string): string | undefined {
  const m = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim());
  return m ? `${pad(m[1]!)}:${m[2]}` : undefined;
}

/** Day, month and year as `YYYY-MM-DD` when they name a day that exists. */
function realDate(parts: Pick<DateTimeParts, 'day' | 'month' | 'year'>): string | undefined {
  const iso = joinDate(parts);
  // joinDate pads the parts only when each has the right digits.
  const at = iso && /^\d{4}-\d\d-\d\d$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : undefined;
  return at && !Number.isNaN(at.getTime()) && at.toISOString().startsWith(iso!) ? iso : undefined;
}

/** Minutes east of UTC of the local clock at that wall time (British Summer Time: 60). */
export function localOffset(year: number, month: number, day: number, hours: number, minutes: number): number {
  return -new Date(year, month - 1, day, hours, minutes).getTimezoneOffset();
}

export function joinDateTime(parts: DateTimeParts, offset: typeof localOffset = localOffset): string | undefined {
  const date = joinDate(parts);
  const time = parts.time.trim();
  if (date === undefined && !time) return undefined;
  const day = realDate(parts);
  const hhmm = normaliseTime(time);
  if (!day || !hhmm) return `${date ?? '--'}T${time}`;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  // Old local mean times had seconds in their offsets; RFC 3339 offsets are whole minutes.
  const minutes = Math.round(offset(y, mo, d, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3))));
  const abs = Math.abs(minutes);
  return `${day}T${hhmm}:00${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The boxes back from an answer: a full date-time on the local clock, anything else as it was typed. */
export function splitDateTime(value: unknown): DateTimeParts {
  if (typeof value !== 'string') return { day: '', month: '', year: '', time: '' };
  const at = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?([zZ]|[+-]\d\d:\d\d)$/.test(value) ? new Date(value) : undefined;
  if (at && !Number.isNaN(at.getTime())) {
    return { day: String(at.getDate()), month: String(at.getMonth() + 1), year: String(at.getFullYear()), time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
  }
  const t = value.indexOf('T');
  return { ...splitDate(t < 0 ? value : value.slice(0, t)), time: t < 0 ? '' : value.slice(t + 1) };
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
  if (!realDate(parts)) return dateMessage(q, joinDate(parts));
  if (!parts.time.trim()) return `Enter the time for ${title}`;
  if (!normaliseTime(parts.time)) return `Enter the time for ${title} on the 24-hour clock, for example 14:30`;
  return undefined;
}
