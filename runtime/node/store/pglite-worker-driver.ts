import { Worker } from 'node:worker_threads';
import { MissingPeerError } from '../missingPeer';
import type { SqlDriver, SqlRows, SqlSession } from './driver';

/**
 * PGlite over files, in a worker thread (pglite-worker.mjs): the same statements as the in-process
 * driver, but opening the database and running queries never stop the server answering. PGlite has
 * one connection, so statements and transactions take turns here: a transaction's statements are
 * never interleaved with anyone else's.
 */
export async function pgliteWorkerDriver(dataDir: string): Promise<SqlDriver> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let failed: unknown;
  worker.on('message', (m: { id: number; result?: unknown; error?: { message: string; code?: string } }) => {
    const call = pending.get(m.id);
    pending.delete(m.id);
    if (!call) return;
    if (m.error) call.reject(Object.assign(new Error(m.error.message), m.error));
    else call.resolve(m.result);
  });
  const failAll = (e: unknown) => {
    failed = e;
    for (const call of pending.values()) call.reject(e);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the database thread stopped (exit code ${code})`)));
  const call = <T>(op: string, args: Record<string, unknown> = {}): Promise<T> =>
    failed !== undefined
      ? Promise.reject(failed)
      : new Promise<T>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
          worker.postMessage({ id, op, ...args });
        });

  try {
    await call('open');
  } catch (e) {
    await worker.terminate();
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new MissingPeerError('@electric-sql/pglite', 'the response store');
    throw e;
  }

  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = turn.then(work, work);
    turn = run.catch(() => undefined);
    return run;
  };
  const session: SqlSession = {
    query: <R>(sql: string, params: unknown[] = []) => call<SqlRows<R>>('query', { sql, params }),
    exec: (sql: string) => call<void>('exec', { sql }),
  };
  return {
    kind: 'pglite',
    query: (sql, params) => inTurn(() => session.query(sql, params)),
    exec: (sql) => inTurn(() => session.exec(sql)),
    transaction: (work) =>
      inTurn(async () => {
        await session.exec('BEGIN');
        try {
          const result = await work(session);
          await session.exec('COMMIT');
          return result;
        } catch (e) {
          await session.exec('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
    close: async () => {
      await inTurn(() => call('close')).catch(() => undefined);
      await worker.terminate();
    },
  };
}
