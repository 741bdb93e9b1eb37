import { access, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pgliteDriver, postgresDriver, type SqlDriver } from './driver';
import { pgliteWorkerDriver } from './pglite-worker-driver';
import { chooseKey } from './key';
import { migrate, schemaStatus, type SchemaStatus } from './migrate';
import { ResponseStore } from './response-store';
import { sealerFor } from './seal';

/** Where the store lives, from the environment: DATABASE_URL, else PGlite under DATA_DIR (default ./data). */
export interface StoreLocation {
  databaseUrl?: string;
  /** PGlite's files: `<dataDir>/pglite`. Undefined with `memory`. */
  dataDir: string;
  /** PGlite in memory (tests). */
  memory?: boolean;
}

export function storeLocation(env: NodeJS.ProcessEnv, cwd: string): StoreLocation {
  const dataDir = resolve(cwd, env.DATA_DIR || 'data');
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, dataDir } : { dataDir };
}

/** A readable name for where the store is, never the password of a DATABASE_URL. */
export function describeLocation(at: StoreLocation): string {
  if (at.databaseUrl) {
    try {
      const url = new URL(at.databaseUrl);
      return `PostgreSQL ${url.hostname || url.searchParams.get('host') || 'local socket'}${url.port ? ':' + url.port : ''}${url.pathname}`;
    } catch {
      return 'PostgreSQL (DATABASE_URL)';
    }
  }
  return at.memory ? 'PGlite in memory' : `PGlite in ${resolve(at.dataDir, 'pglite')}`;
}

/**
 * Whether there may be a database to look in without making one: PGlite's folder exists (the
 * server then need not start embedded PostgreSQL just to learn there are no accounts), or a
 * server is named. An in-memory PGlite starts empty.
 */
export async function storeMayExist(at: StoreLocation): Promise<boolean> {
  if (at.databaseUrl) return true;
  if (at.memory) return false;
  return access(resolve(at.dataDir, 'pglite')).then(() => true, () => false);
}

export async function openDriver(at: StoreLocation): Promise<SqlDriver> {
  if (at.databaseUrl) return postgresDriver(at.databaseUrl);
  if (at.memory) return pgliteDriver(undefined);
  await mkdir(at.dataDir, { recursive: true });
  // In a thread of its own: opening and querying PGlite is CPU on the calling thread.
  return pgliteWorkerDriver(resolve(at.dataDir, 'pglite'));
}

/**
 * Opens the store, migrated to this code's schema (a database newer than the code is refused),
 * with its key (RESPONSES_KEY, or a development key in DATA_DIR). `warn` hears what a person at
 * the console should know.
 */
export async function openResponseStore(
  at: StoreLocation,
  options: { env: NodeJS.ProcessEnv; key?: Uint8Array; warn?: (line: string) => void },
): Promise<ResponseStore> {
  let key = options.key;
  if (!key) {
    const chosen = await chooseKey(options.env, at.dataDir);
    if (chosen.warning) options.warn?.(chosen.warning);
    key = chosen.key;
  }
  return new ResponseStore(await openMigrated(at), sealerFor(key));
}

/** The database, migrated to this code's schema; closed again when that is refused. */
export async function openMigrated(at: StoreLocation): Promise<SqlDriver> {
  const db = await openDriver(at);
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}

/** `db status` without migrating. */
export async function storeStatus(at: StoreLocation): Promise<SchemaStatus> {
  const db = await openDriver(at);
  try {
    return await schemaStatus(db);
  } finally {
    await db.close();
  }
}

/** `db migrate`: the steps applied now. */
export async function migrateStore(at: StoreLocation): Promise<Array<{ version: number; name: string }>> {
  const db = await openDriver(at);
  try {
    return await migrate(db);
  } finally {
    await db.close();
  }
}
