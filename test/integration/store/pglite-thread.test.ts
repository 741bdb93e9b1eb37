import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openDriver, type SqlDriver } from '../../../runtime/node/store/index';

/**
 * The embedded database runs in a thread of its own (runtime/node/store/pglite-worker.mjs): seen
 * trying the README, the first submission froze the whole server (pages, builder) for 9 to 30 s
 * while PGlite opened its folder on the server's own thread. Statements and transactions still take
 * turns on its one connection.
 */
describe('PGlite over files, in its own thread', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'as-pglite-thread-'));
  let db: SqlDriver;
  afterAll(async () => {
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens and migrates while this thread keeps answering (no stall near the open time)', { timeout: 240_000 }, async () => {
    let worst = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 20);
    const started = performance.now();
    db = await openDriver({ dataDir });
    await migrate(db);
    const took = performance.now() - started;
    clearInterval(ticker);
    // On the server's thread the whole open was one stall (took ≈ worst); now the ticks go on.
    expect(took).toBeGreaterThan(200);
    expect(worst).toBeLessThan(Math.max(1000, took / 4));
  });

  it("never runs another statement inside a transaction, and a rolled-back transaction leaves nothing", async () => {
    await db.exec('CREATE TABLE turns (n int PRIMARY KEY)');
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const failing = db.transaction(async (tx) => {
      await tx.query('INSERT INTO turns VALUES (1)');
      inside();
      await new Promise((r) => setTimeout(r, 200));
      throw new Error('changed my mind');
    });
    await entered;
    // Issued while the transaction is open: it waits its turn, and sees the rollback.
    const counted = db.query<{ n: number }>('SELECT count(*)::int AS n FROM turns');
    await expect(failing).rejects.toThrow('changed my mind');
    expect((await counted).rows).toEqual([{ n: 0 }]);
  });

  it('passes PostgreSQL error codes across (the store tells a retried submission by them)', async () => {
    await db.query('INSERT INTO turns VALUES (2)');
    await expect(db.query('INSERT INTO turns VALUES (2)')).rejects.toMatchObject({ code: '23505' });
    expect((await db.query('SELECT n FROM turns')).rows).toEqual([{ n: 2 }]);
  });
});
