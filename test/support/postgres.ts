import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away PostgreSQL server for the store's tests: `initdb` in a temporary folder,
 * `pg_ctl start` on a free port of 127.0.0.1 with its socket in that folder, stopped (and the
 * folder removed) by `stop()`. Debian's binaries are found under /usr/lib/postgresql/<n>/bin
 * (scripts/ensure-postgres.mjs installs them on a bare machine). initdb refuses to run as root,
 * so as root the cluster is made and run by the `postgres` user (or `nobody`).
 */
export interface TestPostgres {
  /** A new, empty database on the server, as a DATABASE_URL. */
  database(name: string): Promise<string>;
  url(database?: string): string;
  /** The cluster's data directory (the encryption test reads its files). */
  dataDir: string;
  stop(): Promise<void>;
}

export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error('PostgreSQL not found under /usr/lib/postgresql/*/bin: run node scripts/ensure-postgres.mjs');
  return join(root, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function runAs(user: string | undefined, command: string, args: string[]): void {
  const [file, argv] = user ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args];
  const r = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr || r.stdout}`);
}

/** What it takes to reach and stop a test server, as plain data (shared between test workers). */
export interface PostgresHandle {
  bin: string;
  /** The folder holding the cluster, its socket and its log. */
  dir: string;
  data: string;
  port: number;
  /** Who runs the server (as root, not root). */
  user?: string;
}

/** `durable`: the server's defaults (fsync on), for figures a service would see (`npm run bench:store`). */
export async function startPostgresHandle(options: { durable?: boolean } = {}): Promise<PostgresHandle> {
  const bin = postgresBin();
  // In the machine's temporary folder, not the test run's (TMPDIR, test/support/run-setup.ts): that
  // one is root's alone, and the server runs as another user; stopPostgres removes this folder.
  const dir = mkdtempSync(join(process.env.AS_TEST_TMP_BASE ?? tmpdir(), 'as-pg-'));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? (spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody') : undefined;
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const data = join(dir, 'data');
  runAs(user, join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'studio', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // fsync off: a test cluster is thrown away, and syncing costs seconds on a shared machine.
  const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  runAs(user, join(bin, 'pg_ctl'), ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${fast}`, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  return { bin, dir, data, port, ...(user ? { user } : {}) };
}

export const postgresUrl = (handle: PostgresHandle, database = 'postgres') => `postgresql://studio@127.0.0.1:${handle.port}/${database}`;

/** A new, empty database on the server, as a DATABASE_URL. */
export async function postgresDatabase(handle: PostgresHandle, name: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: postgresUrl(handle) });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  return postgresUrl(handle, name);
}

export function stopPostgres(handle: PostgresHandle): void {
  try {
    runAs(handle.user, join(handle.bin, 'pg_ctl'), ['-D', handle.data, '-m', 'immediate', '-w', 'stop']);
  } finally {
    rmSync(handle.dir, { recursive: true, force: true });
  }
}

/** A server of one's own (the store bench); tests share the run's (test/support/shared-databases.ts). */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const handle = await startPostgresHandle(options);
  return {
    url: (database) => postgresUrl(handle, database),
    dataDir: handle.data,
    database: (name) => postgresDatabase(handle, name),
    stop: async () => stopPostgres(handle),
  };
}
