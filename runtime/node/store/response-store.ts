import { contentHash, type Problem, type ResponseEnvelope, type ResponseStatus } from '../../core/index';
import { AccountStore } from '../accounts/account-store';
import type { SqlDriver, SqlSession } from './driver';
import { applyPatch, type PatchOp } from './json-patch';
import { CREATOR, filterSql, summaryOf, type ResponseFilter, type ResponseSummary } from './listing';
import { fromRow, openPatch, sealedPatch, toRow, type StoredPatchOp, type VersionRow } from './rows';
import type { Sealer } from './seal';
import { sealedKeys } from './sensitive';

/**
 * Responses kept by the product (issue 20), on either driver. Each change is a new version of
 * the response and an audit row, in one transaction; neither is ever rewritten (the database's
 * own triggers refuse it). Expected refusals are values; SQL failures are exceptions.
 */

export type AuditAction = 'create' | 'correct' | 'status' | 'export';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  responseId: string | null;
  version: number | null;
  reason: string | null;
  /** RFC 6902, from the previous version to this one (sealed values opened). */
  patch: PatchOp[] | null;
  detail: Record<string, unknown> | null;
}

export interface StoredResponse {
  response: ResponseEnvelope;
  version: number;
  /** How many versions the response has (the current one is `versions`). */
  versions: number;
}

export interface StoreRefusal {
  ok: false;
  reason: 'not-found' | 'conflict' | 'reason-required' | 'unchanged' | 'invalid';
  error: string;
  problems: Problem[];
}

export type StoreOutcome<T> = ({ ok: true } & T) | StoreRefusal;

/** Who acts: "local" until accounts exist (issue 20 point 4), then the signed-in user's name. */
export interface Actor {
  actor: string;
}

/** The form a response belongs to: what decides which answers are sealed. */
type FormSource = Parameters<typeof sealedKeys>[0];

/**
 * A change's options: who and why, and the check the changed response must pass (the published
 * version's validator, as a submission passes it), run inside the transaction on exactly what
 * would be stored, so a change made meanwhile cannot slip an unchecked version in.
 */
export type ChangeOptions = Actor & { reason?: string; now?: Date; check?: (changed: ResponseEnvelope) => Problem[] };

interface HeadRow {
  response_id: string;
  status: ResponseStatus;
  current_version: number;
  submitted_sha256: string;
}

function refusal(reason: StoreRefusal['reason'], code: string, error: string, path: string): StoreRefusal {
  return { ok: false, reason, error, problems: [{ code, severity: 'error', message: error, path, source: 'response' }] };
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export class ResponseStore {
  constructor(
    private readonly db: SqlDriver,
    private readonly sealer: Sealer,
  ) {}

  get kind(): SqlDriver['kind'] {
    return this.db.kind;
  }

  /** The accounts kept in the same database (one connection, one PGlite per folder). */
  get accounts(): AccountStore {
    return new AccountStore(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /**
   * Stores a submitted response, once. A retry of the same body (same canonical JSON) answers the
   * stored response with `created: false`; another body under the same `responseId` is refused.
   */
  async submit(response: ResponseEnvelope, form: FormSource, who: Actor): Promise<StoreOutcome<StoredResponse & { created: boolean }>> {
    const submitted = contentHash(response);
    return this.db.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO responses (response_id, form_id, form_version, form_sha256, status, current_version, submitted_sha256, started_at, updated_at, completed_at)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9) ON CONFLICT (response_id) DO NOTHING RETURNING response_id`,
        [response.responseId, response.form.id, response.form.version, response.form.sha256, response.status, submitted, response.startedAt, response.updatedAt, response.completedAt ?? null],
      );
      if (inserted.rows.length === 0) {
        const head = await this.head(tx, response.responseId);
        if (head?.submitted_sha256 !== submitted) {
          return refusal('conflict', 'response-id-conflict', `A different response is already stored as ${response.responseId}.`, '/responseId');
        }
        return { ok: true, created: false, ...(await this.version(tx, response.responseId, head.current_version)) };
      }
      await this.insertVersion(tx, response, 1, form);
      await this.audit(tx, who, 'create', response.responseId, 1, null, null, { status: response.status, form: response.form });
      return { ok: true, created: true, response, version: 1, versions: 1 };
    });
  }

  /** The current version, or the one asked for. */
  async get(responseId: string, version?: number): Promise<StoredResponse | undefined> {
    const head = await this.head(this.db, responseId);
    if (!head) return undefined;
    const wanted = version ?? head.current_version;
    if (!Number.isSafeInteger(wanted) || wanted < 1 || wanted > head.current_version) return undefined;
    return this.version(this.db, responseId, wanted);
  }

  /** Every audit row of a response, oldest first. */
  async history(responseId: string): Promise<AuditEntry[]> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM audit WHERE response_id = $1 ORDER BY id', [responseId]);
    return rows.map((r) => this.entry(r));
  }

  /** Audit rows of one action across the store (exports), oldest first. */
  async auditOf(action: AuditAction): Promise<AuditEntry[]> {
    const { rows } = await this.db.query<Record<string, unknown>>('SELECT * FROM audit WHERE action = $1 ORDER BY id', [action]);
    return rows.map((r) => this.entry(r));
  }

  /**
   * A correction: new answers as a new version. A completed response is corrected only with a
   * reason; nothing stored before is touched.
   */
  correct(responseId: string, answers: Record<string, unknown>, form: FormSource, who: ChangeOptions): Promise<StoreOutcome<StoredResponse>> {
    return this.change(responseId, who, 'correct', form, (r) => ({ ...r, answers }));
  }

  /** A status change (completing a draft, reopening a completed response: that one needs a reason). */
  setStatus(responseId: string, status: ResponseStatus, form: FormSource, who: ChangeOptions): Promise<StoreOutcome<StoredResponse>> {
    // The same status again is no change, though completing would stamp a new completedAt.
    return this.change(responseId, who, 'status', form, (r, now) => (r.status === status ? r : { ...r, status, completedAt: status === 'completed' ? now : null }));
  }

  private change(
    responseId: string,
    who: ChangeOptions,
    action: 'correct' | 'status',
    form: FormSource,
    edit: (r: ResponseEnvelope, now: string) => ResponseEnvelope,
  ): Promise<StoreOutcome<StoredResponse>> {
    return this.db.transaction(async (tx) => {
      const head = await this.head(tx, responseId, true);
      if (!head) return refusal('not-found', 'response-not-found', `No stored response ${responseId}.`, '/responseId');
      const reason = who.reason?.trim() ?? '';
      if (head.status === 'completed' && reason === '') {
        return refusal('reason-required', 'response-reason-required', 'A completed response changes only with a reason, recorded in its history.', '/reason');
      }
      const before = (await this.version(tx, responseId, head.current_version)).response;
      const now = (who.now ?? new Date()).toISOString();
      const edited = edit(before, now);
      if (contentHash(edited) === contentHash(before)) return refusal('unchanged', 'response-unchanged', 'The change would leave the response as it is.', '');
      const after = { ...edited, updatedAt: now };
      const problems = who.check?.(after) ?? [];
      if (problems.length) return { ok: false, reason: 'invalid', error: 'The changed response is refused.', problems };
      const version = head.current_version + 1;
      await this.insertVersion(tx, after, version, form);
      await tx.query('UPDATE responses SET status = $2, current_version = $3, updated_at = $4, completed_at = $5 WHERE response_id = $1', [responseId, after.status, version, after.updatedAt, after.completedAt ?? null]);
      const keys = sealedKeys(form);
      await this.audit(tx, who, action, responseId, version, reason || null, sealedPatch(before, after, version, keys, this.sealer), action === 'status' ? { from: before.status, to: after.status } : null);
      return { ok: true, response: after, version, versions: version };
    });
  }

  /**
   * Current versions of a form version's responses (those `filter` also asks for), in pages:
   * memory stays flat for any count.
   */
  async *responses(formId: string, formVersion: string, pageSize = 500, filter: ResponseFilter = {}): AsyncGenerator<ResponseEnvelope> {
    let after = '';
    for (;;) {
      const params: unknown[] = [after, pageSize];
      const where = filterSql({ ...filter, formId, formVersion }, params);
      const { rows } = await this.db.query<{ response_id: string; envelope: ResponseEnvelope; sealed: string | null; version: number }>(
        `SELECT v.response_id, v.envelope, v.sealed, v.version FROM responses r
           JOIN response_versions v ON v.response_id = r.response_id AND v.version = r.current_version
          WHERE r.response_id > $1${where}
          ORDER BY r.response_id LIMIT $2`,
        params,
      );
      for (const row of rows) yield fromRow(row, row.version, this.sealer);
      if (rows.length < pageSize) return;
      after = rows.at(-1)!.response_id;
    }
  }

  /**
   * Heads of the responses `filter` asks for, most recently changed first, at most `limit` of
   * them (`truncated` says when there were more: narrow the filter).
   */
  async list(filter: ResponseFilter, limit = 200): Promise<{ responses: ResponseSummary[]; truncated: boolean }> {
    const params: unknown[] = [limit + 1];
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT r.*, ${CREATOR} AS author FROM responses r WHERE true${filterSql(filter, params)}
        ORDER BY r.updated_at DESC, r.response_id LIMIT $1`,
      params,
    );
    return { responses: rows.slice(0, limit).map(summaryOf), truncated: rows.length > limit };
  }

  /** An export leaves a row in the audit: who took what, in which format and profile, and which filter chose it. */
  async recordExport(who: Actor, detail: { form: { id: string; version: string }; format: string; profile: string; count: number; destination?: string; filter?: ResponseFilter }): Promise<void> {
    await this.audit(this.db, who, 'export', null, null, null, null, detail);
  }

  /**
   * How many responses `filter` chooses of a form version, and how many of them were made against
   * other content of it (a hash not in `hashes`): an export's count, known before its first byte.
   */
  async exportCounts(formId: string, formVersion: string, hashes: readonly string[], filter: ResponseFilter = {}): Promise<{ chosen: number; leftOut: number }> {
    const params: unknown[] = [[...hashes]];
    const where = filterSql({ ...filter, formId, formVersion }, params);
    const { rows } = await this.db.query<{ chosen: number | string; left_out: number | string }>(
      `SELECT count(*) FILTER (WHERE r.form_sha256 = ANY($1::text[]))::int AS chosen,
              count(*) FILTER (WHERE NOT r.form_sha256 = ANY($1::text[]))::int AS left_out
         FROM responses r WHERE true${where}`,
      params,
    );
    return { chosen: Number(rows[0]!.chosen), leftOut: Number(rows[0]!.left_out) };
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number | string }>('SELECT count(*)::int AS n FROM responses');
    return Number(rows[0]!.n);
  }

  /** Applies each version's patch to the one before: what a reviewer of the history relies on. */
  static replay(first: ResponseEnvelope, history: readonly AuditEntry[]): ResponseEnvelope {
    return history.reduce((r, e) => (e.patch ? applyPatch(r, e.patch) : r), first);
  }

  private async head(db: SqlSession, responseId: string, lock = false): Promise<HeadRow | undefined> {
    const { rows } = await db.query<HeadRow>(
      `SELECT response_id, status, current_version, submitted_sha256 FROM responses WHERE response_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [responseId],
    );
    return rows[0];
  }

  private async version(db: SqlSession, responseId: string, version: number): Promise<StoredResponse> {
    const { rows } = await db.query<VersionRow & { current_version: number }>(
      `SELECT v.envelope, v.sealed, r.current_version FROM response_versions v JOIN responses r USING (response_id)
        WHERE v.response_id = $1 AND v.version = $2`,
      [responseId, version],
    );
    const row = rows[0]!;
    return { response: fromRow(row, version, this.sealer), version, versions: row.current_version };
  }

  private async insertVersion(db: SqlSession, response: ResponseEnvelope, version: number, form: FormSource): Promise<void> {
    const row = toRow(response, version, sealedKeys(form), this.sealer);
    await db.query('INSERT INTO response_versions (response_id, version, status, envelope, sealed) VALUES ($1, $2, $3, $4, $5)', [
      response.responseId,
      version,
      response.status,
      JSON.stringify(row.envelope),
      row.sealed,
    ]);
  }

  private async audit(db: SqlSession, who: Actor, action: AuditAction, responseId: string | null, version: number | null, reason: string | null, patch: StoredPatchOp[] | null, detail: unknown): Promise<void> {
    await db.query('INSERT INTO audit (actor, action, response_id, version, reason, patch, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      who.actor,
      action,
      responseId,
      version,
      reason,
      patch === null ? null : JSON.stringify(patch),
      detail === null ? null : JSON.stringify(detail),
    ]);
  }

  private entry(r: Record<string, unknown>): AuditEntry {
    const id = r.response_id as string | null;
    const version = r.version as number | null;
    const patch = r.patch as StoredPatchOp[] | null;
    return {
      id: Number(r.id),
      at: iso(r.at),
      actor: r.actor as string,
      action: r.action as AuditAction,
      responseId: id,
      version,
      reason: r.reason as string | null,
      patch: patch && id !== null && version !== null ? openPatch(patch, id, version, this.sealer) : null,
      detail: r.detail as Record<string, unknown> | null,
    };
  }
}
