/**
 * `npm run bench:store [-- --count N --clients C]`: the response store on PGlite and on
 * PostgreSQL (a server this bench starts, as the tests do). For each: N submissions of the
 * routine-enquiry 1.0.0 complete response through the real server (`POST /api/responses`) from C
 * concurrent clients, latency p50/p95; then `export --from-store --format ndjson` of all of them
 * (the server stopped first: PGlite's files have one user), responses per second; and the
 * database's size. Figures only; nothing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../e2e/support/server';
import { startPostgres } from '../support/postgres';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('count', 10_000);
const CLIENTS = arg('clients', 20);
const base = JSON.parse(readFileSync('test/fixtures/responses/routine-enquiry/1.0.0/valid-complete.json', 'utf8')) as { responseId: string };

function du(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const info = statSync(join(dir, name), { throwIfNoEntry: false });
    return n + (!info ? 0 : info.isDirectory() ? du(join(dir, name)) : info.size);
  }, 0);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function run(name: string, env: Record<string, string>, size: () => Promise<number>): Promise<void> {
  const server = await startServer({ env });
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < COUNT; i = next++) {
        const body = JSON.stringify({ ...base, responseId: `bench-${i}` });
        const start = performance.now();
        const res = await fetch(`${server.url}/api/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        await res.arrayBuffer();
        if (res.status !== 201) throw new Error(`submission ${i}: ${res.status}`);
        latencies.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await server.stop();
  latencies.sort((a, b) => a - b);
  const out = join(mkdtempSync(join(tmpdir(), 'bench-export-')), 'out.ndjson');
  const e0 = performance.now();
  const exported = spawnSync(process.execPath, [resolve('dist/node/cli.js'), 'export', '--from-store', '--form', 'form-definitions/routine-enquiry/1.0.0.json', '--format', 'ndjson', '--out', out, '--force'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const exportSeconds = (performance.now() - e0) / 1000;
  if (exported.status !== 0) throw new Error(`export failed: ${exported.stderr}`);
  const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean).length;
  console.log(
    `${name.padEnd(10)} ${COUNT} submissions, ${CLIENTS} clients: p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, ${(COUNT / seconds).toFixed(0)}/s; ` +
      `export ${lines} in ${exportSeconds.toFixed(1)} s (${(lines / exportSeconds).toFixed(0)}/s, process start included); database ${(await size() / 1048576).toFixed(1)} MiB`,
  );
}

const key = randomBytes(32).toString('base64');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-store-'));
await run('PGlite', { RESPONSES_STORE: 'on', DATA_DIR: dataDir, RESPONSES_KEY: key }, async () => du(join(dataDir, 'pglite')));
const pg = await startPostgres();
try {
  const url = await pg.database('bench');
  await run('PostgreSQL', { RESPONSES_STORE: 'on', DATABASE_URL: url, RESPONSES_KEY: key }, async () => {
    const { default: pgLib } = await import('pg');
    const client = new pgLib.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
    await client.end();
    return Number(rows[0]!.n);
  });
} finally {
  await pg.stop();
}
