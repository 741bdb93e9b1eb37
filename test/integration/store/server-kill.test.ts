import { describe, expect, it } from 'vitest';
import { startServer, copyForms, type RunningServer } from '../../e2e/support/server';
import { completeResponse, targetEnv } from './targets';

/**
 * Issue 20 point 7, scaled down: 200 submissions from 10 concurrent clients while the server
 * process is SIGKILLed and restarted 3 times (the issue asks 1,000 from 20; the figures are
 * parameters below). A client retries what was not acknowledged, as the page's Submit does.
 * After: every submission is stored exactly once, with one version and one history row, never
 * half-written. On PostgreSQL: the server process dies, the database does not. (PGlite lives in
 * the server's process; its crash recovery is PostgreSQL's own WAL, not exercised here.)
 */
const SUBMISSIONS = 200;
const CLIENTS = 10;
const KILLS = 3;


describe('killing the server during submissions (PostgreSQL)', () => {
  it(`keeps each of ${SUBMISSIONS} acknowledged submissions exactly once through ${KILLS} SIGKILLs`, { timeout: 240_000 }, async () => {
    const env = await targetEnv('postgres');
    const formsDir = copyForms();
    let server: RunningServer = await startServer({ env, formsDir });
    let url = server.url;
    const acknowledged = new Set<string>();
    let next = 0;
    let kills = 0;

    const submitOne = async (id: string): Promise<void> => {
      for (;;) {
        try {
          const res = await fetch(`${url}/api/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(completeResponse(id)) });
          if (res.status === 201 || res.status === 200) {
            acknowledged.add(id);
            return;
          }
          throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        } catch (e) {
          if (e instanceof Error && e.message.startsWith('unexpected')) throw e;
          await new Promise((r) => setTimeout(r, 50)); // the server is down: retry the same body
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < SUBMISSIONS; i = next++) await submitOne(`kill-${i}`);
    });
    const killer = (async () => {
      while (kills < KILLS) {
        await new Promise((r) => setTimeout(r, 400));
        if (next >= SUBMISSIONS) break;
        server.process.kill('SIGKILL');
        await new Promise((r) => server.process.once('exit', r));
        kills++;
        server = await startServer({ env, formsDir });
        url = server.url;
      }
    })();
    await Promise.all([...clients, killer]);
    expect(kills).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(SUBMISSIONS);

    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      const heads = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM responses WHERE response_id LIKE 'kill-%'");
      const versions = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM response_versions WHERE response_id LIKE 'kill-%' AND version = 1");
      const creates = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM audit WHERE action = 'create' AND response_id LIKE 'kill-%'");
      const stray = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM responses r WHERE NOT EXISTS (SELECT 1 FROM response_versions v WHERE v.response_id = r.response_id)");
      expect([heads.rows[0]!.n, versions.rows[0]!.n, creates.rows[0]!.n, stray.rows[0]!.n]).toEqual([SUBMISSIONS, SUBMISSIONS, SUBMISSIONS, 0]);
    } finally {
      await client.end();
      await server.stop();
    }
  });
});
