import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../e2e/support/server';
import { call, codes } from './http';
import { completeResponse, targetEnv, targetKinds } from './targets';

/** `POST /api/responses`, `GET /api/responses/<id>[/history]` on the real server, on both databases (issue 20 point 2). */


describe.each(targetKinds)('the server\'s response routes on %s', (kind) => {
  let server: RunningServer;
  let port: number;
  const post = (body: unknown, headers?: Record<string, string>) => call(port, 'POST', '/api/responses', body, headers);

  beforeAll(async () => {
    server = await startServer({ env: await targetEnv(kind) });
    port = Number(new URL(server.url).port);
    // Reading opens the store: embedded PostgreSQL's first start (its initdb) takes seconds, a
    // minute on a loaded machine; paid here, once, not inside a test's time.
    expect((await call(port, 'GET', '/api/responses/warm-up')).status).toBe(404);
  }, 240_000);
  afterAll(() => server?.stop(), 30_000);

  it('says it keeps responses (GET /api/responses), which the practitioner page asks before submitting there', async () => {
    const reply = await call(port, 'GET', '/api/responses');
    expect(reply.json()).toEqual({ store: true });
  });

  it('stores a valid response once: a retry answers 200 with the stored copy, another body under the id is 409 response-id-conflict', async () => {
    const response = completeResponse(`${kind}-route-once`);
    const first = await post(response);
    expect(first.status).toBe(201);
    expect(first.json()).toMatchObject({ created: true, version: 1, response: { responseId: response.responseId } });
    const retry = await post(response);
    expect(retry.status).toBe(200);
    expect(retry.json()).toMatchObject({ created: false, version: 1 });
    const other = await post({ ...response, answers: { ...response.answers, followUpDate: '2026-12-24' } });
    expect(other.status).toBe(409);
    expect(codes(other)).toEqual([{ code: 'response-id-conflict', path: '/responseId' }]);
    const read = await call(port, 'GET', `/api/responses/${response.responseId}`);
    expect(read.status).toBe(200);
    expect(read.json().response.answers).toEqual(response.answers);
    const history = await call(port, 'GET', `/api/responses/${response.responseId}/history`);
    expect(history.json().history.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([['create', 'local']]);
  });

  it('refuses an invalid response with problems at their pointers, and stores nothing', async () => {
    const response = completeResponse(`${kind}-route-invalid`, { enquiryDate: '18/11/2026', afraidOfPartner: 'sometimes' });
    const reply = await post(response);
    expect(reply.status).toBe(422);
    expect(codes(reply)).toEqual(expect.arrayContaining([
      { code: 'answer-format', path: '/answers/enquiryDate' },
      { code: 'answer-option', path: '/answers/afraidOfPartner' },
    ]));
    expect((await call(port, 'GET', `/api/responses/${response.responseId}`)).status).toBe(404);
  });

  it('refuses an answer to a hidden question as answer-hidden', async () => {
    const reply = await post(completeResponse(`${kind}-route-hidden`, { notSafeReason: 'Partner in the room.' }));
    expect(reply.status).toBe(422);
    expect(codes(reply)).toContainEqual({ code: 'answer-hidden', path: '/answers/notSafeReason' });
  });

  it('refuses an envelope that is not one, a form version not published, and content other than the published hash', async () => {
    const { status: _s, ...noStatus } = completeResponse(`${kind}-route-envelope`);
    const bad = await post(noStatus);
    expect(bad.status).toBe(422);
    expect(codes(bad)).toContainEqual({ code: 'response-invalid', path: '/status' });
    const base = completeResponse(`${kind}-route-unpublished`);
    const unpublished = await post({ ...base, form: { ...base.form, version: '9.9.9' } });
    expect(codes(unpublished)).toEqual([{ code: 'response-form-unpublished', path: '/form' }]);
    const otherContent = await post({ ...base, form: { ...base.form, sha256: '0'.repeat(64) } });
    expect(codes(otherContent)).toEqual([{ code: 'response-form-mismatch', path: '/form/sha256' }]);
  });

  it('keeps the write behind the server\'s guard: another site\'s Origin is refused before anything is read', async () => {
    const reply = await post(completeResponse(`${kind}-route-cross-site`), { Origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.json().reason).toBe('origin');
    expect((await call(port, 'GET', `/api/responses/${kind}-route-cross-site`)).status).toBe(404);
  });
});
