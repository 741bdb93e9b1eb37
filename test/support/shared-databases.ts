import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { migrate, openDriver } from '../../runtime/node/store/index';
import { postgresDatabase, startPostgresHandle, type PostgresHandle } from './postgres';

/**
 * The databases the store's tests need, made once per test run and shared by every test file:
 * - one PostgreSQL server (initdb, start and stop cost seconds; a dozen files each started their own),
 *   on which each test gets a database of its own;
 * - PGlite clusters copied from template clusters, bare or migrated: PGlite's own initdb (WebAssembly)
 *   is the slowest step of a store test, several seconds each time a fresh DATA_DIR was opened.
 * Made on first need, under a lock in the run's folder (test/support/run-setup.ts), so a run without
 * store tests starts neither. The run's teardown stops the server and removes the folder.
 */

function runDir(): string {
  const dir = inject('runDir');
  if (!dir) throw new Error('no run folder: vitest.config globalSetup test/support/run-setup.ts did not run');
  return dir;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * `make()` once per run across worker processes: the first caller takes the lock (an atomic
 * mkdir) and makes it; the others wait for its `done` file. A maker's failure is written down, so
 * waiters fail with its reason instead of timing out.
 */
async function once(name: string, make: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(runDir(), name);
  const done = `${dir}.done`;
  const failed = `${dir}.failed`;
  let mine = false;
  try {
    mkdirSync(`${dir}.lock`);
    mine = true;
  } catch {
    // another worker makes it
  }
  if (mine) {
    try {
      const building = `${dir}.building`;
      mkdirSync(building, { recursive: true });
      await make(building);
      renameSync(building, dir);
      writeFileSync(done, '');
    } catch (e) {
      writeFileSync(failed, e instanceof Error ? e.stack ?? e.message : String(e));
      throw e;
    }
    return dir;
  }
  for (let waited = 0; waited < 240_000; waited += 100) {
    if (existsSync(done)) return dir;
    if (existsSync(failed)) throw new Error(`making the shared ${name} failed in another worker: ${readFileSync(failed, 'utf8')}`);
    await sleep(100);
  }
  throw new Error(`the shared ${name} was not made within 4 minutes`);
}

/** Template PGlite clusters: `bare/pglite` (initdb only) and `migrated/pglite` (every migration applied). */
function pgliteTemplates(): Promise<string> {
  return once('pglite-templates', async (dir) => {
    const bare = join(dir, 'bare');
    const db = await openDriver({ dataDir: bare });
    await db.close();
    const migrated = join(dir, 'migrated');
    cpSync(bare, migrated, { recursive: true });
    const again = await openDriver({ dataDir: migrated });
    await migrate(again);
    await again.close();
  });
}

/**
 * A new DATA_DIR whose `pglite/` cluster is a copy of the run's template: migrated (every schema
 * step applied, as a store opened once by the product is) or bare (initdb only: `db status` has
 * everything pending). Copying a closed cluster is how PostgreSQL itself is backed up cold.
 */
export async function pgliteDataDir(state: 'migrated' | 'bare' = 'migrated'): Promise<string> {
  const templates = await pgliteTemplates();
  const dataDir = mkdtempSync(join(tmpdir(), 'as-store-'));
  cpSync(join(templates, state, 'pglite'), join(dataDir, 'pglite'), { recursive: true });
  return dataDir;
}

/** The run's PostgreSQL server (started on first need); stopped by the run's teardown. */
export async function sharedPostgres(): Promise<PostgresHandle> {
  const dir = await once('postgres', async (at) => {
    const handle = await startPostgresHandle();
    writeFileSync(join(at, 'handle.json'), JSON.stringify(handle));
  });
  return JSON.parse(readFileSync(join(dir, 'handle.json'), 'utf8')) as PostgresHandle;
}

let made = 0;

/** A new, empty database on the run's server, as a DATABASE_URL. */
export async function postgresDatabaseUrl(prefix: string): Promise<{ url: string; dataDir: string }> {
  const handle = await sharedPostgres();
  const url = await postgresDatabase(handle, `${prefix}_${process.pid}_${++made}`);
  return { url, dataDir: handle.data };
}
