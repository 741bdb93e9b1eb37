/**
 * `npm run bench:store` (issue 20 point 8): the response store at size, on PGlite and on a
 * PostgreSQL server this bench starts (Debian's, as the tests start it, but with fsync on).
 * For each database:
 *  1. N stored responses of routine-enquiry 1.0.0 (STORE_BENCH_N, default 100,000). The schema is
 *     made by the real server's first submission; the rest are seeded by the fast path of
 *     test/support/seed-responses.ts: the very rows a submission leaves (head, version 1 sealed by
 *     the store's own code, create audit row), 1,000 per INSERT … SELECT unnest(…).
 *  2. Submission latency through the real server (`POST /api/responses`, dist/node/server.js) with
 *     C concurrent clients (STORE_BENCH_CLIENTS, default 20), S submissions (STORE_BENCH_SUBMISSIONS,
 *     default 2,000) on top of the N: p50, p95, p99 and submissions per second.
 *  3. Export throughput from the store over HTTP (`POST /api/response-exports`, streamed), CSV and
 *     JSON of every stored response: responses/s and MB/s (MB = 10^6 bytes).
 *  4. The database's size on disk (PGlite's folder; pg_database_size).
 * Figures only; nothing is asserted.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDefinition, type ResponseEnvelope } from '../../runtime/core/index';
import { pgliteDriver, postgresDriver, type SqlDriver } from '../../runtime/node/store/driver';
import { sealerFor } from '../../runtime/node/store/seal';
import { startServer } from '../e2e/support/server';
import { startPostgres } from '../support/postgres';
import { seedResponses } from '../support/seed-responses';

const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const N = num('STORE_BENCH_N', 100_000);
const SUBMISSIONS = num('STORE_BENCH_SUBMISSIONS', 2_000);
const CLIENTS = num('STORE_BENCH_CLIENTS', 20);
const only = process.env.STORE_BENCH_ONLY; // pglite | postgres

const loaded = loadDefinition(readFileSync('form-definitions/routine-enquiry/1.0.0.json', 'utf8'));
if (!loaded.ok) throw new Error('routine-enquiry 1.0.0 does not load');
const definition = loaded.value;
const base = JSON.parse(readFileSync('test/fixtures/responses/routine-enquiry/1.0.0/valid-complete.json', 'utf8')) as ResponseEnvelope;

function du(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const info = statSync(join(dir, name), { throwIfNoEntry: false });
    return n + (!info ? 0 : info.isDirectory() ? du(join(dir, name)) : info.size);
  }, 0);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const seconds = (t0: number) => (performance.now() - t0) / 1000;

async function submit(url: string, responseId: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${url}/api/responses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...base, responseId }) });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`submission ${responseId}: ${res.status}`);
  return performance.now() - start;
}

/** The export's bytes, counted as they arrive (nothing kept). */
function exportBytes(url: string, format: 'csv' | 'json'): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method: 'POST', path: '/api/response-exports', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`export ${format}: ${res.statusCode}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ form: 'routine-enquiry', version: '1.0.0', format, profile: 'full' }));
  });
}

async function run(name: string, env: Record<string, string>, open: () => Promise<SqlDriver>, size: () => Promise<number>): Promise<void> {
  const key = Buffer.from(env.RESPONSES_KEY!, 'base64');
  let server = await startServer({ env });
  await submit(server.url, 'bench-schema');
  await server.stop();

  const s0 = performance.now();
  const db = await open();
  await seedResponses(db, sealerFor(key), definition, base, {
    count: N - 1, prefix: 'seed-', actor: 'bench',
    onBatch: (done) => done % 20_000 === 0 && console.log(`${name}: ${done} seeded (${seconds(s0).toFixed(0)} s)`),
  });
  await db.close();
  const seedSeconds = seconds(s0);

  server = await startServer({ env });
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    for (let i = next++; i < SUBMISSIONS; i = next++) latencies.push(await submit(server.url, `bench-${String(i).padStart(7, '0')}`));
  }));
  const submitSeconds = seconds(t0);
  latencies.sort((a, b) => a - b);
  const stored = N + SUBMISSIONS;

  const exports: string[] = [];
  for (const format of ['csv', 'json'] as const) {
    const e0 = performance.now();
    const bytes = await exportBytes(server.url, format);
    const s = seconds(e0);
    exports.push(`${format.toUpperCase()} ${s.toFixed(1)} s, ${(stored / s).toFixed(0)} responses/s, ${(bytes / 1e6 / s).toFixed(1)} MB/s (${(bytes / 1e6).toFixed(0)} MB)`);
  }
  await server.stop();
  const mib = (await size()) / 1048576;
  console.log(
    `${name}: ${stored} stored (seeded ${N - 1} in ${seedSeconds.toFixed(0)} s)\n` +
      `  ${SUBMISSIONS} submissions, ${CLIENTS} clients: p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms, ${(SUBMISSIONS / submitSeconds).toFixed(0)}/s\n` +
      `  export ${exports.join('; ')}\n` +
      `  database ${mib.toFixed(0)} MiB (${((mib * 1048576) / stored / 1024).toFixed(1)} KiB a response)`,
  );
}

const RESPONSES_KEY = randomBytes(32).toString('base64');
console.log(`bench:store N=${N} submissions=${SUBMISSIONS} clients=${CLIENTS}`);
if (only !== 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  try {
    await run('PGlite', { RESPONSES_STORE: 'on', DATA_DIR: dataDir, RESPONSES_KEY }, () => pgliteDriver(join(dataDir, 'pglite')), async () => du(join(dataDir, 'pglite')));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
if (only !== 'pglite') {
  const pg = await startPostgres({ durable: true });
  try {
    const url = await pg.database('bench');
    await run('PostgreSQL', { RESPONSES_STORE: 'on', DATABASE_URL: url, RESPONSES_KEY }, () => postgresDriver(url), async () => {
      const db = await postgresDriver(url);
      const { rows } = await db.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
      await db.close();
      return Number(rows[0]!.n);
    });
  } finally {
    await pg.stop();
  }
}
