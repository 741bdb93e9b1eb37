import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, withPublishLock } from '../../runtime/node/publishLock';

/**
 * Issue 19, point 8: the publish lock with real processes. A waiter used to break a lock by its
 * age alone (30 s), so a live publish that held it long, or whose lock file looked old, had a
 * second publish let in beside it and one hash was lost. Each process logs when it is inside.
 */
const root = resolve(__dirname, '../..');
const base = mkdtempSync(join(tmpdir(), 'publish-lock-'));
const holder = join(base, 'holder.mjs');
let forms: string;
let log: string;
let round = 0;

beforeAll(async () => {
  await build({ entryPoints: [join(root, 'test/support/publish-lock-holder.ts')], outfile: holder, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => {
  forms = join(base, `forms-${++round}`);
  mkdirSync(forms);
  log = join(forms, 'log.txt');
  writeFileSync(log, '');
});

function publisher(label: string, holdMs: number): Promise<number | null> {
  const child = spawn(process.execPath, [holder, forms, label, String(holdMs), log], { stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((done) => child.on('exit', done));
}

const entries = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log: ${entries().join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every process in and out in turn, never two inside at once. */
function expectOneAtATime(labels: string[]) {
  const seen = entries();
  expect(seen).toHaveLength(labels.length * 2);
  for (let i = 0; i < seen.length; i += 2) expect(seen[i + 1]).toBe(seen[i]!.replace(/ in$/, ' out'));
  expect(seen.filter((e) => e.endsWith(' in')).map((e) => e.split(' ')[0]).sort()).toEqual([...labels].sort());
}

describe('the publish lock across processes', () => {
  it('a second waiter does not break the lock of a live holder, however old the lock looks', async () => {
    const first = publisher('A', 1500);
    await until(() => entries().includes('A in'), 'A to take the lock');
    // As a long publish, a slow disk or a clock step would leave it: older than any staleness limit.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(forms, LOCK_FILE), anHourAgo, anHourAgo);
    const second = publisher('B', 0);
    expect(await Promise.all([first, second])).toEqual([0, 0]);
    expect(entries()).toEqual(['A in', 'A out', 'B in', 'B out']);
    expect(existsSync(join(forms, LOCK_FILE))).toBe(false);
  });

  it("several waiters on a dead holder's lock: one breaks it, then they go one at a time", async () => {
    // pid 2^22 + 1 is above Linux's pid_max default: no such process.
    writeFileSync(join(forms, LOCK_FILE), `4194305 ${hostname()} 0 crashed`);
    const labels = ['P1', 'P2', 'P3', 'P4', 'P5'];
    expect(await Promise.all(labels.map((l) => publisher(l, 50)))).toEqual(labels.map(() => 0));
    expectOneAtATime(labels);
    expect(readdirSync(forms).filter((f) => f.includes('.lock'))).toEqual([]);
  });

  it('a holder on another machine is waited for while it keeps the lock fresh, and broken once silent', async () => {
    const lock = join(forms, LOCK_FILE);
    writeFileSync(lock, `1 another-host ${Date.now()} elsewhere`);
    await expect(withPublishLock(forms, async () => 'ran', { staleMs: 5_000, timeoutMs: 200 })).rejects.toThrow(/another publish is still writing/);
    const old = new Date(Date.now() - 10_000);
    utimesSync(lock, old, old);
    await expect(withPublishLock(forms, async () => 'ran', { staleMs: 5_000, timeoutMs: 200 })).resolves.toBe('ran');
  });

  it('a holder refreshes its lock while it works, so waiters elsewhere do not take it for gone', async () => {
    const lock = join(forms, LOCK_FILE);
    await withPublishLock(
      forms,
      async () => {
        const taken = statSync(lock).mtimeMs;
        await new Promise((r) => setTimeout(r, 300));
        expect(statSync(lock).mtimeMs).toBeGreaterThan(taken);
      },
      { staleMs: 90 },
    );
  });

  // The crash soak's republish answered 503 at stop 32: a server killed between creating the lock and
  // writing its token left an empty lock, which waiters took for a live holder elsewhere for 30 s.
  it('an empty lock, left by a holder that died creating it, is waited for a moment and then taken over', async () => {
    const lock = join(forms, LOCK_FILE);
    writeFileSync(lock, '');
    await expect(withPublishLock(forms, async () => 'ran', { timeoutMs: 300 })).rejects.toThrow(/another publish is still writing/);
    const old = new Date(Date.now() - 5_000);
    utimesSync(lock, old, old);
    await expect(withPublishLock(forms, async () => 'ran', { timeoutMs: 2_000 })).resolves.toBe('ran');
    expect(readdirSync(forms).filter((f) => f !== 'log.txt')).toEqual([]);
  });

  it('a lock holds its holder’s token while held, and taking it leaves nothing behind (its token is written aside, then linked into place)', async () => {
    const lock = join(forms, LOCK_FILE);
    const seen = await withPublishLock(forms, async () => [readFileSync(lock, 'utf8'), readdirSync(forms).filter((f) => f !== 'log.txt').sort()] as const);
    expect(seen[0]).toMatch(new RegExp(`^${process.pid} ${hostname()} \\d+ [0-9a-f-]{36}$`));
    expect(seen[1]).toEqual([LOCK_FILE]);
    expect(readdirSync(forms).filter((f) => f !== 'log.txt')).toEqual([]);
  });
});
