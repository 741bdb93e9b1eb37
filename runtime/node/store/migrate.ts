import type { SqlDriver } from './driver';
import { migrations as known, sequenceProblems, type Migration } from './migrations/index';

export interface SchemaStatus {
  /** The highest step applied to the database (0 for an empty one). */
  current: number;
  /** The highest step this code knows. */
  latest: number;
  pending: Array<{ version: number; name: string }>;
}

/** The database cannot be used by this code: newer than it, or its recorded steps differ from ours. */
export class SchemaRefusedError extends Error {}

const RECORD = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  sha256     text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

// Two processes starting on one server must not both run step 1: one waits for the other.
const LOCK = 'SELECT pg_advisory_xact_lock(2026120520)';

interface Applied {
  version: number;
  name: string;
  sha256: string;
}

async function applied(db: SqlDriver): Promise<Applied[]> {
  await db.exec(RECORD);
  return (await db.query<Applied>('SELECT version, name, sha256 FROM schema_migrations ORDER BY version')).rows;
}

/** Refuses a database newer than this code, or whose applied steps are not ours. */
function check(rows: Applied[], list: readonly Migration[]): void {
  const gaps = sequenceProblems(list);
  if (gaps.length) throw new SchemaRefusedError(`the store's migrations are out of sequence: ${gaps.join('; ')}`);
  rows.forEach((row, i) => {
    if (row.version !== i + 1) throw new SchemaRefusedError(`schema_migrations skips step ${i + 1}: the database was changed by hand`);
  });
  const newest = rows.at(-1)?.version ?? 0;
  if (newest > list.length) {
    throw new SchemaRefusedError(`the database is at schema step ${newest}, newer than this code knows (${list.length}): run a newer Assessment Studio`);
  }
  for (const row of rows) {
    const ours = list[row.version - 1]!;
    if (row.sha256 !== ours.sha256) throw new SchemaRefusedError(`schema step ${row.version} (${row.name}) applied to the database differs from this code's ${ours.name}`);
  }
}

export async function schemaStatus(db: SqlDriver, list: readonly Migration[] = known): Promise<SchemaStatus> {
  const rows = await applied(db);
  check(rows, list);
  const current = rows.at(-1)?.version ?? 0;
  return { current, latest: list.length, pending: list.slice(current).map(({ version, name }) => ({ version, name })) };
}

/** Applies each pending step in its own transaction, with its record; answers the steps applied. */
export async function migrate(db: SqlDriver, list: readonly Migration[] = known): Promise<Array<{ version: number; name: string }>> {
  check(await applied(db), list);
  const done: Array<{ version: number; name: string }> = [];
  for (const m of list) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(LOCK);
      // Looked at again under the lock: another process may have applied it meanwhile.
      const present = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (present.rows.length) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, sha256) VALUES ($1, $2, $3)', [m.version, m.name, m.sha256]);
      return true;
    });
    if (ran) done.push({ version: m.version, name: m.name });
  }
  return done;
}
