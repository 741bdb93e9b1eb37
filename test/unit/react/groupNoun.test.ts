import { describe, expect, it } from 'vitest';
import { groupItemLabel, groupItemNoun } from '../../../runtime/react/model/groupNoun';

describe('groupItemNoun (issue 14: "Child 1", not "Entry 1")', () => {
  it('uses the items\' own title first', () => {
    expect(groupItemNoun({ title: 'Children', itemSchema: { schema: { title: 'Young person' }, pointer: '/schema/properties/children/items' } })).toBe('Young person');
  });
  it('makes the group title singular', () => {
    expect(groupItemNoun({ title: 'Children' })).toBe('Child');
    expect(groupItemNoun({ title: 'Other agencies' })).toBe('Other agency');
    expect(groupItemNoun({ title: 'Addresses' })).toBe('Address');
  });
  it('finds the noun a question names, else says Item', () => {
    expect(groupItemNoun({ title: 'Which child or children is the disclosure about?' })).toBe('Child');
    expect(groupItemNoun({ title: 'Who else was there?' })).toBe('Item');
    expect(groupItemNoun({})).toBe('Item');
  });
  it('numbers items from 1', () => {
    expect(groupItemLabel({ title: 'Children' }, 1)).toBe('Child 2');
  });
});
