import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinDateTime, normaliseTime, splitDateTime } from '../../../runtime/react/model/dateTime';
import { seededParams } from '../../support/property';

describe('date and time boxes', () => {
  it('join into an RFC 3339 date-time with the offset of the clock they were typed on', () => {
    const parts = { day: '25', month: '11', year: '2026', time: '14:30' };
    expect(joinDateTime(parts, () => 0)).toBe('2026-11-25T14:30:00+00:00');
    expect(joinDateTime({ ...parts, month: '6', time: '9.05' }, () => 60)).toBe('2026-06-25T09:05:00+01:00');
    expect(joinDateTime(parts, () => -330)).toBe('2026-11-25T14:30:00-05:30');
  });

  it('keep a partial or wrong answer as typed, so validation says what is missing', () => {
    expect(joinDateTime({ day: '', month: '', year: '', time: ' ' })).toBeUndefined();
    expect(joinDateTime({ day: '', month: '11', year: '2026', time: '14:30' })).toBe('2026-11-T14:30');
    expect(joinDateTime({ day: '31', month: '2', year: '2026', time: '14:30' })).toBe('2026-02-31T14:30');
    expect(joinDateTime({ day: '', month: '', year: '', time: '9' })).toBe('--T9');
    expect(joinDateTime({ day: '25', month: '11', year: '2026', time: '24:00' })).toBe('2026-11-25T24:00');
  });

  it('read times on the 24-hour clock only', () => {
    expect(['9:05', '09:05', '9.05', ' 23:59 '].map(normaliseTime)).toEqual(['09:05', '09:05', '09:05', '23:59']);
    expect(['24:00', '12:60', '1230', '2pm', ''].map(normaliseTime)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('give the boxes back from any answer, partial ones as typed', () => {
    expect(splitDateTime('2026-11-T14:30')).toEqual({ day: '', month: '11', year: '2026', time: '14:30' });
    expect(splitDateTime('--T9')).toEqual({ day: '', month: '', year: '', time: '9' });
    expect(splitDateTime('2026-11-25')).toEqual({ day: '25', month: '11', year: '2026', time: '' });
    expect(splitDateTime(undefined)).toEqual({ day: '', month: '', year: '', time: '' });
  });

  it('give back what was typed after joining, on the local clock (daytime: no clock change falls there)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.date({ min: new Date(1970, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }), fc.integer({ min: 10, max: 20 }), fc.integer({ min: 0, max: 59 }), (d, h, m) => {
        const parts = { day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()), time: `${two(h)}:${two(m)}` };
        const value = joinDateTime(parts)!;
        expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
        expect(splitDateTime(value)).toEqual(parts);
      }),
      seededParams(300),
    );
  });
});
