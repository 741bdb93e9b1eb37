import { describe, expect, it } from 'vitest';
import { offered } from '../../../runtime/react/pages/forms/offered';

/**
 * The practitioner's list of forms (found trying the page as a practitioner): every published
 * version was offered side by side, the oldest first, so the first link of routine enquiry opened
 * 1.0.0 although 2.0.0 was published. Each form now opens at its latest published version.
 */
describe('the forms a practitioner is offered', () => {
  const pub = (version: string) => ({ version, status: 'published' });
  it('starts each form at its latest published version, the earlier ones newest first', () => {
    const list = offered([
      { id: 'routine-enquiry', title: 'Routine enquiry', versions: [pub('1.0.0'), pub('10.0.0'), pub('2.0.0'), { version: '10.0.1', status: 'draft' }] },
    ]);
    expect(list).toEqual([{ id: 'routine-enquiry', title: 'Routine enquiry', current: '10.0.0', earlier: ['2.0.0', '1.0.0'] }]);
  });

  it('lists forms by title, leaves out retired forms and forms with nothing published', () => {
    const list = offered([
      { id: 'b-form', title: 'Parenting capacity', versions: [pub('1.0.0')] },
      { id: 'a-form', title: 'The child’s perspective', versions: [pub('1.0.0')] },
      { id: 'c-form', title: 'AUDIT', versions: [pub('1.0.0')] },
      { id: 'retired', title: 'Old form', versions: [pub('1.0.0')], retired: { retiredAt: '2026-01-01' } },
      { id: 'drafted', title: 'New form', versions: [{ version: '1.0.0', status: 'draft' }] },
    ]);
    expect(list.map((f) => f.title)).toEqual(['AUDIT', 'Parenting capacity', 'The child’s perspective']);
  });
});
