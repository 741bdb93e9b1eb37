import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../e2e/support/server';
import { call, codes } from './http';
import { completeResponse, targetEnv, targetKinds } from './targets';

/**
 * Issue 20 points 3 and 5 over HTTP, on both databases: a response's history, any earlier
 * version, a correction (reason required, checked as a submission is, the old version never
 * rewritten), a status change, the filtered list, the labelled view and the audited export.
 */


interface HistoryRow { action: string; actor: string; at: string; reason: string | null; version: number | null; patch: Array<{ op: string; path: string; value?: unknown }> | null; detail: Record<string, unknown> | null }

describe.each(targetKinds)('history, corrections and exports over HTTP on %s', (kind) => {
  let server: RunningServer;
  let port: number;
  const get = (path: string) => call(port, 'GET', path);
  const post = (path: string, body: unknown) => call(port, 'POST', path, body);
  const history = async (id: string) => (await get(`/api/responses/${id}/history`)).json().history as HistoryRow[];
  const id = (name: string) => `${kind}-h-${name}`;

  beforeAll(async () => {
    server = await startServer({ env: await targetEnv(kind) });
    port = Number(new URL(server.url).port);
    expect((await get('/api/responses/warm-up')).status).toBe(404);
  }, 240_000);
  afterAll(() => server?.stop(), 30_000);

  it('corrects a completed response only with a reason, as a new version; the first stays readable; the history says who, when, why and what (JSON Patch)', async () => {
    const original = completeResponse(id('correct'));
    expect((await post('/api/responses', original)).status).toBe(201);
    const answers = { ...original.answers, followUpDate: '2026-12-24' };

    const noReason = await post(`/api/responses/${original.responseId}/corrections`, { answers });
    expect(noReason.status).toBe(422);
    expect(codes(noReason)).toEqual([{ code: 'response-reason-required', path: '/reason' }]);

    const corrected = await post(`/api/responses/${original.responseId}/corrections`, { answers, reason: 'Date typed wrongly.' });
    expect(corrected.status).toBe(200);
    expect(corrected.json()).toMatchObject({ version: 2, versions: 2, response: { answers: { followUpDate: '2026-12-24' } } });

    const first = await get(`/api/responses/${original.responseId}?version=1`);
    expect(first.json()).toMatchObject({ version: 1, versions: 2 });
    expect(first.json().response).toEqual(original);
    expect((await get(`/api/responses/${original.responseId}`)).json().response.answers.followUpDate).toBe('2026-12-24');

    const rows = await history(original.responseId);
    expect(rows.map((r) => [r.action, r.actor, r.version, r.reason])).toEqual([['create', 'local', 1, null], ['correct', 'local', 2, 'Date typed wrongly.']]);
    expect(rows[1]!.patch).toContainEqual({ op: 'replace', path: '/answers/followUpDate', value: '2026-12-24' });
    expect(Number.isNaN(Date.parse(rows[1]!.at))).toBe(false);
  });

  it('refuses a correction the published version\'s validator refuses, with problems at their pointers, and makes no version', async () => {
    const original = completeResponse(id('invalid'));
    await post('/api/responses', original);
    const bad = await post(`/api/responses/${original.responseId}/corrections`, { answers: { ...original.answers, enquiryDate: '18/11/2026', notSafeReason: 'x' }, reason: 'Fix.' });
    expect(bad.status).toBe(422);
    expect(codes(bad)).toEqual(expect.arrayContaining([{ code: 'answer-format', path: '/answers/enquiryDate' }, { code: 'answer-hidden', path: '/answers/notSafeReason' }]));
    const body = await post(`/api/responses/${original.responseId}/corrections`, { answers: [], reason: 7 });
    expect(codes(body)).toEqual(expect.arrayContaining([{ code: 'response-invalid', path: '/answers' }, { code: 'response-invalid', path: '/reason' }]));
    expect((await get(`/api/responses/${original.responseId}`)).json()).toMatchObject({ version: 1, versions: 1 });
    expect((await history(original.responseId)).map((r) => r.action)).toEqual(['create']);
    expect(codes(await post(`/api/responses/${id('nobody')}/corrections`, { answers: {}, reason: 'x' }))).toEqual([{ code: 'response-not-found', path: '/responseId' }]);
  });

  it('changes status with a reason (recorded from and to); completing a draft checks its required answers', async () => {
    const done = completeResponse(id('status'));
    await post('/api/responses', done);
    expect(codes(await post(`/api/responses/${done.responseId}/status`, { status: 'in-progress' }))).toEqual([{ code: 'response-reason-required', path: '/reason' }]);
    const reopened = await post(`/api/responses/${done.responseId}/status`, { status: 'in-progress', reason: 'Practitioner asked to add a note.' });
    expect(reopened.json()).toMatchObject({ version: 2, response: { status: 'in-progress', completedAt: null } });
    const last = (await history(done.responseId)).at(-1)!;
    expect(last).toMatchObject({ action: 'status', reason: 'Practitioner asked to add a note.', detail: { from: 'completed', to: 'in-progress' } });
    expect(codes(await post(`/api/responses/${done.responseId}/status`, { status: 'done' }))).toEqual([{ code: 'response-invalid', path: '/status' }]);

    const { enquiryDate: _d, ...rest } = done.answers;
    const draft = { ...completeResponse(id('draft')), status: 'in-progress' as const, completedAt: null, answers: rest };
    expect((await post('/api/responses', draft)).status).toBe(201);
    const complete = await post(`/api/responses/${draft.responseId}/status`, { status: 'completed' });
    expect(complete.status).toBe(422);
    expect(codes(complete)).toContainEqual({ code: 'answer-required', path: '/answers/enquiryDate' });
  });

  it('lists stored responses by form, version, status and day, with their author; refuses an unknown filter at its parameter', async () => {
    await post('/api/responses', completeResponse(id('list-a')));
    const list = async (q: string) => ((await get(`/api/response-list?${q}`)).json().responses as Array<{ responseId: string; status: string; author: string }>);
    const completed = await list('form=routine-enquiry&version=1.0.0&status=completed');
    expect(completed.map((r) => r.responseId)).toContain(id('list-a'));
    expect(completed.every((r) => r.status === 'completed')).toBe(true);
    expect(completed.find((r) => r.responseId === id('list-a'))?.author).toBe('local');
    // The fixture was last changed on 2026-11-21; a corrected response changed today.
    const thatDay = (await list('from=2026-11-21&to=2026-11-21')).map((r) => r.responseId);
    expect(thatDay).toContain(id('list-a'));
    expect(thatDay).not.toContain(id('correct'));
    expect(await list('form=other-form')).toEqual([]);
    // Until sign-in, every response is created by `local`: "My assessments" lists them all.
    const mine = (await get('/api/my-responses?status=completed')).json().responses as Array<{ responseId: string; author: string }>;
    expect(mine.map((r) => r.responseId)).toContain(id('list-a'));
    expect(mine.every((r) => r.author === 'local')).toBe(true);
    const bad = await get('/api/response-list?status=maybe&from=2026-02-30&version=1.0.0');
    expect(bad.status).toBe(400);
    expect(codes(bad)).toEqual(expect.arrayContaining([
      { code: 'response-query-invalid', path: '/status' }, { code: 'response-query-invalid', path: '/from' }, { code: 'response-query-invalid', path: '/version' },
    ]));
  });

  it('shows a response by question label under a profile (masked by default), and its history under the same profile', async () => {
    const r = completeResponse(id('view'));
    await post('/api/responses', r);
    await post(`/api/responses/${r.responseId}/corrections`, { answers: { ...r.answers, disclosureWords: 'Changed words.' }, reason: 'Typo.' });
    const view = (await get(`/api/responses/${r.responseId}/view`)).json();
    expect(view).toMatchObject({ profile: 'masked', version: 2, versions: 2 });
    const rows = new Map((view.answers as Array<{ pointer: string }>).map((a) => [a.pointer, a]));
    expect(rows.get('/enquiryDate')).toMatchObject({ label: 'Date of the enquiry', state: 'value', text: '2026-11-18' });
    expect(rows.get('/disclosureWords')).toMatchObject({ state: 'masked' });
    expect((await get(`/api/responses/${r.responseId}/view?version=1&profile=full`)).json().answers.find((a: { pointer: string }) => a.pointer === '/disclosureWords').text).toContain('push me about');
    const masked = (await get(`/api/responses/${r.responseId}/history?profile=masked`)).json().history as HistoryRow[];
    expect(JSON.stringify(masked)).not.toContain('Changed words.');
    expect(masked[1]!.patch).toContainEqual(expect.objectContaining({ path: '/answers/disclosureWords', value: '[masked]' }));
    expect(codes(await get(`/api/responses/${r.responseId}/view?profile=everything`))).toEqual([{ code: 'response-query-invalid', path: '/profile' }]);
  });

  it('exports the filtered set with a profile as a download, and records the export in the audit', async () => {
    await post('/api/responses', completeResponse(id('export')));
    const before = (await get('/api/response-exports')).json().exports.length as number;
    const reply = await post('/api/response-exports', { form: 'routine-enquiry', version: '1.0.0', status: 'completed', format: 'csv', profile: 'external-agency' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/csv/);
    expect(reply.headers['content-disposition']).toBe('attachment; filename="routine-enquiry-1.0.0.csv"');
    const lines = reply.text.trim().split(/\r?\n/);
    expect(lines.some((l) => l.includes(id('export')))).toBe(true);
    expect(reply.text).not.toContain('push me about');
    const exports = (await get('/api/response-exports')).json().exports as HistoryRow[];
    expect(exports).toHaveLength(before + 1);
    expect(exports.at(-1)).toMatchObject({
      action: 'export', actor: 'local',
      detail: { form: { id: 'routine-enquiry', version: '1.0.0' }, format: 'csv', profile: 'external-agency', count: lines.length - 1, destination: 'download', filter: { status: 'completed' } },
    });
    expect(codes(await post('/api/response-exports', { format: 'csv' }))).toEqual([{ code: 'response-query-invalid', path: '/form' }]);
    const bad = await post('/api/response-exports', { form: 'routine-enquiry', format: 'xlsx', profile: 'all' });
    expect(codes(bad)).toEqual(expect.arrayContaining([
      { code: 'response-query-invalid', path: '/format' }, { code: 'response-query-invalid', path: '/profile' }, { code: 'response-query-invalid', path: '/version' },
    ]));
    expect((await get('/api/response-exports')).json().exports).toHaveLength(before + 1);
  });
});
