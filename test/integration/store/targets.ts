import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDefinition, type Definition, type ResponseEnvelope } from '../../../runtime/core/index';
import { migrate, openDriver, ResponseStore, sealerFor, type SqlDriver } from '../../../runtime/node/store/index';
import { pgliteDataDir, postgresDatabaseUrl } from '../../support/shared-databases';

/**
 * The two databases every store test runs on: PGlite (files in a temporary DATA_DIR) and a
 * PostgreSQL server the test run starts itself (both shared by the run: test/support/shared-databases.ts).
 * A suite calls `openTarget(kind)` in beforeAll and `close()` in afterAll; each target is a fresh
 * database, migrated, with its own key.
 */
export type TargetKind = 'pglite' | 'postgres';
export const targetKinds: TargetKind[] = ['pglite', 'postgres'];

export interface Target {
  kind: TargetKind;
  db: SqlDriver;
  store: ResponseStore;
  key: Uint8Array;
  /** Where the database keeps its files (PGlite's folder, the server's data directory). */
  files: string;
  /** DATABASE_URL / DATA_DIR for a process (the server, the CLI) to reach the same database. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function openTarget(kind: TargetKind): Promise<Target> {
  const key = randomBytes(32);
  if (kind === 'pglite') {
    const dataDir = await pgliteDataDir();
    const db = await openDriver({ dataDir });
    await migrate(db);
    return {
      kind, db, key, files: join(dataDir, 'pglite'),
      store: new ResponseStore(db, sealerFor(key)),
      env: { DATA_DIR: dataDir, RESPONSES_KEY: key.toString('base64') },
      close: async () => {
        await db.close().catch(() => undefined);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const { url, dataDir } = await postgresDatabaseUrl('store');
  const db = await openDriver({ databaseUrl: url, dataDir: tmpdir() });
  await migrate(db);
  return {
    kind, db, key, files: dataDir,
    store: new ResponseStore(db, sealerFor(key)),
    env: { DATABASE_URL: url, RESPONSES_KEY: key.toString('base64') },
    close: async () => {
      await db.close().catch(() => undefined);
    },
  };
}

export function routineEnquiry(): { definition: Definition; raw: unknown } {
  const loaded = loadDefinition(readFileSync('form-definitions/routine-enquiry/1.0.0.json', 'utf8'));
  if (!loaded.ok) throw new Error('routine-enquiry 1.0.0 does not load');
  return { definition: loaded.value, raw: loaded.raw };
}

export function completeResponse(responseId: string, answers: Record<string, unknown> = {}): ResponseEnvelope {
  const base = JSON.parse(readFileSync('test/fixtures/responses/routine-enquiry/1.0.0/valid-complete.json', 'utf8')) as ResponseEnvelope;
  return { ...base, responseId, answers: { ...base.answers, ...answers } };
}

/** The environment of a server process on a fresh, unmigrated database of `kind` (nothing opened here). */
export async function targetEnv(kind: TargetKind): Promise<Record<string, string>> {
  const key = randomBytes(32).toString('base64');
  if (kind === 'pglite') return { RESPONSES_STORE: 'on', DATA_DIR: await pgliteDataDir('bare'), RESPONSES_KEY: key };
  const { url } = await postgresDatabaseUrl('server');
  return { RESPONSES_STORE: 'on', DATABASE_URL: url, RESPONSES_KEY: key };
}
