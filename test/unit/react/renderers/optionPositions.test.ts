import { describe, expect, it } from 'vitest';
import { chosenPosition, tickedPositions, toggledPositions } from '../../../../runtime/react/renderers/optionPositions';

/** Issue 17, point 1: options of one value (an old published form) are told apart by position. */
const shared = [
  { value: 'opioids', label: 'Alcohol' },
  { value: 'opioids', label: 'Opioids' },
  { value: 'cannabis', label: 'Cannabis' },
  { value: 'none', label: 'None of these', exclusive: true },
];

describe('option positions', () => {
  it('a single choice shows the picked position while it holds the answer, else the first of the value', () => {
    expect(chosenPosition(shared, 'opioids', 1)).toBe(1);
    expect(chosenPosition(shared, 'opioids', undefined)).toBe(0);
    expect(chosenPosition(shared, 'cannabis', 1)).toBe(2);
    expect(chosenPosition(shared, undefined, 1)).toBe(-1);
    expect(chosenPosition(shared, 'opioids', 9)).toBe(0);
  });

  it('ticking one of two options of a value ticks that one only, and records the value once', () => {
    const first = toggledPositions(shared, new Set(), 1, true);
    expect([...first.ticked]).toEqual([1]);
    expect(first.value).toEqual(['opioids']);
    const both = toggledPositions(shared, first.ticked, 0, true);
    expect([...both.ticked]).toEqual([0, 1]);
    expect(both.value).toEqual(['opioids']);
    const one = toggledPositions(shared, both.ticked, 1, false);
    expect([...one.ticked]).toEqual([0]);
    expect(one.value).toEqual(['opioids']);
    expect(toggledPositions(shared, one.ticked, 0, false)).toEqual({ ticked: new Set(), value: undefined });
  });

  it('keeps the exclusive option exclusive, and the options order in the answer', () => {
    const none = toggledPositions(shared, new Set([2, 1]), 3, true);
    expect(none).toEqual({ ticked: new Set([3]), value: ['none'] });
    expect(toggledPositions(shared, none.ticked, 2, true)).toEqual({ ticked: new Set([2]), value: ['cannabis'] });
    expect(toggledPositions(shared, new Set([2]), 0, true).value).toEqual(['opioids', 'cannabis']);
  });

  it('shows a restored answer at the first option of each value, and ticked positions that still hold it', () => {
    expect([...tickedPositions(shared, ['opioids', 'cannabis'], new Set())]).toEqual([0, 2]);
    expect([...tickedPositions(shared, ['opioids'], new Set([1]))]).toEqual([1]);
    expect([...tickedPositions(shared, ['cannabis'], new Set([1]))]).toEqual([2]);
  });
});
