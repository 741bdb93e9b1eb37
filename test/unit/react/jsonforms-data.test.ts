import { describe, expect, it } from 'vitest';
import { applyUpdate, dataRoot } from '../../../runtime/react/jsonforms/data';

/**
 * What a bridged JSON Forms renderer sees of the answers (its own, at its own path) and what its
 * dispatches may change (its own answer, nothing else).
 */
describe('a bridged renderer’s data', () => {
  it('is a root holding the answer at the control’s path only', () => {
    expect(dataRoot(['name'], 'Ada')).toEqual({ name: 'Ada' });
    expect(dataRoot(['people', '0', 'who'], 'Bo')).toEqual({ people: { 0: { who: 'Bo' } } });
    expect(dataRoot(['name'], undefined)).toEqual({});
  });

  it('takes updates at its path and below, handing the updater a copy as JSON Forms does', () => {
    const answer = [{ who: 'Bo' }];
    const pushed = applyUpdate(['people'], answer, 'people', (list) => {
      (list as unknown[]).push({ who: 'Cy' });
      return list;
    });
    expect(pushed).toEqual({ ok: true, answer: [{ who: 'Bo' }, { who: 'Cy' }] });
    expect(answer).toEqual([{ who: 'Bo' }]);
    expect(applyUpdate(['people'], answer, 'people.0.who', () => 'Di')).toEqual({ ok: true, answer: [{ who: 'Di' }] });
    expect(applyUpdate(['people'], answer, 'people.0.who', () => undefined)).toEqual({ ok: true, answer: [{}] });
    expect(applyUpdate(['name'], 'A', 'name', () => 'Ad')).toEqual({ ok: true, answer: 'Ad' });
  });

  it('refuses writes to another answer, the root, or through a prototype name', () => {
    expect(applyUpdate(['name'], 'A', 'other', () => 'x').ok).toBe(false);
    expect(applyUpdate(['name'], 'A', '', () => ({ other: 1 })).ok).toBe(false);
    expect(applyUpdate(['name'], 'A', 'nameX', () => 'x').ok).toBe(false);
    expect(applyUpdate(['people'], [], 'people.__proto__.polluted', () => 'x').ok).toBe(false);
    expect(applyUpdate(['people'], [], 'people.0.constructor', () => 'x').ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
