import { describe, expect, it } from 'vitest';
import { childElements, type UiElement } from '../../../runtime/react/model/formModel';

/**
 * Issue 16: a UI schema whose `elements` is not an array threw a TypeError mid-render (`.map` on an
 * object). Every surface refuses it first; the layouts read children through `childElements`, so a
 * form rendered without that check (a host's own controller) shows no children instead of throwing.
 */
describe('childElements', () => {
  it('gives no children for elements that are not an array, and the array itself otherwise', () => {
    for (const elements of [{}, 'x', 3, null, undefined]) expect(childElements({ type: 'VerticalLayout', elements } as unknown as UiElement)).toEqual([]);
    const list = [{ type: 'Control', scope: '#/properties/a' }];
    expect(childElements({ type: 'Group', elements: list })).toBe(list);
  });
});
