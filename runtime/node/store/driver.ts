/**
 * The one door to SQL. Two drivers sit behind it, PGlite (embedded PostgreSQL, the default) and
 * `pg` (a real server, when DATABASE_URL is set), and both run the very same statements: `$1`
 * parameters, jsonb, plpgsql triggers. Nothing above this file knows which one it talks to.
 */
import { MissingPeerError } from '../missingPeer';
export interface SqlRows<R> {
  rows: R[];
}

export interface SqlSession {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<SqlRows<R>>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlSession {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite: files under `dataDir`, or in memory when it is undefined (tests). */
export async function pgliteDriver(dataDir: string | undefined): Promise<SqlDriver> {
  // Loaded on demand: the embedded database is ~10 MB of WebAssembly that only the store needs.
  const { PGlite } = await optionalPeer(() => import('@electric-sql/pglite'), '@electric-sql/pglite');
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create({ dataDir });
  return {
    kind: 'pglite',
    query: async <R>(sql: string, params: unknown[] = []) => ({ rows: (await db.query<R>(sql, params)).rows }),
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <R>(sql: string, params: unknown[] = []) => ({ rows: (await tx.query<R>(sql, params)).rows }),
          exec: async (sql) => void (await tx.exec(sql)),
        }),
      ),
    close: () => db.close(),
  };
}

/** A PostgreSQL server through a small `pg` pool. */
export async function postgresDriver(connectionString: string): Promise<SqlDriver> {
  const { default: pg } = await optionalPeer(() => import('pg'), 'pg');
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its server (a restart) must not take the process down with it.
  pool.on('error', () => undefined);
  const query = async <R>(sql: string, params: unknown[] = []) => ({ rows: (await pool.query(sql, params)).rows as R[] });
  return {
    kind: 'postgres',
    query,
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <R>(sql: string, params: unknown[] = []) => ({ rows: (await client.query(sql, params)).rows as R[] }),
          exec: async (sql) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * The database drivers are optional peers of the published package (a host embedding forms needs
 * neither): a command that needs one and does not find it says what to install.
 */
async function optionalPeer<T>(load: () => Promise<T>, name: string): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' || (e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') {
      throw new MissingPeerError(name, 'the response store');
    }
    throw e;
  }
}
