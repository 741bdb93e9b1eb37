import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../runtime/core/index';
import { subjectDraftKey } from '../../../runtime/react/drafts/keys';
import { draftLabel } from '../../../runtime/react/drafts/labels';
import { listFormDrafts, removeFormDrafts } from '../../../runtime/react/drafts/list';
import { migrateDraft } from '../../../runtime/react/drafts/migrateDraft';
import { memoryStorage } from '../../../runtime/react/storage/memory';
import { isDraftKeyOf, type Draft } from '../../../runtime/react/storage/types';

const def = (version: string, properties: Record<string, unknown>) =>
  ({
    id: 'drafts-test', version, status: 'draft', title: 'Drafts test', source: { document: 'seeds/x.md' }, changelog: [],
    schema: { type: 'object', properties },
    uischema: { type: 'Categorization', elements: [{ type: 'Category', label: 'First', elements: [] }, { type: 'Category', label: 'Second', elements: Object.keys(properties).map((k) => ({ type: 'Control', scope: `#/properties/${k}` })) }] },
  }) as unknown as Definition;
const v1 = def('1.0.0', { name: { type: 'string', title: 'Name', 'x-code': 'name' }, old: { type: 'string', title: 'Old question', 'x-code': 'old' } });
const v2 = def('2.0.0', { name: { type: 'string', title: 'Name', 'x-code': 'name' } });

const draft = (version: string, updatedAt: string, answers: Record<string, unknown>): Draft => ({
  formId: 'drafts-test', version, sha256: 'a'.repeat(64), responseId: `r-${updatedAt}`, startedAt: '2026-11-25T09:00:00.000Z', updatedAt, answers, section: 1,
});

describe('drafts of a form', () => {
  // Found by the practitioner model (quick exit 0 ms into a slow read of the draft): the wipe read,
  // that is decrypted, every draft of the form to learn its key, and on a slow device outlasted the
  // 800 ms quick exit waits for it; the page left and the drafts stayed.
  it('wipes by key, the open draft first, without reading a single draft', async () => {
    const s = memoryStorage();
    for (const key of ['assessment:drafts-test:a', 'assessment:drafts-test:b', 'assessment:drafts-test@1.0.0', 'assessment:drafts-test-other']) s.save(key, draft('2.0.0', '2026-11-25T10:00:00.000Z', {}));
    const removed: string[] = [];
    // A slow device: reading a draft never finishes; removing and listing keys do.
    const slow = { ...s, local: true, load: () => new Promise<null>(() => undefined), list: () => new Promise<never>(() => undefined), remove: (key: string) => (removed.push(key), s.remove(key)) };
    await removeFormDrafts(slow, 'drafts-test', ['assessment:drafts-test:b']);
    expect(removed).toEqual(['assessment:drafts-test:b', 'assessment:drafts-test:a', 'assessment:drafts-test@1.0.0']);
    expect(await s.keys!('assessment:')).toEqual(['assessment:drafts-test-other']);
  });

  it('lists only this form’s drafts, last saved first', async () => {
    const s = memoryStorage();
    s.save('assessment:drafts-test:a', draft('2.0.0', '2026-11-25T10:00:00.000Z', {}));
    s.save('assessment:drafts-test:b', draft('2.0.0', '2026-11-25T11:00:00.000Z', {}));
    s.save('assessment:drafts-test@1.0.0', draft('1.0.0', '2026-11-24T11:00:00.000Z', {}));
    s.save('assessment:drafts-test-other', { ...draft('2.0.0', '2026-11-25T12:00:00.000Z', {}), formId: 'drafts-test-other' });
    expect((await listFormDrafts(s, 'drafts-test')).map((d) => d.key)).toEqual(['assessment:drafts-test:b', 'assessment:drafts-test:a', 'assessment:drafts-test@1.0.0']);
  });

  it('labels a draft by times, section and version, never by an answer', () => {
    const label = draftLabel({ key: 'k', draft: draft('2.0.0', '2026-11-25T10:00:00.000Z', { name: 'CANARY-label' }) }, v2);
    expect(label.section).toBe('Second');
    expect(label.version).toBe('2.0.0');
    expect(JSON.stringify(label)).not.toContain('CANARY');
    // The draft's own version's sections only: another version's labels could be wrong.
    expect(draftLabel({ key: 'k', draft: draft('1.0.0', '2026-11-25T10:00:00.000Z', {}) }, v2).section).toBeNull();
  });

  it('moves a draft to another version with the report of what was not carried', () => {
    const { draft: moved, report } = migrateDraft(draft('1.0.0', '2026-11-25T10:00:00.000Z', { name: 'Sam', old: 'x' }), v1, v2);
    expect(moved).toMatchObject({ version: '2.0.0', answers: { name: 'Sam' }, section: 0, responseId: 'r-2026-11-25T10:00:00.000Z' });
    expect(moved.answers).not.toHaveProperty('old');
    expect(report.carried).toEqual(['name']);
    expect(report.notCarried.map((n) => [n.key, n.reason])).toEqual([['old', 'question-removed']]);
  });

  it('keys a subject’s draft so no id can pose as a version suffix or another form', () => {
    const key = subjectDraftKey('drafts-test', 'case:7@2.0.0');
    expect(key).toBe('assessment:drafts-test:subject:case%3A7%402.0.0');
    expect(isDraftKeyOf('drafts-test', key)).toBe(true);
    expect(key).not.toContain('@');
  });
});
