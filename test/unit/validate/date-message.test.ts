import { describe, expect, it } from 'vitest';
import { dateMessage, type Asked } from '../../../runtime/core/index';

const q: Asked = { pointer: '/enquiryDate', key: 'enquiryDate', title: 'Date of the enquiry', kind: 'date' };

describe('dateMessage (issue 14: a wrong date in the terms of its three boxes)', () => {
  it.each([
    ['2026-02-31', 'Date of the enquiry must be a real date'],
    ['2026--12', 'Date of the enquiry must include a month'],
    ['2026--', 'Date of the enquiry must include a day and month'],
    ['-3-12', 'Date of the enquiry must include a year'],
    ['26-4-3', 'Year must include 4 numbers'],
    ['2026-x-3', 'Date of the enquiry must be a real date'],
    [42, 'Date of the enquiry must be a real date'],
  ])('%s → %s', (value, message) => {
    expect(dateMessage(q, value)).toBe(message);
    expect(dateMessage(q, value)).not.toMatch(/YYYY|ISO|format/);
  });
});
