import { randomInt, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';

/**
 * One writer at a time for `form-definitions/published.json`. The command line's `publish` and the
 * builder's server both read the record, add a hash and write it back; each write is atomic, but
 * two read-modify-writes at once lose one of the hashes. A lock file created with O_EXCL is the
 * portable cross-process mutex (no native addon, works on every file system Node writes to).
 */
export const LOCK_FILE = '.published.json.lock';

/** A lock older than this is left by a crash: no publish holds it for more than a second or two. */
const STALE_MS = 30_000;

export class PublishLockTimeoutError extends Error {
  constructor(readonly lockFile: string) {
    super(`another publish is still writing ${lockFile}; try again in a moment (remove the file if no publish is running)`);
  }
}

export interface PublishLockOptions {
  /** How long to wait for another publish before giving up. */
  timeoutMs?: number;
}

export async function withPublishLock<T>(formsDir: string, fn: () => Promise<T>, options: PublishLockOptions = {}): Promise<T> {
  const path = join(formsDir, LOCK_FILE);
  const token = `${process.pid} ${hostname()} ${Date.now()} ${randomUUID()}`;
  await acquire(path, token, options.timeoutMs ?? 10_000);
  try {
    return await fn();
  } finally {
    // Only our own lock: a stale-lock breaker may have taken it over after a very long pause.
    const holder = await readFile(path, 'utf8').catch(() => '');
    if (holder === token) await unlink(path).catch(() => undefined);
  }
}

async function acquire(path: string, token: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o644);
      try {
        await handle.writeFile(token, 'utf8');
      } finally {
        await handle.close();
      }
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const stale = await staleHolder(path);
    if (stale !== undefined) {
      await breakStaleLock(path, stale);
      continue;
    }
    if (Date.now() > deadline) throw new PublishLockTimeoutError(path);
    // Jittered backoff, so two waiters do not retry in lockstep.
    await new Promise((r) => setTimeout(r, Math.min(200, 10 * 2 ** Math.min(attempt, 4)) * (0.5 + randomInt(1000) / 1000)));
  }
}

/** The holder's token when the lock is left by a crash, else undefined. */
async function staleHolder(path: string): Promise<string | undefined> {
  const [holder, info] = await Promise.all([readFile(path, 'utf8').catch(() => undefined), stat(path).catch(() => null)]);
  if (!info || holder === undefined) return undefined; // released meanwhile: just try again
  if (Date.now() - info.mtimeMs > STALE_MS) return holder;
  const [pid, host] = holder.split(' ');
  // A holder on this machine that no longer runs left the lock behind.
  if (host === hostname() && pid && Number(pid) !== process.pid && !isRunning(Number(pid))) return holder;
  return undefined;
}

/**
 * Removes the lock only if it still belongs to `staleHolder`. The holder was judged dead some
 * moments ago; meanwhile it may have released normally and exited, and a live publish may have
 * taken the lock (CI saw exactly that: an unconditional unlink let two publishes in and one hash
 * was lost). So the lock is first moved aside atomically, then read: the stale one is deleted, a
 * live one is linked back (link fails rather than overwrite if yet another publish got in).
 */
export async function breakStaleLock(path: string, staleHolder: string): Promise<void> {
  const aside = `${path}.${process.pid}.${randomUUID()}.breaking`;
  try {
    await rename(path, aside);
  } catch {
    return; // gone already: someone else broke or released it
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== staleHolder) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
