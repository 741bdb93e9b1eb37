import { describe, expect, it } from 'vitest';
import { readOutline, type RawDefinition } from '../../../builder/app/services/edits/index';
import { nested } from './fixture';

/**
 * A definition with object questions written outside the builder opens in Design: the outline reads
 * it, and lists the Groups showing the objects in place (making them: test/unit/builder/object-groups).
 */
describe('the builder outline of a form with answers grouped in objects (issue 18 point 2)', () => {
  it('reads the form and lists the layouts showing the objects, and the group item inside an object', () => {
    const outline = readOutline(JSON.parse(nested().text) as RawDefinition);
    const items = outline.sections[0]!.items;
    expect(items.map((i) => i.label)).toEqual([
      'Is the person alone and able to talk safely?', 'How worried are you about the risk of harm (0 to 3)?', 'Risk follow-up',
      'Has the duty manager been called?', 'Safe address', 'Children in the household', 'Household',
    ]);
    expect(items[5]!.children!.map((c) => c.code)).toEqual(['child_name', 'child_postcode']);
    // An object group's questions are listed under it, in the order its Group shows them.
    expect(items[2]!.children!.map((c) => [c.object, c.key])).toEqual([['riskFollowUp', 'level'], ['riskFollowUp', 'plan'], ['riskFollowUp', 'referred'], ['riskFollowUp', 'referralDate']]);
    expect(items[6]!.children!.map((c) => [c.object, c.kind])).toEqual([['household', 'group']]);
  });
});
