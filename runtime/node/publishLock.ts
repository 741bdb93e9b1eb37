import { randomInt, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { link, open, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { tempPathIn } from './atomicWrite';

/**
 * One writer at a time for `form-definitions/published.json`. The command line's `publish` and the
 * builder's server both read the record, add a hash and write it back; each write is atomic, but
 * two read-modify-writes at once lose one of the hashes. A lock file created with O_EXCL is the
 * portable cross-process mutex (no native addon, works on every file system Node writes to).
 *
 * The lock holds `<pid> <host> <time> <uuid>`. A waiter may break it only when its holder is
 * gone: on this machine, when that pid no longer runs (however old the lock: a live publish may
 * be slow, and age alone once let a second waiter in beside it); from another machine, where the
 * pid cannot be asked, when the holder has not refreshed the lock's time for `staleMs`.
 */
export const LOCK_FILE = '.published.json.lock';

/** A holder refreshes its lock's time three times per period; one silent this long is gone. */
const STALE_MS = 30_000;
/** An empty lock older than this was left by a holder that died creating it. */
const EMPTY_GRACE_MS = 3_000;

export class PublishLockTimeoutError extends Error {
  constructor(readonly lockFile: string) {
    super(`another publish is still writing ${lockFile}; try again in a moment (remove the file if no publish is running)`);
  }
}

export interface PublishLockOptions {
  /** How long to wait for another publish before giving up. */
  timeoutMs?: number;
  /** How long a holder on another machine may leave the lock untouched before it counts as gone. */
  staleMs?: number;
}

export async function withPublishLock<T>(formsDir: string, fn: () => Promise<T>, options: PublishLockOptions = {}): Promise<T> {
  const path = join(formsDir, LOCK_FILE);
  const staleMs = options.staleMs ?? STALE_MS;
  const token = `${process.pid} ${hostname()} ${Date.now()} ${randomUUID()}`;
  await acquire(path, token, options.timeoutMs ?? 10_000, staleMs);
  // The heartbeat waiters on other machines judge us by; unref'd, so it never keeps a process up.
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, Math.max(10, Math.floor(staleMs / 3)));
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    const holder = await readFile(path, 'utf8').catch(() => '');
    if (holder === token) await unlink(path).catch(() => undefined);
  }
}

/**
 * Create `path` exclusively with `token` in it: true when this call made it. The token is written
 * to a temporary file first and hard-linked into place (a link, like O_EXCL, fails when the lock
 * exists), so a process killed at any moment leaves no lock or a whole one. Opening the lock and
 * then writing left an empty lock when the kill fell between the two; with no pid to ask, waiters
 * took it for a live holder on another machine (the crash soak's publish got 503 at stop 32).
 */
async function create(path: string, token: string): Promise<boolean> {
  const temp = tempPathIn(dirname(path));
  await writeFile(temp, token, { flag: 'wx', mode: 0o644 });
  try {
    await link(temp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: created exclusively, then written.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return createThenWrite(path, token);
    throw e;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function createThenWrite(path: string, token: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    await handle.writeFile(token, 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}

async function acquire(path: string, token: string, timeoutMs: number, staleMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    if (await create(path, token)) return;
    const stale = await staleHolder(path, staleMs);
    // Straight back to `create` only after a break: a busy break guard waits like a live lock.
    if (stale !== undefined && (await breakStaleLock(path, stale, staleMs))) continue;
    if (Date.now() > deadline) throw new PublishLockTimeoutError(path);
    // Jittered backoff, so two waiters do not retry in lockstep.
    await new Promise((r) => setTimeout(r, Math.min(200, 10 * 2 ** Math.min(attempt, 4)) * (0.5 + randomInt(1000) / 1000)));
  }
}

/** The holder's token when the holder of `path` is gone, else undefined (alive, or released meanwhile). */
async function staleHolder(path: string, staleMs: number): Promise<string | undefined> {
  const [holder, info] = await Promise.all([readFile(path, 'utf8').catch(() => undefined), stat(path).catch(() => null)]);
  if (!info || holder === undefined) return undefined; // released meanwhile: just try again
  // Empty: its holder died between creating and writing it (an older build, or a file system
  // without links). A live one writes its token at once; a few seconds' grace is ample.
  if (holder === '') return Date.now() - info.mtimeMs > EMPTY_GRACE_MS ? holder : undefined;
  const [pid, host] = holder.split(' ');
  if (host === hostname() && pid && /^\d+$/.test(pid)) {
    // On this machine the pid answers, whatever the lock's age.
    return Number(pid) !== process.pid && !isRunning(Number(pid)) ? holder : undefined;
  }
  return Date.now() - info.mtimeMs > staleMs ? holder : undefined;
}

/**
 * Removes the lock only if it still holds `goneToken`, the token of the holder judged gone. Waiters that judged the same
 * holder gone race here: the first breaks the lock and may take it at once, so a later one must
 * not touch what it finds. Checking and removing happen under a second O_EXCL file, so no two
 * breakers interleave, and the lock is never moved aside (a moment without it would let another
 * publish in beside the live holder). True when this call had the guard (the lock is then gone or another's).
 */
export async function breakStaleLock(path: string, goneToken: string, staleMs: number = STALE_MS): Promise<boolean> {
  const guard = `${path}.break`;
  if (!(await create(guard, `${process.pid} ${hostname()} ${Date.now()} ${randomUUID()}`))) {
    // Another waiter is breaking it now; a guard left by a breaker that died is cleared, then retried.
    const dead = await staleHolder(guard, staleMs);
    if (dead !== undefined && (await readFile(guard, 'utf8').catch(() => undefined)) === dead) await unlink(guard).catch(() => undefined);
    return false;
  }
  try {
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === goneToken) await unlink(path).catch(() => undefined);
    return true;
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
