import { contentHash, type Definition, type ResponseEnvelope } from '../../runtime/core/index';
import type { SqlDriver } from '../../runtime/node/store/driver';
import { toRow } from '../../runtime/node/store/rows';
import type { Sealer } from '../../runtime/node/store/seal';
import { sealedKeys } from '../../runtime/node/store/sensitive';

/**
 * Many stored responses quickly, for the export tests and `npm run bench:store`: the rows a
 * submission would leave (the response head, version 1 made by the store's own `toRow`, so
 * sensitive answers are sealed under `sealer` with each row's own id, and a `create` audit row),
 * written `batch` at a time by one `INSERT … SELECT … FROM unnest(…)` per table instead of a
 * transaction per response. Only the response id differs from `base`.
 */
export async function seedResponses(
  db: SqlDriver,
  sealer: Sealer,
  form: Definition,
  base: ResponseEnvelope,
  options: { count: number; prefix: string; actor?: string; batch?: number; onBatch?: (done: number) => void },
): Promise<void> {
  const keys = sealedKeys(form);
  const batch = options.batch ?? 1000;
  const detail = JSON.stringify({ status: base.status, form: base.form });
  for (let start = 0; start < options.count; start += batch) {
    const ids: string[] = [];
    const hashes: string[] = [];
    const envelopes: string[] = [];
    const sealed: Array<string | null> = [];
    for (let i = start; i < Math.min(options.count, start + batch); i++) {
      const response = { ...base, responseId: `${options.prefix}${String(i).padStart(7, '0')}` };
      const row = toRow(response, 1, keys, sealer);
      ids.push(response.responseId);
      hashes.push(contentHash(response));
      envelopes.push(JSON.stringify(row.envelope));
      sealed.push(row.sealed);
    }
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO responses (response_id, form_id, form_version, form_sha256, status, current_version, submitted_sha256, started_at, updated_at, completed_at)
         SELECT id, $3, $4, $5, $6, 1, sha, $7::timestamptz, $8::timestamptz, $9::timestamptz FROM unnest($1::text[], $2::text[]) AS t(id, sha)`,
        [ids, hashes, base.form.id, base.form.version, base.form.sha256, base.status, base.startedAt, base.updatedAt, base.completedAt ?? null],
      );
      await tx.query(
        `INSERT INTO response_versions (response_id, version, status, envelope, sealed)
         SELECT id, 1, $4, env::jsonb, sealed FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, env, sealed)`,
        [ids, envelopes, sealed, base.status],
      );
      await tx.query(
        `INSERT INTO audit (actor, action, response_id, version, detail) SELECT $2, 'create', id, 1, $3::jsonb FROM unnest($1::text[]) AS t(id)`,
        [ids, options.actor ?? 'seed', detail],
      );
    });
    options.onBatch?.(Math.min(options.count, start + batch));
  }
}
