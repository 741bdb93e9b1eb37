import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, HISTORY_LIMIT, MERGE_WINDOW_MS, record, redo, startHistory, undo } from '../../../builder/app/services/history';

describe('shared undo history', () => {
  it('undoes and redoes text snapshots in order', () => {
    let h = startHistory('a');
    h = record(h, 'b', 'outline:add', 0);
    h = record(h, 'c', 'json', 10);
    expect(undo(h).present).toBe('b');
    expect(undo(undo(h)).present).toBe('a');
    expect(redo(undo(undo(h))).present).toBe('b');
    expect(canUndo(startHistory('x'))).toBe(false);
    expect(canRedo(h)).toBe(false);
  });

  it('merges a burst of the same kind of change into one step, but not across a pause or another kind', () => {
    let h = startHistory('');
    h = record(h, 'a', 'json', 0);
    h = record(h, 'ab', 'json', 100);
    h = record(h, 'abc', 'json', 200);
    expect(undo(h).present).toBe('');
    h = record(h, 'abcd', 'json', 200 + MERGE_WINDOW_MS + 1);
    expect(undo(h).present).toBe('abc');
    h = record(h, 'abcde', 'label:x', 200 + MERGE_WINDOW_MS + 2);
    expect(undo(h).present).toBe('abcd');
  });

  it('a new change clears redo, and an unchanged text records nothing', () => {
    let h = record(startHistory('a'), 'b');
    h = undo(h);
    h = record(h, 'c');
    expect(canRedo(h)).toBe(false);
    expect(record(h, 'c')).toBe(h);
  });

  it('keeps at most the limit of steps', () => {
    let h = startHistory('0');
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = record(h, String(i));
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });
});
