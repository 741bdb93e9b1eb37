import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The one atomic writer, for the command line (publish, migrate, compile) and the builder's
 * server alike: the new bytes go to a temporary file in the same folder (so the rename cannot
 * cross file systems), the file is fsynced, renamed over the target, and the folder is fsynced so
 * the rename itself survives a power cut. A reader, or a crash at any point, sees the old file or
 * the new one, never a mixture; on failure the temporary file is removed and the old file stays.
 */

/** Temporary files never end in `.json`, so a left-over one is never taken for a definition. */
const TEMP_PATTERN = /^\.as-[0-9a-f]{16}\.tmp$/;

/** Whether a file name is one of this writer's temporary files (left by a crash, safe to remove). */
export function isTempName(name: string): boolean {
  return TEMP_PATTERN.test(name);
}

/** A fresh temporary file name in `folder`, of the kind the server removes at start-up if a crash leaves it. */
export function tempPathIn(folder: string): string {
  return join(folder, `.as-${randomBytes(8).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = tempPathIn(folder);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    await rename(temp, path);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncFolder(folder);
}

/**
 * Puts temporary files written some other way (a stream, from tempPathIn) in their places as
 * writeFileAtomic puts its one: each synced, renamed over its target, then each folder synced. If
 * any step fails, the temporary files not yet renamed are removed and their targets stay as they were.
 */
export async function renameIntoPlace(files: ReadonlyArray<{ temp: string; path: string }>): Promise<void> {
  try {
    for (const { temp } of files) await syncFile(temp);
    for (const { temp, path } of files) await rename(temp, path);
  } catch (e) {
    await Promise.all(files.map(({ temp }) => unlink(temp).catch(() => undefined)));
    throw e;
  }
  for (const folder of new Set(files.map(({ path }) => dirname(path)))) await syncFolder(folder);
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync a folder, so a rename or unlink in it is on disk. */
export async function syncFolder(folder: string): Promise<void> {
  const dir = await open(folder, constants.O_RDONLY);
  try {
    await dir.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic, only less durable.
  } finally {
    await dir.close();
  }
}
