import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopPostgres, type PostgresHandle } from './postgres';

/**
 * Vitest's global setup: a folder for this run, where test/support/shared-databases.ts makes the
 * databases every store test shares. Teardown stops the shared PostgreSQL server, if one was
 * started, and removes the folder.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    runDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'as-test-run-'));
  project.provide('runDir', dir);
  return () => {
    const handle = join(dir, 'postgres', 'handle.json');
    try {
      if (existsSync(handle)) stopPostgres(JSON.parse(readFileSync(handle, 'utf8')) as PostgresHandle);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
