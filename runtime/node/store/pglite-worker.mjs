// The embedded database in a thread of its own (pglite-worker-driver.ts): PGlite runs PostgreSQL as
// WebAssembly on the thread that calls it, and opening a data folder took 9 to 30 s of CPU, during
// which a server holding it in its own thread answered nothing (pages, builder, submissions).
// Plain JavaScript, so the same file runs from the source tree and beside the bundled CLI and server.
import { parentPort, workerData } from 'node:worker_threads';

let db;

async function run(message) {
  switch (message.op) {
    case 'open': {
      const { PGlite } = await import('@electric-sql/pglite');
      db = await PGlite.create({ dataDir: workerData.dataDir });
      return undefined;
    }
    case 'query':
      return { rows: (await db.query(message.sql, message.params)).rows };
    case 'exec':
      await db.exec(message.sql);
      return undefined;
    case 'close':
      await db?.close();
      db = undefined;
      return undefined;
    default:
      throw new Error(`unknown operation ${String(message.op)}`);
  }
}

parentPort.on('message', (message) => {
  run(message).then(
    (result) => parentPort.postMessage({ id: message.id, result }),
    // What a caller may test (a PostgreSQL error code, a missing module) crosses with the message.
    (e) => parentPort.postMessage({ id: message.id, error: { message: String(e?.message ?? e), code: e?.code, detail: e?.detail, constraint: e?.constraint } }),
  );
});
