import { describe, expect, it } from 'vitest';
import { joinDate, splitDate } from '../../../runtime/react/renderers/DateControl';

describe('GOV.UK date input', () => {
  it('joins day, month and year into an ISO date', () => {
    expect(joinDate({ day: '4', month: '5', year: '2026' })).toBe('2026-05-04');
    expect(joinDate({ day: '', month: '', year: '' })).toBeUndefined();
  });

  it('keeps a partial or wrong date invalid, so validation says so', () => {
    expect(joinDate({ day: '9', month: '', year: '' })).toBe('--9');
    expect(joinDate({ day: '31', month: '2', year: '26' })).toBe('26-2-31');
  });

  it('gives the boxes back from any stored value, partial ones included', () => {
    expect(splitDate('2026-05-04')).toEqual({ day: '4', month: '5', year: '2026' });
    expect(splitDate('--9')).toEqual({ day: '9', month: '', year: '' });
    expect(splitDate(joinDate({ day: 'x', month: '12', year: '2026' }))).toEqual({ day: 'x', month: '12', year: '2026' });
    expect(splitDate(undefined)).toEqual({ day: '', month: '', year: '' });
  });
});
