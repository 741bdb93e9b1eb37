import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeResponse, openTarget, routineEnquiry, targetKinds, type Target } from './targets';

/** The store's list, its filtered export pages and a change's check (issue 20 points 3 and 5), on both databases. */

const { definition } = routineEnquiry();


describe.each(targetKinds)('listing and checked changes on %s', (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await openTarget(kind);
    await t.store.submit(completeResponse('a'), definition, { actor: 'ana' });
    await t.store.submit({ ...completeResponse('b'), updatedAt: '2026-12-02T23:59:59Z' }, definition, { actor: 'ben' });
    await t.store.submit({ ...completeResponse('c'), status: 'in-progress', completedAt: null, updatedAt: '2026-12-03T00:00:00Z' }, definition, { actor: 'ana' });
  }, 120_000);
  afterAll(() => t?.close(), 30_000);

  const ids = (list: { responses: Array<{ responseId: string }> }) => list.responses.map((r) => r.responseId);

  it('lists by form, version, status, whole UTC days and author, most recently changed first', async () => {
    expect(ids(await t.store.list({}))).toEqual(['c', 'b', 'a']);
    expect(ids(await t.store.list({ formId: 'routine-enquiry', formVersion: '1.0.0', status: 'completed' }))).toEqual(['b', 'a']);
    expect(ids(await t.store.list({ from: '2026-12-02', to: '2026-12-02' }))).toEqual(['b']);
    expect(ids(await t.store.list({ from: '2026-12-03' }))).toEqual(['c']);
    expect(ids(await t.store.list({ author: 'ana' }))).toEqual(['c', 'a']);
    expect(ids(await t.store.list({ formVersion: '9.9.9' }))).toEqual([]);
    const limited = await t.store.list({}, 2);
    expect([ids(limited), limited.truncated]).toEqual([['c', 'b'], true]);
    expect((await t.store.list({ author: 'ben' })).responses[0]).toMatchObject({ author: 'ben', version: 1, status: 'completed', form: { id: 'routine-enquiry' } });
  });

  it('pages an export through the same filter', async () => {
    const seen: string[] = [];
    for await (const r of t.store.responses('routine-enquiry', '1.0.0', 1, { status: 'completed', to: '2026-12-02' })) seen.push(r.responseId);
    expect(seen).toEqual(['a', 'b']);
  });

  it('refuses a change its check refuses, as invalid, and stores no version', async () => {
    const refused = await t.store.correct('a', {}, definition, { actor: 'ana', reason: 'x', check: () => [{ code: 'answer-required', severity: 'error', message: '', path: '/answers/enquiryDate' }] });
    expect(refused).toMatchObject({ ok: false, reason: 'invalid', problems: [{ code: 'answer-required' }] });
    expect((await t.store.get('a'))?.versions).toBe(1);
    expect((await t.store.history('a')).map((e) => e.action)).toEqual(['create']);
  });
});
