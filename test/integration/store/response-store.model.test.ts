import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, type ResponseEnvelope, type ResponseStatus } from '../../../runtime/core/index';
import type { ResponseStore } from '../../../runtime/node/store/index';
import { seededParams } from '../../support/property';
import { completeResponse, openTarget, routineEnquiry, type Target } from './targets';

/**
 * Model-based test of the store (fast-check commands): submit, retry, correct, change status and
 * export in any order, against a model of what must be true. After every step: each acknowledged
 * submission is stored exactly once, a response's history has one row per action on it, every
 * earlier version reads back exactly as it was acknowledged (never rewritten), and each export
 * is one audit row. PGlite only: the same statements run on PostgreSQL in response-store.test.ts.
 */

const { definition } = routineEnquiry();
const IDS = ['a', 'b', 'c'];
const DATES = ['2026-11-25', '2026-12-01', '2026-12-24'];

interface Entry {
  body: ResponseEnvelope;
  status: ResponseStatus;
  /** contentHash of each acknowledged version, index = version - 1. */
  versions: string[];
  actions: string[];
}

interface Model {
  run: number;
  stored: Map<string, Entry>;
  exports: number;
}

interface Real {
  store: ResponseStore;
  db: Target['db'];
}

const formVersion = (m: Model) => `0.${m.run}.0`;
const idOf = (m: Model, i: number) => `model-${m.run}-${IDS[i]}`;
function bodyOf(m: Model, i: number, date: number): ResponseEnvelope {
  const r = completeResponse(idOf(m, i), { followUpDate: DATES[date] });
  return { ...r, form: { ...r.form, version: formVersion(m) } };
}

async function invariants(m: Model, r: Real): Promise<void> {
  for (const [id, entry] of m.stored) {
    const current = await r.store.get(id);
    expect(current?.version).toBe(entry.versions.length);
    for (let v = 1; v <= entry.versions.length; v++) expect(contentHash((await r.store.get(id, v))!.response), `${id} v${v}`).toBe(entry.versions[v - 1]);
    expect((await r.store.history(id)).map((e) => e.action)).toEqual(entry.actions);
  }
  const { rows } = await r.db.query<{ n: number }>('SELECT count(*)::int AS n FROM responses WHERE form_version = $1', [formVersion(m)]);
  expect(rows[0]!.n).toBe(m.stored.size);
  const exports = (await r.store.auditOf('export')).filter((e) => (e.detail as { form: { version: string } }).form.version === formVersion(m));
  expect(exports).toHaveLength(m.exports);
}

class Submit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly i: number, readonly date: number) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const body = bodyOf(m, this.i, this.date);
    const known = m.stored.get(body.responseId);
    const out = await r.store.submit(body, definition, { actor: 'local' });
    if (!known) {
      expect(out).toMatchObject({ ok: true, created: true });
      m.stored.set(body.responseId, { body, status: body.status, versions: [contentHash(body)], actions: ['create'] });
    } else if (contentHash(known.body) === contentHash(body)) expect(out).toMatchObject({ ok: true, created: false });
    else expect(out).toMatchObject({ ok: false, reason: 'conflict' });
    await invariants(m, r);
  }
  toString = () => `submit(${IDS[this.i]}, ${DATES[this.date]})`;
}

class Retry implements fc.AsyncCommand<Model, Real> {
  constructor(readonly i: number) {}
  check = (m: Readonly<Model>) => m.stored.size > 0;
  async run(m: Model, r: Real): Promise<void> {
    const entry = [...m.stored.values()][this.i % m.stored.size]!;
    const out = await r.store.submit(structuredClone(entry.body), definition, { actor: 'local' });
    expect(out).toMatchObject({ ok: true, created: false, version: entry.versions.length });
    await invariants(m, r);
  }
  toString = () => `retry(${this.i})`;
}

/**
 * A change (correct or status) to response `i`: what the model expects (a refusal, or a new
 * version), checked against the store's answer; `unchanged` says when the model knows it is none.
 */
async function change(
  m: Model, r: Real, i: number, reason: boolean, action: 'correct' | 'status',
  apply: (id: string, who: { actor: string; reason?: string }) => ReturnType<ResponseStore['correct']>,
  unchanged: (entry: Entry) => boolean | undefined,
): Promise<Entry | undefined> {
  const id = idOf(m, i);
  const entry = m.stored.get(id);
  const out = await apply(id, { actor: 'local', ...(reason ? { reason: 'Reviewed.' } : {}) });
  let changed: Entry | undefined;
  if (!entry) expect(out).toMatchObject({ ok: false, reason: 'not-found' });
  else if (entry.status === 'completed' && !reason) expect(out).toMatchObject({ ok: false, reason: 'reason-required' });
  else if (unchanged(entry) ?? !out.ok) expect(out).toMatchObject({ ok: false, reason: 'unchanged' });
  else {
    expect(out.ok).toBe(true);
    if (out.ok) entry.versions.push(contentHash(out.response));
    entry.actions.push(action);
    changed = entry;
  }
  await invariants(m, r);
  return changed;
}

class Correct implements fc.AsyncCommand<Model, Real> {
  constructor(readonly i: number, readonly date: number, readonly reason: boolean) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const answers = (id: string) => ({ ...completeResponse(id).answers, followUpDate: DATES[this.date] });
    // Whether the answers differ is the store's to say: the model does not track answers.
    await change(m, r, this.i, this.reason, 'correct', (id, who) => r.store.correct(id, answers(id), definition, who), () => undefined);
  }
  toString = () => `correct(${IDS[this.i]}, ${DATES[this.date]}, reason: ${this.reason})`;
}

class ChangeStatus implements fc.AsyncCommand<Model, Real> {
  constructor(readonly i: number, readonly status: ResponseStatus, readonly reason: boolean) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const entry = await change(m, r, this.i, this.reason, 'status', (id, who) => r.store.setStatus(id, this.status, definition, who), (e) => e.status === this.status);
    if (entry) entry.status = this.status;
  }
  toString = () => `status(${IDS[this.i]}, ${this.status}, reason: ${this.reason})`;
}

class Export implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const seen: string[] = [];
    for await (const response of r.store.responses('routine-enquiry', formVersion(m), 2)) seen.push(contentHash(response));
    expect(seen.sort()).toEqual([...m.stored.values()].map((e) => e.versions.at(-1)!).sort());
    await r.store.recordExport({ actor: 'local' }, { form: { id: 'routine-enquiry', version: formVersion(m) }, format: 'json', profile: 'full', count: seen.length });
    m.exports++;
    await invariants(m, r);
  }
  toString = () => 'export';
}

const id = fc.integer({ min: 0, max: IDS.length - 1 });
const date = fc.integer({ min: 0, max: DATES.length - 1 });
const commands = [
  fc.tuple(id, date).map(([i, d]) => new Submit(i, d)),
  fc.nat().map((i) => new Retry(i)),
  fc.tuple(id, date, fc.boolean()).map(([i, d, why]) => new Correct(i, d, why)),
  fc.tuple(id, fc.constantFrom<ResponseStatus>('in-progress', 'completed'), fc.boolean()).map(([i, s, why]) => new ChangeStatus(i, s, why)),
  fc.constant(new Export()),
];

describe('the response store against its model', () => {
  let t: Target;
  let runs = 0;
  beforeAll(async () => {
    t = await openTarget('pglite');
  }, 90_000);
  afterAll(() => t?.close(), 30_000);

  it('keeps every acknowledged submission once, one history row per action, and never rewrites a version', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (cmds) => {
        const model: Model = { run: ++runs, stored: new Map(), exports: 0 };
        await fc.asyncModelRun(() => ({ model, real: { store: t.store, db: t.db } }), cmds);
      }),
      seededParams(25),
    );
  }, 240_000);
});
