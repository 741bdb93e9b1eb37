import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrations, ResponseStore, schemaStatus, sequenceProblems, SchemaRefusedError } from '../../../runtime/node/store/index';
import { completeResponse, openTarget, routineEnquiry, targetKinds, type Target } from './targets';

/** The response store on both databases (issue 20 points 1, 3, 7). */

const { definition } = routineEnquiry();
const local = { actor: 'local' };


describe('migrations', () => {
  it('are numbered 1, 2, 3 … without a gap', () => {
    expect(sequenceProblems(migrations)).toEqual([]);
    expect(sequenceProblems([{ version: 1 }, { version: 3 }])).toEqual(['migration 2 is numbered 3']);
  });
});

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // removed meanwhile (see filesHolding)
  }
  return names.flatMap((name) => {
    const full = join(dir, name);
    const info = statSync(full, { throwIfNoEntry: false });
    return !info ? [] : info.isDirectory() ? filesUnder(full) : info.isFile() ? [full] : [];
  });
}

function filesHolding(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  // The run's PostgreSQL cluster is shared: another test's server may remove a file while it is read.
  return filesUnder(dir).filter((f) => {
    try {
      return readFileSync(f).includes(needle);
    } catch {
      return false;
    }
  });
}

describe.each(targetKinds)('the response store on %s', (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await openTarget(kind);
  }, 90_000);
  afterAll(() => t?.close(), 30_000);

  it('is at the latest schema step, and migrating again applies nothing', async () => {
    expect(await migrate(t.db)).toEqual([]);
    expect(await schemaStatus(t.db)).toEqual({ current: migrations.length, latest: migrations.length, pending: [] });
  });

  it('refuses a database newer than the code (here: code that knows no step)', async () => {
    await expect(schemaStatus(t.db, [])).rejects.toThrow(SchemaRefusedError);
  });

  it('stores a submission once: a retry answers the stored copy, another body under the same id is response-id-conflict', async () => {
    const response = completeResponse(`${kind}-once`);
    const first = await t.store.submit(response, definition, local);
    expect(first).toMatchObject({ ok: true, created: true, version: 1 });
    const retry = await t.store.submit(structuredClone(response), definition, local);
    expect(retry).toMatchObject({ ok: true, created: false, version: 1 });
    if (retry.ok) expect(retry.response).toEqual(response);
    const other = await t.store.submit({ ...response, answers: { ...response.answers, setting: 'phone' } }, definition, local);
    expect(other).toMatchObject({ ok: false, reason: 'conflict', problems: [{ code: 'response-id-conflict', path: '/responseId' }] });
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM response_versions WHERE response_id = $1', [response.responseId]);
    expect(rows.rows[0]!.n).toBe(1);
    expect((await t.store.history(response.responseId)).map((e) => e.action)).toEqual(['create']);
  });

  it('makes one copy when the same submission arrives ten times at once', async () => {
    const response = completeResponse(`${kind}-racing`);
    const results = await Promise.all(Array.from({ length: 10 }, () => t.store.submit(structuredClone(response), definition, local)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(await t.store.history(response.responseId)).toHaveLength(1);
  });

  it('corrects a completed response only with a reason, as a new version; every earlier version stays readable', async () => {
    const response = completeResponse(`${kind}-corrected`);
    await t.store.submit(response, definition, local);
    const corrected = { ...response.answers, followUpDate: '2026-12-01', disclosureWords: 'Corrected words.' };
    const refused = await t.store.correct(response.responseId, corrected, definition, { actor: 'local' });
    expect(refused).toMatchObject({ ok: false, problems: [{ code: 'response-reason-required', path: '/reason' }] });
    const done = await t.store.correct(response.responseId, corrected, definition, { actor: 'local', reason: 'Date typed wrongly.' });
    expect(done).toMatchObject({ ok: true, version: 2 });
    expect((await t.store.get(response.responseId, 1))?.response.answers).toEqual(response.answers);
    expect((await t.store.get(response.responseId))?.response.answers).toEqual(corrected);
    const history = await t.store.history(response.responseId);
    expect(history.map((e) => [e.action, e.version, e.reason, e.actor])).toEqual([
      ['create', 1, null, 'local'],
      ['correct', 2, 'Date typed wrongly.', 'local'],
    ]);
    expect(history[1]!.patch).toEqual(expect.arrayContaining([{ op: 'replace', path: '/answers/followUpDate', value: '2026-12-01' }]));
    // The patches lead from the first version to the current one.
    expect(ResponseStore.replay(response, history)).toEqual((await t.store.get(response.responseId))!.response);
  });

  it('records a status change, with a reason to reopen a completed response', async () => {
    const response = completeResponse(`${kind}-reopened`);
    await t.store.submit(response, definition, local);
    // Found by the model-based test: completing again stamped a new completedAt and made a version.
    expect(await t.store.setStatus(response.responseId, 'completed', definition, { actor: 'local', reason: 'Again.' })).toMatchObject({ ok: false, problems: [{ code: 'response-unchanged' }] });
    expect(await t.store.setStatus(response.responseId, 'in-progress', definition, local)).toMatchObject({ ok: false, reason: 'reason-required' });
    expect(await t.store.setStatus(response.responseId, 'in-progress', definition, { actor: 'local', reason: 'Client asked to add to it.' })).toMatchObject({ ok: true, version: 2 });
    expect(await t.store.setStatus(response.responseId, 'in-progress', definition, local)).toMatchObject({ ok: false, problems: [{ code: 'response-unchanged' }] });
    const history = await t.store.history(response.responseId);
    expect(history.at(-1)).toMatchObject({ action: 'status', detail: { from: 'completed', to: 'in-progress' } });
  });

  it('keeps the audit and stored versions append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const response = completeResponse(`${kind}-append-only`);
    await t.store.submit(response, definition, local);
    for (const sql of [
      "UPDATE audit SET actor = 'someone else'",
      'DELETE FROM audit',
      'TRUNCATE audit',
      "UPDATE response_versions SET status = 'in-progress'",
      'DELETE FROM response_versions',
    ]) {
      await expect(t.db.query(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await t.store.history(response.responseId)).toHaveLength(1);
  });

  it('never holds a sensitive answer in clear, in rows or in the database files; other answers are searchable', async () => {
    const canary = `SENSITIVE-CANARY-${kind}-5b7f0e`;
    const clear = `CLEAR-CANARY-${kind}-9d2c41`;
    const response = completeResponse(clear, { disclosureWords: canary, maracReason: canary, riskIndicators: ['missed_appointments'] });
    await t.store.submit(response, definition, local);
    await t.store.correct(response.responseId, { ...response.answers, supportNotes: `${canary} again` }, definition, { actor: 'local', reason: 'Notes.' });
    await t.db.query('CHECKPOINT');
    const dump = await t.db.query<{ text: string }>(
      `SELECT (SELECT string_agg(envelope::text || coalesce(sealed, ''), '') FROM response_versions)
           || (SELECT string_agg(coalesce(patch::text, '') || coalesce(detail::text, ''), '') FROM audit) AS text`,
    );
    expect(dump.rows[0]!.text).toContain(clear);
    expect(dump.rows[0]!.text).not.toContain(canary);
    expect(filesHolding(t.files, clear).length).toBeGreaterThan(0);
    expect(filesHolding(t.files, canary)).toEqual([]);
    // With the key, they read back, in the stored response and in its history.
    expect((await t.store.get(response.responseId, 1))!.response.answers.disclosureWords).toBe(canary);
    expect((await t.store.history(response.responseId))[1]!.patch).toContainEqual({ op: 'replace', path: '/answers/supportNotes', value: `${canary} again` });
  });

  it('lists a form version\'s current responses in pages, and records an export in the audit', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `${kind}-paged-${i}`);
    for (const id of ids) await t.store.submit({ ...completeResponse(id), form: { ...completeResponse(id).form, version: '1.0.1' } }, definition, local);
    const listed: string[] = [];
    for await (const r of t.store.responses('routine-enquiry', '1.0.1', 3)) listed.push(r.responseId);
    expect(listed).toEqual(ids);
    await t.store.recordExport(local, { form: { id: 'routine-enquiry', version: '1.0.1' }, format: 'csv', profile: 'masked', count: 7 });
    expect((await t.store.auditOf('export')).at(-1)).toMatchObject({ action: 'export', actor: 'local', detail: { format: 'csv', profile: 'masked', count: 7 } });
  });
});
