import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopPostgres, type PostgresHandle } from './postgres';

/**
 * Vitest's global setup: a folder for this run, where test/support/shared-databases.ts makes the
 * databases every store test shares, and which is the temporary folder of everything the run starts
 * (TMPDIR, inherited by the test workers and the servers, CLIs and browsers they start). Teardown
 * stops the shared PostgreSQL server, if one was started, and removes the folder, so a run leaves
 * nothing behind: before, each run left about 20 copies of a 140 MB PGlite cluster and a hundred
 * other folders in /tmp (24 GB after a day of runs here).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    runDir: string;
  }
}

export default function setup(project: TestProject) {
  // Each project runs this setup: their folders sit side by side under the machine's own temporary
  // folder (nested, one project's teardown would remove another's PostgreSQL handle before it ran).
  const base = (process.env.AS_TEST_TMP_BASE ??= tmpdir());
  const dir = mkdtempSync(join(base, 'as-test-run-'));
  project.provide('runDir', dir);
  // Workers start after every project's setup: the last folder is all of theirs; teardown removes each.
  process.env.TMPDIR = dir;
  return () => {
    const handle = join(dir, 'postgres', 'handle.json');
    try {
      if (existsSync(handle)) stopPostgres(JSON.parse(readFileSync(handle, 'utf8')) as PostgresHandle);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
