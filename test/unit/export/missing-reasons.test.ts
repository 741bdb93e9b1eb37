import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvText, MISSING_CODES } from '../../../runtime/core/index';
import { loadFixture, responseOf } from './helpers';

/**
 * Issue 19, point 6: an empty cell said nothing. Each unanswered question's cells say why it is
 * missing (docs/exports.md, "Missing data"): hidden by a show-when rule (NA), not asked because of
 * the safety answer (NASK), optional and skipped (ASKU), not reached in a response in progress
 * (NAV), required and missing (UNK).
 */
const { definition } = loadFixture('export-rich');
const wide = (answers: Record<string, unknown>, status: 'completed' | 'in-progress' = 'completed') => {
  const overrides = status === 'completed' ? {} : { status, completedAt: undefined };
  const rows = parse(csvText(definition, [responseOf(definition, answers, overrides as never)]).wide, { columns: true }) as Record<string, string>[];
  return rows[0]!;
};

describe('why an answer is missing, in the CSV', () => {
  it('NASK for questions the safety answer kept from being asked, and every column of them', () => {
    const row = wide({ safeToTalk: false, visitDate: '2026-11-24' });
    expect([row.fearful, row.harmed, row.safe_address]).toEqual([MISSING_CODES.notAsked, MISSING_CODES.notAsked, MISSING_CODES.notAsked]);
  });

  it('NA for a question a show-when rule hid while the safety answer allowed asking', () => {
    const row = wide({ safeToTalk: true, visitDate: '2026-11-24', fearful: 'no' });
    expect(row.harmed).toBe(MISSING_CODES.hidden);
  });

  it('ASKU for an optional question shown and left unanswered; UNK for a required one', () => {
    const row = wide({ safeToTalk: true, age: 30 });
    expect(row.visit_time).toBe(MISSING_CODES.skipped);
    expect(row.substances__alcohol).toBe(MISSING_CODES.skipped);
    expect(row.visit_date).toBe(MISSING_CODES.requiredMissing);
  });

  it('NAV for what comes after the last answer of a response in progress; ASKU before it', () => {
    const row = wide({ safeToTalk: true, visitDate: '2026-11-24', age: 30 }, 'in-progress');
    expect(row.visit_time).toBe(MISSING_CODES.skipped);
    expect([row.preferred_name, row.notes, row.contact_method, row.children__count]).toEqual(Array(4).fill(MISSING_CODES.notReached));
    expect(row.fearful).toBe(MISSING_CODES.notReached);
  });

  it('answers and computed values are never replaced by a code', () => {
    const row = wide({ safeToTalk: true, visitDate: '2026-11-24', age: 0, notes: '' });
    expect([row.age, row.notes]).toEqual(['0', '']);
    expect(row.concern_count).toMatch(/^\d+$/);
  });
});
